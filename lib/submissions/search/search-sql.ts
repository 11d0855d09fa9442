import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { deliveryAttempts, submissionSearchTerms, submissions, submissionVersions } from "@/lib/db/schema";
import { hashPersonId } from "./person-id-hash";
import { asOrgnr, asPersonId, normaliseSearchText, prefixUpperBound } from "./search-text";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Prefix matches on names and references from which a search counts as broad (see isBroadSearch). */
export const BROAD_SEARCH_MATCHES = 500;

const orgList = (organisationIds: string[]) =>
  sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Terms (of the table or an alias of it) that start with the query, normalised; null when it has no letters or digits. */
function prefixOf(query: string, term: SQL) {
  const normalised = normaliseSearchText(query);
  if (!normalised) return null;
  return sql`${term} ~>=~ ${normalised} and ${term} ~<~ ${prefixUpperBound(normalised)}`;
}

/**
 * The list's free-text search: submissions whose person or party names start with a word of the
 * query (prefix, any word of the name onwards), or that carry the query as a fødselsnummer/d-nummer
 * (exact, by its keyed hash), an orgnr, a reference (meldingsId, oppdragsreferanse, foreign
 * registration number; prefix), an id Skatteetaten answered (forsendelseId, meldingsId,
 * dialogId), a korrelasjonsid, an idempotency key or the submission's id.
 *
 * Usually one `id in (… union all …)`: every branch is an index lookup (submission_search_terms by
 * organisation, kind and term; the GIN index of received_ids; korrelasjonsid; idempotency key),
 * and the planner joins the few ids found to submissions, instead of testing every submission of
 * the organisations against an OR. A broad prefix ("kari", "a") can match a large share of the
 * submissions; collecting them all to show the newest 50 is slow, so for a broad search
 * (isBroadSearch) the list walks submissions newest first and probes each one's terms by primary
 * key instead, stopping after a page (docs/benchmarks.md, "Search").
 */
export function submissionSearchCondition(
  organisationIds: string[],
  query: string,
  options: { broad?: boolean } = {},
): SQL {
  if (organisationIds.length === 0) return sql`false`;
  const orgIds = orgList(organisationIds);
  const t = submissionSearchTerms;
  const branches: SQL[] = [];
  const term = (kind: string, condition: SQL) =>
    branches.push(
      sql`select ${t.submissionId} from ${t} where ${t.organisationId} in (${orgIds}) and ${t.kind} = ${kind} and ${condition}`,
    );
  const prefix = prefixOf(query, sql`${t.term}`);
  if (prefix && !options.broad) {
    term("name", prefix);
    term("reference", prefix);
  }
  const personId = asPersonId(query);
  if (personId) term("person_id", sql`${t.term} = ${hashPersonId(personId)}`);
  const orgnr = asOrgnr(query);
  if (orgnr) term("orgnr", sql`${t.term} = ${orgnr}`);

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
  const lookup = sql`${submissions.id} in (${sql.join(branches, sql` union all `)})`;
  const walkedPrefix = prefixOf(query, sql`bt.term`);
  if (!options.broad || !walkedPrefix) return lookup;
  // Probed per submission through the primary key (submission_id, kind, term).
  return sql`(exists (select 1 from ${t} bt where bt.submission_id = ${submissions.id}
    and bt.kind in ('name', 'reference') and ${walkedPrefix}) or ${lookup})`;
}

/**
 * Whether the query's name/reference prefix matches at least BROAD_SEARCH_MATCHES terms in the
 * organisations: read from the lookup index, at most that many entries.
 */
export async function isBroadSearch(db: DbOrTx, organisationIds: string[], query: string): Promise<boolean> {
  const prefix = prefixOf(query, sql`${submissionSearchTerms.term}`);
  if (!prefix || organisationIds.length === 0) return false;
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from (
    select 1 from ${submissionSearchTerms}
    where ${submissionSearchTerms.organisationId} in (${orgList(organisationIds)})
      and ${submissionSearchTerms.kind} in ('name', 'reference') and ${prefix}
    limit ${BROAD_SEARCH_MATCHES}) m`);
  return (row?.n ?? 0) >= BROAD_SEARCH_MATCHES;
}
