import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, type SubmissionStatus, submissions } from "@/lib/db/schema";
import type { SubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import { submissionFilterConditions } from "@/lib/submissions/queries/list-submissions";

/** Statuses that need someone to act: the engine will not send them again on its own. */
export const NEEDS_ACTION_STATUSES = ["rejected", "conflict", "failed"] as const satisfies readonly SubmissionStatus[];

/**
 * Counts per status under the same filter the submissions list applies, so every number on the
 * overview is exactly the number of rows its link shows.
 */
export async function countSubmissionsByStatus(
  db: DbOrTx,
  organisationIds: string[],
  filter: Partial<SubmissionListFilter>,
): Promise<Partial<Record<SubmissionStatus, number>>> {
  if (organisationIds.length === 0) return {};
  const rows = await db
    .select({ status: submissions.status, n: sql<number>`count(*)::int` })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(...submissionFilterConditions(organisationIds, filter)))
    .groupBy(submissions.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
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
  const day = sql<string>`to_char(${submissions.createdAt}::date, 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day,
      submitted: sql<number>`count(*) filter (where ${submissions.status} <> 'draft')::int`,
      rejected: sql<number>`count(*) filter (where ${inArray(submissions.status, [...NEEDS_ACTION_STATUSES])})::int`,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(...submissionFilterConditions(organisationIds, { from, to })))
    .groupBy(day);
  return rows;
}
