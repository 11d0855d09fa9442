import "server-only";
import { and, gte, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { type SubmissionStatus, submissionDailyCounts, submissionStatusTotals } from "@/lib/db/schema";
import { inOrganisations } from "@/lib/submissions/queries/organisation-scope";

/** Statuses that need someone to act: the engine will not send them again on its own. */
export const NEEDS_ACTION_STATUSES = ["rejected", "conflict", "failed"] as const satisfies readonly SubmissionStatus[];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Norwegian dates (YYYY-MM-DD), both included, as the list's from/to filter reads them. */
export type DateRange = { from?: string; to?: string };

function dayConditions(range: DateRange) {
  for (const bound of [range.from, range.to]) {
    if (bound !== undefined && !ISO_DATE.test(bound)) throw new Error(`not a date: ${bound}`);
  }
  return [
    ...(range.from ? [gte(submissionDailyCounts.day, range.from)] : []),
    ...(range.to ? [lte(submissionDailyCounts.day, range.to)] : []),
  ];
}

/**
 * Submissions per status created within the range (all time without one), read from the
 * rollups the triggers of drizzle/0014_rollups.sql keep, so each number equals the rows of the
 * submissions list with the same from/to and status (lib/overview/overview-queries.test.ts).
 */
export async function countSubmissionsByStatus(
  db: DbOrTx,
  organisationIds: string[],
  range: DateRange = {},
): Promise<Partial<Record<SubmissionStatus, number>>> {
  if (organisationIds.length === 0) return {};
  const rows =
    range.from || range.to
      ? await db
          .select({
            status: submissionDailyCounts.status,
            n: sql<number>`sum(${submissionDailyCounts.submissions})::int`,
          })
          .from(submissionDailyCounts)
          .where(and(inOrganisations(submissionDailyCounts.organisationId, organisationIds), ...dayConditions(range)))
          .groupBy(submissionDailyCounts.status)
      : await db
          .select({
            status: submissionStatusTotals.status,
            n: sql<number>`sum(${submissionStatusTotals.submissions})::int`,
          })
          .from(submissionStatusTotals)
          .where(inOrganisations(submissionStatusTotals.organisationId, organisationIds))
          .groupBy(submissionStatusTotals.status);
  return Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [r.status, r.n]));
}

export type DailyPoint = { day: string; submitted: number; rejected: number };

/**
 * Submissions created per day (the same date boundaries as the list's from/to filter) and how
 * many of them ended rejected, failed or in conflict, for the chart.
 */
export async function dailySubmissionSeries(
  db: DbOrTx,
  organisationIds: string[],
  from: string,
  to: string,
): Promise<DailyPoint[]> {
  if (organisationIds.length === 0) return [];
  const day = sql<string>`to_char(${submissionDailyCounts.day}, 'YYYY-MM-DD')`;
  const n = submissionDailyCounts.submissions;
  return db
    .select({
      day,
      submitted: sql<number>`coalesce(sum(${n}) filter (where ${submissionDailyCounts.status} <> 'draft'), 0)::int`,
      rejected: sql<number>`coalesce(sum(${n}) filter (where ${inArray(submissionDailyCounts.status, [...NEEDS_ACTION_STATUSES])}), 0)::int`,
    })
    .from(submissionDailyCounts)
    .where(and(inOrganisations(submissionDailyCounts.organisationId, organisationIds), ...dayConditions({ from, to })))
    .groupBy(submissionDailyCounts.day);
}
