import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { addDays } from "@/lib/amelding/deadlines";
import type { DbOrTx } from "@/lib/db/client";
import { PLAN_PER_EXECUTION } from "@/lib/db/prepared-statements";
import { type SubmissionStatus, submissionDailyCounts, submissionStatusTotals } from "@/lib/db/schema";
import { firstOfMonth } from "@/lib/overview/oslo-dates";
import { inOrganisationSet } from "@/lib/submissions/queries/organisation-scope";

/** Statuses that need someone to act: the engine will not send them again on its own. */
export const NEEDS_ACTION_STATUSES = ["rejected", "conflict", "failed"] as const satisfies readonly SubmissionStatus[];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type StatusCounts = Partial<Record<SubmissionStatus, number>>;
export type DailyPoint = { day: string; submitted: number; rejected: number };
/** Norwegian dates (YYYY-MM-DD), both included, as the list's from/to filter reads them. */
export type DayRange = { from: string; to: string };

export type OverviewCounts = {
  /** Over all time: the page's "in flight" and "needs action". */
  allTime: StatusCounts;
  today: StatusCounts;
  /** From the first of today's month to today. */
  month: StatusCounts;
  period: StatusCounts;
  /** Per day of the period that has submissions: created (drafts not counted) and needing action. */
  series: DailyPoint[];
};

/** The ranges as few disjoint ranges: overlapping or adjacent ones become one. */
function mergedRanges(ranges: DayRange[]): DayRange[] {
  const out: DayRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = out.at(-1);
    if (!last || r.from > addDays(last.to, 1)) out.push({ ...r });
    else if (r.to > last.to) last.to = r.to;
  }
  return out;
}

const within = (day: string, range: DayRange) => day >= range.from && day <= range.to;

/**
 * Every count the overview shows, in ONE statement over the rollups the triggers of
 * drizzle/0014_rollups.sql keep: the all-time totals per status, and one pass over the daily
 * rollup's days that today, this month and the chosen period cover (read through
 * `submission_daily_counts_day_idx`, day first, so 2 000 organisations are one index range and a
 * hash, not 2 000 probes), grouped by day and status; the columns and the chart are summed from
 * those rows here. Each number equals the rows of the submissions list with the same from/to and
 * status (lib/overview/overview-queries.test.ts, which also recounts them from the submissions).
 * Planned per execution: prepared, its generic plan (blind to how many organisations the array
 * holds) took 270 ms p50 and 1.7 s p95 at 2 000 organisations, against 110 and 150 ms planned for
 * the values (docs/benchmarks.md, "Overview in one statement (30 November 2026)").
 */
export async function overviewCounts(
  db: DbOrTx,
  organisationIds: string[],
  dates: { today: string; period: DayRange },
): Promise<OverviewCounts> {
  const { today, period } = dates;
  for (const day of [today, period.from, period.to]) if (!ISO_DATE.test(day)) throw new Error(`not a date: ${day}`);
  const month = { from: firstOfMonth(today), to: today };
  const counts: OverviewCounts = { allTime: {}, today: {}, month: {}, period: {}, series: [] };
  if (organisationIds.length === 0) return counts;

  const days = sql.join(
    mergedRanges([month, period]).map(
      (r): SQL => sql`${submissionDailyCounts.day} between ${r.from}::date and ${r.to}::date`,
    ),
    sql` or `,
  );
  const rows = (await db.execute(sql`${sql.raw(PLAN_PER_EXECUTION)}
    select null as day, ${submissionStatusTotals.status} as status, sum(${submissionStatusTotals.submissions})::int as n
    from ${submissionStatusTotals}
    where ${inOrganisationSet(submissionStatusTotals.organisationId, organisationIds)}
    group by ${submissionStatusTotals.status}
    union all
    select to_char(${submissionDailyCounts.day}, 'YYYY-MM-DD'), ${submissionDailyCounts.status},
      sum(${submissionDailyCounts.submissions})::int
    from ${submissionDailyCounts}
    where (${days}) and ${inOrganisationSet(submissionDailyCounts.organisationId, organisationIds)}
    group by ${submissionDailyCounts.day}, ${submissionDailyCounts.status}`)) as unknown as {
    day: string | null;
    status: SubmissionStatus;
    n: number;
  }[];

  const add = (into: StatusCounts, status: SubmissionStatus, n: number) => {
    into[status] = (into[status] ?? 0) + n;
  };
  const series = new Map<string, DailyPoint>();
  for (const { day, status, n } of rows) {
    if (n === 0) continue;
    if (day === null) {
      add(counts.allTime, status, n);
      continue;
    }
    if (day === today) add(counts.today, status, n);
    if (within(day, month)) add(counts.month, status, n);
    if (!within(day, period)) continue;
    add(counts.period, status, n);
    const point = series.get(day) ?? { day, submitted: 0, rejected: 0 };
    if (status !== "draft") point.submitted += n;
    if ((NEEDS_ACTION_STATUSES as readonly string[]).includes(status)) point.rejected += n;
    series.set(day, point);
  }
  counts.series = [...series.values()].sort((a, b) => a.day.localeCompare(b.day));
  return counts;
}
