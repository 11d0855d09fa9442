import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { PLAN_PER_EXECUTION } from "@/lib/db/prepared-statements";
import {
  ameldingFeedback,
  bulkOperationMembers,
  organisations,
  submissions,
  submissionVersions,
} from "@/lib/db/schema";
import { timeRangeConditions } from "@/lib/filters/time-range-sql";
import {
  chooseSearchStrategy,
  type SearchStrategy,
  searchMatches,
  submissionSearchCondition,
} from "../search/search-sql";
import { errorCodeSql, failureCauseSql, specCodeSql } from "./failure-signature";
import {
  decodeCursor,
  encodeCursor,
  IN_FLIGHT_STATUSES,
  NO_SPEC_CODE,
  SUBMISSION_STATUSES,
  type SubmissionListFilter,
  UNSUCCESSFUL_STATUSES,
} from "./list-filter";
import { inOrganisations, organisationsInFilter } from "./organisation-scope";

export const SUBMISSION_PAGE_SIZE = 50;

/**
 * The list's WHERE clause, scoped to the user's organisations. Shared with bulk operations, the
 * overview and the CSV export, so "retry/export everything in this filter" means exactly the
 * rows the list shows (on every page). `search` says how a free-text query finds its rows
 * (chooseSearchStrategy; the default collects the matching ids, which is what counts want).
 */
export function submissionFilterConditions(
  organisationIds: string[],
  filter: Partial<SubmissionListFilter>,
  options: { search?: SearchStrategy } = {},
): SQL[] {
  // `org=` narrows the scope itself (organisationsInFilter): the reader's organisations and that one.
  const scope = organisationsInFilter(organisationIds, filter.org);
  const conditions: SQL[] = [inOrganisations(submissions.organisationId, scope)];
  if (filter.status?.length) conditions.push(...statusConditions(filter.status));
  // A literal, not a parameter, so a prepared statement's plan can use the partial oppdrag index.
  if (filter.kind)
    conditions.push(sql`${submissions.kind} = ${sql.raw(filter.kind === "oar" ? "'oar'" : "'amelding'")}`);
  if (filter.code) {
    conditions.push(sql`${errorCodeSql} = ${filter.code.toUpperCase()}`, sql`${submissions.lastErrorCode} is not null`);
  }
  // Among failures only (the error groups' links), the signature stored on the row (kept by the
  // triggers of migration 0025, equal to the expressions) walks its index in the list's order; any
  // other status set evaluates the expressions per row.
  const failuresOnly =
    filter.status?.length && filter.status.every((s) => (UNSUCCESSFUL_STATUSES as readonly string[]).includes(s));
  const specCode = failuresOnly ? sql`${submissions.failureSpecCode}` : specCodeSql;
  const cause = failuresOnly ? sql`${submissions.failureCause}` : failureCauseSql;
  if (filter.spec) {
    conditions.push(
      filter.spec === NO_SPEC_CODE ? sql`${specCode} is null` : sql`${specCode} = ${filter.spec.toUpperCase()}`,
    );
  }
  if (filter.cause) conditions.push(sql`${cause} = ${filter.cause}`);
  if (filter.bulk) {
    conditions.push(
      sql`exists (select 1 from ${bulkOperationMembers} m where m.operation_id = ${filter.bulk}::uuid and m.submission_id = ${submissions.id})`,
    );
  }
  conditions.push(...timeRangeConditions(submissions.createdAt, filter));
  // The A-melding's month, or the month an oppdrag was created in (Norwegian time), through the
  // function its index is built on (submissions_period_created_idx).
  if (filter.period) {
    conditions.push(
      sql`submission_period(${submissions.kind}, ${submissions.subject}, ${submissions.createdAt}) = ${filter.period}`,
    );
  }
  if (filter.q) conditions.push(submissionSearchCondition(scope, filter.q, options.search));
  return conditions;
}

/**
 * The statuses as literals (they are SUBMISSION_STATUSES, checked here again), so the planner can
 * match the partial indexes for needs action and in flight even in a prepared statement's
 * generic plan. In flight is read as `next_attempt_at is not null`, which is true of exactly
 * those statuses (lib/db/schema.ts, migration 0005) and is what the in-flight index is partial
 * on: the whole set by that alone (with the status beside it, the planner multiplied the two
 * selectivities as if independent, expected 64 rows instead of 10 000 and sorted them all), a
 * part of it by both.
 */
function statusConditions(statuses: readonly string[]): SQL[] {
  const known = SUBMISSION_STATUSES.filter((s) => statuses.includes(s));
  if (known.length === 0) return [sql`false`];
  const inFlight = sql`${submissions.nextAttemptAt} is not null`;
  if (known.length === IN_FLIGHT_STATUSES.length && IN_FLIGHT_STATUSES.every((s) => known.includes(s))) {
    return [inFlight];
  }
  const conditions = [sql`${submissions.status} in (${sql.raw(known.map((s) => `'${s}'`).join(", "))})`];
  if (known.every((s) => (IN_FLIGHT_STATUSES as readonly string[]).includes(s))) conditions.push(inFlight);
  return conditions;
}

/** The conditions the export's cursor runs over the whole set: the search strategy chosen for its query. */
export async function submissionPageConditions(
  db: DbOrTx,
  organisationIds: string[],
  filter: Partial<SubmissionListFilter>,
): Promise<SQL[]> {
  const search = filter.q
    ? await chooseSearchStrategy(db, organisationsInFilter(organisationIds, filter.org), filter.q)
    : undefined;
  return submissionFilterConditions(organisationIds, filter, { search });
}

/**
 * What one page of a list reads (submissionPageIds): its conditions, and for a query that is not
 * broad (chooseSearchStrategy: `ids`) the search whose matches, newest first from the terms'
 * index (searchMatches), are joined in place of the search condition. A broad query keeps the
 * probe among the conditions.
 */
export type SubmissionPageSelection = {
  conditions: SQL[];
  search: { organisationIds: string[]; query: string } | null;
};

export async function submissionPageSelection(
  db: DbOrTx,
  organisationIds: string[],
  filter: Partial<SubmissionListFilter>,
): Promise<SubmissionPageSelection> {
  const scope = organisationsInFilter(organisationIds, filter.org);
  const strategy = filter.q ? await chooseSearchStrategy(db, scope, filter.q) : undefined;
  if (!filter.q || strategy === "probe") {
    return { conditions: submissionFilterConditions(organisationIds, filter, { search: strategy }), search: null };
  }
  return {
    conditions: submissionFilterConditions(organisationIds, { ...filter, q: undefined }),
    search: { organisationIds: scope, query: filter.q },
  };
}

/** created_at at full precision, for the keyset cursor (see encodeCursor). */
export const submissionCursorTime = sql<string>`to_char(${submissions.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows after the cursor in the newest-first order. */
export function afterSubmissionCursor(cursor: string | undefined): SQL[] {
  const decoded = decodeCursor(cursor);
  if (!decoded) return [];
  return [
    sql`(${submissions.createdAt}, ${submissions.id}) < (${decoded.createdAt}::timestamptz, ${decoded.id}::uuid)`,
  ];
}

/**
 * The lists' order, newest first. NULLS LAST as the indexes have it (drizzle-kit writes every
 * descending column so): a plain `desc` means NULLS FIRST, which no index provides, and PostgreSQL
 * then read all the reader's rows and sorted them (1.9 s at a million), although the columns are
 * never null.
 */
export const newestFirst = [
  sql`${submissions.createdAt} desc nulls last`,
  sql`${submissions.id} desc nulls last`,
] as const;

/**
 * The ids of one page after the keyset cursor: the only part that reads many rows, walking an
 * index in the list's order (created_at, id) with the filters checked per row, LIMITed before
 * anything is joined. With a search, the walk is over its matches (searchMatches): sorted from
 * the terms' index, each joined to its submission by id and created_at (equal by construction,
 * migration 0037; the join also lets the planner take the matches' order for the list's), so only
 * the rows up to the page's last are read from `submissions`, where the other filters are checked.
 */
export function submissionPageIds(selection: SubmissionPageSelection, cursor: string | undefined, limit: number) {
  const conditions = [...selection.conditions, ...afterSubmissionCursor(cursor)];
  const { search } = selection;
  if (!search) {
    return sql`select ${sql.raw(PLAN_PER_EXECUTION)} ${submissions.id} from ${submissions} where ${and(...conditions)}
    order by ${sql.join([...newestFirst], sql`, `)} limit ${limit}`;
  }
  // The sorted matches, each looked up by primary key under the LIMIT, in the matches' own order:
  // the planner cannot estimate a prefix's matches (it expected 12 of 6 700) and, ordering by the
  // submissions' columns, joined all of them before sorting; with a plain join it hashed a
  // sequential scan of `submissions` for a few thousand. The `limit 1` (one row per id) keeps the
  // lookup per match (a LATERAL subquery without it is flattened into that join).
  const matchesOrder = sql.raw("matches.created_at desc nulls last, matches.id desc nulls last");
  return sql`select ${sql.raw(PLAN_PER_EXECUTION)} page.id
    from (${searchMatches(search.organisationIds, search.query, decodeCursor(cursor))} order by created_at desc nulls last, id desc nulls last) matches
    cross join lateral (select ${submissions.id} as id from ${submissions}
      where ${submissions.id} = matches.id and ${submissions.createdAt} = matches.created_at and ${and(...conditions)} limit 1) page
    order by ${matchesOrder} limit ${limit}`;
}

/**
 * The list's query (newest first, keyset-paginated, scoped to the user's organisations in the
 * WHERE clause), unexecuted, so the search benchmark can EXPLAIN exactly what the list runs.
 * The page's ids are chosen first (submissionPageIds), then joined to what each row shows.
 */
export function listSubmissionsQuery(
  db: DbOrTx,
  selection: SubmissionPageSelection,
  cursor: string | undefined,
  limit: number,
) {
  const ids = submissionPageIds(selection, cursor, limit + 1);
  return db
    .select({
      id: submissions.id,
      kind: submissions.kind,
      subject: submissions.subject,
      status: submissions.status,
      organisationId: submissions.organisationId,
      organisationName: organisations.name,
      orgnr: organisations.orgnr,
      lastAttemptAt: submissions.lastAttemptAt,
      nextAttemptAt: submissions.nextAttemptAt,
      lastErrorCode: submissions.lastErrorCode,
      statusReasonCode: submissions.statusReasonCode,
      statusReasonParams: submissions.statusReasonParams,
      receivedIds: submissions.receivedIds,
      feedbackStatus: ameldingFeedback.status,
      createdAt: submissions.createdAt,
      cursorTime: submissionCursorTime,
      replacesSubmissionId: submissions.replacesSubmissionId,
      reportedForskuddstrekk: submissionVersions.reportedForskuddstrekk,
      reportedArbeidsgiveravgift: submissionVersions.reportedArbeidsgiveravgift,
      // Four-eyes (docs/four-eyes.md): the current version waits for another user's approval.
      awaitingApproval: sql<boolean>`coalesce(${submissionVersions.approvalRequestedAt} is not null
        and ${submissionVersions.approvedAt} is null and ${submissionVersions.declinedAt} is null, false)`,
      // An A-melding stops being the month's current message once a replacement is accepted.
      replacedById: sql<string | null>`(select r.id from ${submissions} r
        where r.replaces_submission_id = ${submissions.id} and r.status = 'accepted' order by r.accepted_at desc limit 1)`,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .leftJoin(ameldingFeedback, eq(ameldingFeedback.submissionId, submissions.id))
    .leftJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(sql`${submissions.id} in (${ids})`)
    .orderBy(...newestFirst);
}

/** Newest first, keyset-paginated, scoped to the user's organisations in the WHERE clause. */
export async function listSubmissions(
  db: DbOrTx,
  organisationIds: string[],
  filter: SubmissionListFilter,
  limit = SUBMISSION_PAGE_SIZE,
) {
  if (organisationsInFilter(organisationIds, filter.org).length === 0)
    return { rows: [], nextCursor: null, inFlight: false };
  const selection = await submissionPageSelection(db, organisationIds, filter);
  const rows = await listSubmissionsQuery(db, selection, filter.cursor, limit);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursorTime, last.id) : null,
    inFlight: page.some((r) => (IN_FLIGHT_STATUSES as readonly string[]).includes(r.status)),
  };
}
