import "server-only";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { PLAN_PER_EXECUTION } from "@/lib/db/prepared-statements";
import {
  errorGroupDailyRollups,
  errorGroupSummaries,
  errorGroupSummaryChanges,
  errorGroupTotals,
  organisations,
  submissions,
} from "@/lib/db/schema";
import { REPORTING_TIME_ZONE } from "@/lib/filters/time-range";
import { RETRYABLE_STATUSES } from "../operations/operations";
import type { StatusReason } from "../status-reason";
import { errorCodeSql, failureCauseSql, specCodeSql, specFieldSql } from "./failure-signature";
import { type FailureCause, NO_SPEC_CODE, type SubmissionListFilter, UNSUCCESSFUL_STATUSES } from "./list-filter";
import { submissionFilterConditions } from "./list-submissions";
import { inOrganisationSet } from "./organisation-scope";

/** The list filters the error groups can be narrowed by. */
export type ErrorGroupFilter = Pick<SubmissionListFilter, "kind" | "org" | "from" | "to">;

export type ErrorGroup = {
  status: (typeof UNSUCCESSFUL_STATUSES)[number];
  /** The error code, upper-cased; null for failures without one (then `cause` says why). */
  code: string | null;
  /** The first specification code of the latest attempt's decoded error. */
  specCode: string | null;
  cause: FailureCause | null;
  count: number;
  organisationCount: number;
  /** The first ORGANISATION_NAMES_SHOWN distinct organisation names, in name order. */
  organisationNames: string[];
  /** How many distinct organisation names the group has (organisations may share a name). */
  organisationNameCount: number;
  firstSeen: Date;
  lastSeen: Date;
  /** The fields that specification entry named, each with the kind of report it is a path into (at most MAX_FIELDS). */
  fields: { kind: "oar" | "amelding"; sti: string }[];
  /** The status reason of the group's most recent failure (Skatteetaten's message for unknown codes). */
  latestReason: StatusReason | null;
  /** Whether "retry with the same key" applies, i.e. the engine gave up on a transient error. */
  retryable: boolean;
};

const MAX_FIELDS = 3;
/** Organisation names a group carries (the page shows them, then "and N more"). */
export const ORGANISATION_NAMES_SHOWN = 3;

const DAY_START = (day: SQL) => sql`((${day})::timestamp at time zone ${REPORTING_TIME_ZONE})`;

/**
 * Unsuccessful submissions (rejected, conflict, failed) grouped by what went wrong: error code,
 * specification code and, without a code, the kind of failure; biggest groups first. Only the
 * user's organisations are counted.
 *
 * A reader of every organisation, over all time and without an organisation, reads one row a group
 * from error_group_summaries (fromSummaries, below). Otherwise all time is read from
 * error_group_totals, whole Norwegian days from error_group_daily_rollups
 * (both kept by the triggers of drizzle/0014_rollups.sql and drizzle/0025_speed.sql); a bound with
 * a time of day makes its own day partial, and that day's failures are read from the submissions
 * themselves, with the same expressions the triggers use.
 */
export async function listErrorGroups(
  db: DbOrTx,
  organisationIds: string[],
  filter: ErrorGroupFilter = {},
): Promise<ErrorGroup[]> {
  if (organisationIds.length === 0) return [];
  const { kind, org, from, to } = narrowing(filter);
  const fromDay = from?.slice(0, 10);
  const toDay = to?.slice(0, 10);
  const partialDays = [...(from?.includes("T") ? [fromDay] : []), ...(to?.includes("T") ? [toDay] : [])];
  if (!fromDay && !toDay && !org) {
    const summarised = await fromSummaries(db, organisationIds, kind);
    if (summarised) return summarised;
  }
  // Without a period, the all-time rows (error_group_totals, one per organisation and group) stand
  // for every day's.
  const r = fromDay || toDay ? errorGroupDailyRollups : errorGroupTotals;
  const rollupConditions = [
    inOrganisationSet(r.organisationId, organisationIds),
    ...(kind ? [eq(r.kind, kind)] : []),
    ...(org ? [eq(r.organisationId, org)] : []),
    ...(fromDay
      ? [sql`${errorGroupDailyRollups.day} >= ${fromDay}::date + ${sql.raw(from?.includes("T") ? "1" : "0")}`]
      : []),
    ...(toDay
      ? [sql`${errorGroupDailyRollups.day} <= ${toDay}::date - ${sql.raw(to?.includes("T") ? "1" : "0")}`]
      : []),
  ];
  const fromRollups = sql`select ${r.status} as status, ${r.code} as code, ${r.specCode} as spec_code, ${r.cause} as cause,
      ${r.organisationId} as organisation_id, ${r.submissions} as n, ${r.firstSeen} as first_seen, ${r.lastSeen} as last_seen,
      ${r.fields} as fields, ${r.latestReason} as latest_reason
    from ${r} where ${and(...rollupConditions)}`;
  const partialDayConditions = partialDays.map(
    (day) =>
      sql`(${submissions.createdAt} >= ${DAY_START(sql`${day}::date`)} and ${submissions.createdAt} < ${DAY_START(sql`${day}::date + 1`)})`,
  );
  const fromSubmissions = partialDays.length
    ? sql`union all select ${submissions.status}, ${errorCodeSql}, ${specCodeSql}, ${failureCauseSql}, ${submissions.organisationId}, 1,
        coalesce(${submissions.lastAttemptAt}, ${submissions.updatedAt}), coalesce(${submissions.lastAttemptAt}, ${submissions.updatedAt}),
        array_remove(array[${specFieldSql}], null),
        case when ${submissions.statusReasonCode} is null then null
          else jsonb_build_object('code', ${submissions.statusReasonCode}, 'params', ${submissions.statusReasonParams}) end
      from ${submissions}
      where ${and(
        ...submissionFilterConditions(organisationIds, { kind, org, from, to, status: [...UNSUCCESSFUL_STATUSES] }),
        or(...partialDayConditions),
      )}`
    : sql``;
  const grouped = groupedFrom(sql`${fromRollups} ${fromSubmissions}`);
  const rows = await db.execute<ErrorGroupRow>(sql`
    with ${sql.raw(PLAN_PER_EXECUTION)} ${grouped.ctes}
    ${grouped.select}
    order by ${GROUP_ORDER("g")}`);
  return rows.map(toErrorGroup);
}

/**
 * Biggest groups first, then the most recent; ties by the group's key, so a reader gets the same
 * order whichever statement computed the figures (the summaries or each organisation's rows).
 */
const GROUP_ORDER = (a: string) =>
  sql.raw(`${a}.n desc, ${a}.last_seen desc, ${a}.status, ${a}.code, ${a}.spec_code, ${a}.cause`);

/** Group membership is the four columns, nulls equal (a code or a cause is always null). */
const sameGroup = (a: string, b: string) =>
  sql.raw(`${a}.status = ${b}.status and ${a}.code is not distinct from ${b}.code
    and ${a}.spec_code is not distinct from ${b}.spec_code and ${a}.cause is not distinct from ${b}.cause`);

/**
 * The groups of `partials` (rows of one organisation and group: status, code, spec_code, cause,
 * organisation_id, n, first_seen, last_seen, fields, latest_reason): the common table expressions
 * and the select over them (`g` the groups), without the order.
 */
function groupedFrom(partials: SQL): { ctes: SQL; select: SQL } {
  // Every step is hashed or works within one group: no sort of all the rows (one per
  // organisation, kind and group: 49 000 for an admin of 2 000 organisations at a million
  // submissions). `partials` is not materialized: each step scans the rollup for only the columns
  // it needs (materialized, the 49 000 wide rows went to disk at the default work_mem). The groups
  // are one hashed pass collecting each group's organisation ids and names; per group, the
  // organisations are counted distinct (a group has a row per kind, or per day) and only the first
  // few distinct names kept. The latest reason comes from the rows at a group's last_seen, picked
  // before the join (`offset 0`: joined whole, the planner hashed every row); the fields from the
  // distinct field lists. Planned for its organisations on every execution (about 1 ms): the
  // generic plan of a prepared statement, not knowing how many the array holds, probed the rollup's
  // key once per organisation and sorted the fields (0.6–1 s instead of 0.2 s at load 8).
  return {
    ctes: sql`partials as not materialized (${partials}),
    groups as (
      select x.status, x.code, x.spec_code, x.cause, sum(x.n)::int as n, min(x.first_seen) as first_seen,
        max(x.last_seen) as last_seen, array_agg(x.organisation_id) as organisation_ids, array_agg(o.name) as names
      from partials x join ${organisations} o on o.id = x.organisation_id
      group by x.status, x.code, x.spec_code, x.cause),
    latest as (
      select distinct on (g.status, g.code, g.spec_code, g.cause) g.status, g.code, g.spec_code, g.cause, p.latest_reason
      from groups g
      join (select * from partials where last_seen in (select last_seen from groups) offset 0) p
        on p.last_seen = g.last_seen and ${sameGroup("p", "g")}
      order by g.status, g.code, g.spec_code, g.cause),
    fields as (
      select status, code, spec_code, cause, (array_agg(f order by f))[1:${sql.raw(String(MAX_FIELDS))}] as fields
      from (select distinct status, code, spec_code, cause, f
            from (select distinct status, code, spec_code, cause, fields from partials where cardinality(fields) > 0) lists
            cross join unnest(lists.fields) f) d
      group by status, code, spec_code, cause)`,
    select: sql`select g.status, g.code, g.spec_code, g.cause, g.n, oc.organisation_count, nm.names as organisation_names,
      nm.name_count::int as organisation_name_count, g.first_seen, g.last_seen, f.fields, l.latest_reason
    from groups g
    cross join lateral (select count(distinct id)::int as organisation_count from unnest(g.organisation_ids) id) oc
    cross join lateral (
      select array_agg(t.name order by t.name) as names, min(t.name_count) as name_count
      from (select name, count(*) over () as name_count from (select distinct unnest(g.names) as name) d
            order by name limit ${ORGANISATION_NAMES_SHOWN}) t) nm
    left join latest l on ${sameGroup("l", "g")}
    left join fields f on ${sameGroup("f", "g")}`,
  };
}

type ErrorGroupRow = {
  status: string;
  code: string | null;
  spec_code: string | null;
  cause: string | null;
  n: number;
  organisation_count: number;
  organisation_names: string[];
  organisation_name_count: number;
  first_seen: string | Date;
  last_seen: string | Date;
  fields: string[] | null;
  latest_reason: StatusReason | null;
};

/**
 * All time for a reader of every organisation: error_group_summaries holds exactly the groups the
 * statement in listErrorGroups computes over all organisations, one row per group instead of one per
 * organisation and group, except for the groups with rows in error_group_summary_changes: a writer's
 * change to a group (or a renamed organisation) appends its key there in the same transaction, and
 * the worker's drain (lib/submissions/rollups/error-group-summary-drain.ts) recomputes the summary
 * later. Those pending groups are computed here as for any other reader, from error_group_totals. In
 * ONE statement, so under read committed a change's totals and its outbox row are both visible or
 * neither: a group without a visible outbox row has every visible change in its summary
 * (drizzle/0038_error_group_summaries.sql says why), a group with one is read from the totals.
 * Null when the reader lacks an organisation (then those rows count others' failures): the check is
 * in the statement's WHERE clause, so a narrower reader never gets a summary's row.
 */
async function fromSummaries(
  db: DbOrTx,
  organisationIds: string[],
  kind: ErrorGroupFilter["kind"],
): Promise<ErrorGroup[] | null> {
  const s = errorGroupSummaries;
  const t = errorGroupTotals;
  const c = errorGroupSummaryChanges;
  // The pending groups' rows of each organisation, one pending group at a time through
  // error_group_totals_group_idx (lateral: with no pending group, no scan of the totals).
  const live = groupedFrom(sql`select t.status, t.code, t.spec_code, t.cause, t.organisation_id, t.submissions as n,
      t.first_seen, t.last_seen, t.fields, t.latest_reason
    from pending p cross join lateral (
      select * from ${t}
      where ${t.status} = p.status and array[${t.code}, ${t.specCode}, ${t.cause}] = p.key
        and ${and(inOrganisationSet(t.organisationId, organisationIds), ...(kind ? [eq(t.kind, kind)] : []))}
      offset 0) t`);
  const rows = await db.execute<ErrorGroupRow & { covered: boolean }>(sql`
    with ${sql.raw(PLAN_PER_EXECUTION)} covered as materialized (
      select not exists (select from ${organisations} o
        where o.id not in (select unnest(${sql.param(organisationIds)}::uuid[]))) as covered),
    pending as materialized (
      select distinct ${c.status} as status, array[${c.code}, ${c.specCode}, ${c.cause}] as key from ${c}
      where (select covered from covered)),
    ${live.ctes},
    live as (${live.select}),
    summarised as (
      select ${s.status} as status, ${s.code} as code, ${s.specCode} as spec_code, ${s.cause} as cause,
        ${s.submissions} as n, ${s.organisations} as organisation_count, ${s.organisationNames} as organisation_names,
        ${s.organisationNameCount} as organisation_name_count, ${s.firstSeen} as first_seen, ${s.lastSeen} as last_seen,
        ${s.fields} as fields, ${s.latestReason} as latest_reason
      from ${s}
      where (select covered from covered) and ${kind ? eq(s.kind, kind) : sql`${s.kind} is null`}
        and not exists (select from pending p
          where p.status = ${s.status} and p.key = array[${s.code}, ${s.specCode}, ${s.cause}]))
    select cv.covered, r.*
    from covered cv
    left join (select * from live union all select * from summarised) r on cv.covered
    order by ${GROUP_ORDER("r")}`);
  if (!rows[0]?.covered) return null;
  return rows.filter((row) => row.status !== null).map(toErrorGroup);
}

function toErrorGroup(row: ErrorGroupRow): ErrorGroup {
  return {
    status: row.status as ErrorGroup["status"],
    code: row.code,
    specCode: row.spec_code,
    cause: row.cause as FailureCause | null,
    count: row.n,
    organisationCount: row.organisation_count,
    organisationNames: row.organisation_names,
    organisationNameCount: row.organisation_name_count,
    firstSeen: new Date(row.first_seen),
    lastSeen: new Date(row.last_seen),
    fields: (row.fields ?? []).flatMap((field) => {
      const [fieldKind, ...sti] = field.split(" ");
      return fieldKind === "oar" || fieldKind === "amelding" ? [{ kind: fieldKind, sti: sti.join(" ") }] : [];
    }),
    latestReason: row.latest_reason,
    retryable: RETRYABLE_STATUSES.includes(row.status as ErrorGroup["status"]),
  };
}

function narrowing(filter: ErrorGroupFilter): ErrorGroupFilter {
  return { kind: filter.kind, org: filter.org, from: filter.from, to: filter.to };
}

/** The submissions list filter showing exactly the group's members (same narrowing as the groups). */
export function errorGroupListFilter(
  group: Pick<ErrorGroup, "status" | "code" | "specCode" | "cause">,
  filter: ErrorGroupFilter = {},
) {
  return {
    ...narrowing(filter),
    status: [group.status],
    ...(group.code ? { code: group.code } : { cause: group.cause ?? undefined }),
    spec: group.specCode ?? NO_SPEC_CODE,
  } satisfies Partial<SubmissionListFilter>;
}
