import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import { PLAN_PER_EXECUTION } from "@/lib/db/prepared-statements";
import { deliveryAttempts, submissionSearchTerms, submissions, submissionVersions } from "@/lib/db/schema";
import { inOrganisations } from "../queries/organisation-scope";
import { hashPersonId } from "./person-id-hash";
import { asOrgnr, asPersonId, normaliseSearchText, prefixUpperBound } from "./search-text";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How the search finds its rows. `ids`: collect the ids of every match through the terms' lookup
 * index, then order those (cheap while the matches are few). `probe`: walk the list's order and
 * test each submission's own few terms (cheap when many match: the first page is found after a
 * few hundred rows). A common given name or a five-letter prefix matches a tenth of a million
 * submissions, a surname a few dozen; chooseSearchStrategy tells them apart.
 */
export type SearchStrategy = "ids" | "probe";

/**
 * Past this many matching terms collecting the ids costs more than probing. A probe walks about
 * 50 × (the reader's submissions / matches) rows for a first page: at a million submissions and
 * 3 000 matches, 17 000 probed rows (1-2.7 s), where collecting 6 600 ids took 150-250 ms; the two
 * cost the same near 8 000-10 000 matches (docs/benchmarks.md, "List, search and export at 1 000 000 rows").
 */
export const BROAD_SEARCH_MATCHES = 8000;

/** `exact`: one term by equality (a keyed fødselsnummer hash, an orgnr), not a prefix. */
type TermMatch = { kind: string; condition: SQL; exact?: boolean };

function termMatches(query: string): TermMatch[] {
  const matches: TermMatch[] = [];
  const normalised = normaliseSearchText(query);
  if (normalised) {
    const prefix = sql`${submissionSearchTerms.term} ~>=~ ${normalised} and ${submissionSearchTerms.term} ~<~ ${prefixUpperBound(normalised)}`;
    matches.push({ kind: "name", condition: prefix }, { kind: "reference", condition: prefix });
  }
  const personId = asPersonId(query);
  if (personId)
    matches.push({
      kind: "person_id",
      condition: sql`${submissionSearchTerms.term} = ${hashPersonId(personId)}`,
      exact: true,
    });
  const orgnr = asOrgnr(query);
  if (orgnr) matches.push({ kind: "orgnr", condition: sql`${submissionSearchTerms.term} = ${orgnr}`, exact: true });
  return matches;
}

/** Ids the query names exactly outside the terms: Skatteetaten's answers, attempts, keys, the id itself. */
function exactBranches(organisationIds: string[], query: string): SQL[] {
  const exact = query.trim();
  const branches: SQL[] = [
    sql`select s2.id from ${submissions} s2 where ${inOrganisations(sql`s2.organisation_id`, organisationIds)} and s2.received_ids is not null
    and (s2.received_ids @> jsonb_build_object('forsendelseId', ${exact}::text)
      or s2.received_ids @> jsonb_build_object('meldingsId', ${exact}::text)
      or s2.received_ids @> jsonb_build_object('dialogId', ${exact}::text))`,
    sql`select ${deliveryAttempts.submissionId} from ${deliveryAttempts} where ${deliveryAttempts.korrelasjonsid} = ${exact}`,
  ];
  if (UUID.test(exact)) {
    branches.push(sql`select ${exact}::uuid`);
    branches.push(
      sql`select ${submissionVersions.submissionId} from ${submissionVersions} where ${submissionVersions.idempotencyKey} = ${exact}::uuid`,
    );
  }
  return branches;
}

/**
 * The list's free-text search: submissions whose person or party names start with a word of the
 * query (prefix, any word of the name onwards), or that carry the query as a fødselsnummer/d-nummer
 * (exact, by its keyed hash), an orgnr, a reference (meldingsId, oppdragsreferanse, foreign
 * registration number; prefix), an id Skatteetaten answered (forsendelseId, meldingsId,
 * dialogId), a korrelasjonsid, an idempotency key or the submission's id.
 *
 * `ids` (the default, and what counts use): one `id = any(array(… union all …))`, every branch an index
 * lookup (submission_search_terms by organisation, kind and term; the GIN index of received_ids;
 * korrelasjonsid; idempotency key), so the planner joins the few ids found to submissions instead
 * of testing every submission against an OR (docs/benchmarks.md, "Search (`npm run bench:search`)"). `probe`: each
 * submission the list walks is tested against its own terms (the primary key leads with its id),
 * and the exact ids, which are few, are collected once.
 */
export function submissionSearchCondition(
  organisationIds: string[],
  query: string,
  strategy: SearchStrategy = "ids",
): SQL {
  if (organisationIds.length === 0) return sql`false`;
  const matches = termMatches(query);
  const exact = sql.join(exactBranches(organisationIds, query), sql` union all `);
  if (strategy === "probe") {
    const terms = matches.map((m) => sql`(${submissionSearchTerms.kind} = ${m.kind} and ${m.condition})`);
    // `offset 0` keeps the probe per walked row: without it PostgreSQL may turn the EXISTS into a
    // hashed subplan that first collects every match (160 000 terms for a common given name at a
    // million submissions: 0.9 s), which is what this strategy is there to avoid.
    const probe = terms.length
      ? sql`exists (select 1 from ${submissionSearchTerms} where ${submissionSearchTerms.submissionId} = ${submissions.id}
          and (${sql.join(terms, sql` or `)}) offset 0)`
      : sql`false`;
    return sql`(${probe} or ${submissions.id} in (${exact}))`;
  }
  const orgs = inOrganisations(submissionSearchTerms.organisationId, organisationIds);
  const branches = matches.map(
    (m) =>
      sql`select ${submissionSearchTerms.submissionId} from ${submissionSearchTerms} where ${orgs} and ${submissionSearchTerms.kind} = ${m.kind} and ${m.condition}`,
  );
  // `= any(array(…))`: the ids are collected once, before the list walks anything. As `in (…)`
  // the planner could walk the list's index instead, testing every submission against the set
  // (1 s for a surname at a million).
  return sql`${submissions.id} = any(array(${sql.join([...branches, exact], sql` union all `)}))`;
}

/**
 * The ids strategy's matches as rows (created_at, id), for the list to take its newest page from
 * (submissionPageIds): the terms carry their submission's created_at and the terms' index holds
 * kind, term, organisation, created_at and submission, so the matches of a surname that prefixes
 * thousands of others are found, scoped and ordered without reading `submissions`; only the page's
 * rows are then read. The same matches as submissionSearchCondition's `ids` (the terms of the
 * readers' organisations, and the exact ids); `after` is the list's keyset cursor, applied here
 * too so a later page does not read the rows before it
 * (docs/benchmarks.md, "Search by surname from the terms' index (30 November 2026)").
 */
export function searchMatches(
  organisationIds: string[],
  query: string,
  after: { createdAt: string; id: string } | null,
): SQL {
  const t = submissionSearchTerms;
  const orgs = inOrganisations(t.organisationId, organisationIds);
  const cursor = after ? sql`(${after.createdAt}::timestamptz, ${after.id}::uuid)` : null;
  const branches = termMatches(query).map(
    (m) =>
      sql`select ${t.createdAt} as created_at, ${t.submissionId} as id from ${t}
        where ${orgs} and ${t.kind} = ${m.kind} and ${m.condition}${cursor ? sql` and (${t.createdAt}, ${t.submissionId}) < ${cursor}` : sql``}`,
  );
  const exact = sql.join(exactBranches(organisationIds, query), sql` union all `);
  branches.push(
    sql`select e.created_at, e.id from ${submissions} e where e.id = any(array(${exact}))${cursor ? sql` and (e.created_at, e.id) < ${cursor}` : sql``}`,
  );
  return sql.join(branches, sql` union `);
}

/**
 * `probe` when the query's terms match at least BROAD_SEARCH_MATCHES rows of the readers'
 * organisations (counted through the lookup index, stopping there), else `ids`.
 */
export async function chooseSearchStrategy(
  db: DbOrTx,
  organisationIds: string[],
  query: string,
  threshold = BROAD_SEARCH_MATCHES,
): Promise<SearchStrategy> {
  const matches = termMatches(query);
  if (organisationIds.length === 0 || matches.length === 0) return "ids";
  const t = submissionSearchTerms;
  const orgs = inOrganisations(t.organisationId, organisationIds);
  const branches = matches.map((m) =>
    m.exact && organisationIds.length > 1
      ? // One term by equality, for a reader of many organisations: found through (kind, term) in
        // the terms' index, then scoped. Offered the scope as an index condition, the planner took
        // the lookup index (organisation first) and searched it once per organisation: 2 000
        // searches, 11 ms (docs/benchmarks.md, "CSV export's prefetch sent in time, exact search
        // terms for many organisations (30 November 2026, night)"). `offset 0` keeps the scope out
        // of the inner scan.
        sql`(select 1 from (select ${t.organisationId} as organisation_id from ${t} where ${t.kind} = ${m.kind} and ${m.condition} offset 0) matched
          where ${inOrganisations(sql`matched.organisation_id`, organisationIds)} limit ${threshold})`
      : sql`(select 1 from ${t} where ${orgs} and ${t.kind} = ${m.kind} and ${m.condition} limit ${threshold})`,
  );
  const row = firstRow(
    await db.execute<{ n: number }>(
      sql`select ${sql.raw(PLAN_PER_EXECUTION)} count(*)::int as n from (${sql.join(branches, sql` union all `)} limit ${threshold}) found`,
    ),
  );
  return row.n >= threshold ? "probe" : "ids";
}
