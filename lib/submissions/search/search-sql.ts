import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { deliveryAttempts, submissionSearchTerms, submissions, submissionVersions } from "@/lib/db/schema";
import { hashPersonId } from "./person-id-hash";
import { asOrgnr, asPersonId, normaliseSearchText, prefixUpperBound } from "./search-text";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The list's free-text search: submissions whose person or party names start with a word of the
 * query (prefix, any word of the name onwards), or that carry the query as a fødselsnummer/d-nummer
 * (exact, by its keyed hash), an orgnr, a reference (meldingsId, oppdragsreferanse, foreign
 * registration number; prefix), an id Skatteetaten answered (forsendelseId, meldingsId,
 * dialogId), a korrelasjonsid, an idempotency key or the submission's id.
 *
 * One `id in (… union all …)`: every branch is an index lookup (submission_search_terms by
 * organisation, kind and term; the GIN index of received_ids; korrelasjonsid; idempotency key),
 * and the planner joins the few ids found to submissions, instead of testing every submission of
 * the organisations against an OR (docs/benchmarks.md, "Search (`npm run bench:search`)").
 */
export function submissionSearchCondition(organisationIds: string[], query: string): SQL {
  if (organisationIds.length === 0) return sql`false`;
  const orgIds = sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const orgs = sql`${submissionSearchTerms.organisationId} in (${orgIds})`;
  const branches: SQL[] = [];
  const term = (kind: string, condition: SQL) =>
    branches.push(
      sql`select ${submissionSearchTerms.submissionId} from ${submissionSearchTerms} where ${orgs} and ${submissionSearchTerms.kind} = ${kind} and ${condition}`,
    );
  const normalised = normaliseSearchText(query);
  if (normalised) {
    const prefix = sql`${submissionSearchTerms.term} ~>=~ ${normalised} and ${submissionSearchTerms.term} ~<~ ${prefixUpperBound(normalised)}`;
    term("name", prefix);
    term("reference", prefix);
  }
  const personId = asPersonId(query);
  if (personId) term("person_id", sql`${submissionSearchTerms.term} = ${hashPersonId(personId)}`);
  const orgnr = asOrgnr(query);
  if (orgnr) term("orgnr", sql`${submissionSearchTerms.term} = ${orgnr}`);

  const exact = query.trim();
  branches.push(sql`select s2.id from ${submissions} s2 where s2.organisation_id in (${orgIds}) and s2.received_ids is not null
    and (s2.received_ids @> jsonb_build_object('forsendelseId', ${exact}::text)
      or s2.received_ids @> jsonb_build_object('meldingsId', ${exact}::text)
      or s2.received_ids @> jsonb_build_object('dialogId', ${exact}::text))`);
  branches.push(
    sql`select ${deliveryAttempts.submissionId} from ${deliveryAttempts} where ${deliveryAttempts.korrelasjonsid} = ${exact}`,
  );
  if (UUID.test(exact)) {
    branches.push(sql`select ${exact}::uuid`);
    branches.push(
      sql`select ${submissionVersions.submissionId} from ${submissionVersions} where ${submissionVersions.idempotencyKey} = ${exact}::uuid`,
    );
  }
  return sql`${submissions.id} in (${sql.join(branches, sql` union all `)})`;
}
