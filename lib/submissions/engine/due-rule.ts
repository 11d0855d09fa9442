import type { SubmissionStatus } from "@/lib/db/schema";

/*
 * When a submission is the delivery engine's to take: queued or retrying and its next attempt's
 * time has come, or `sending` with its lease run out (its worker is gone, or an upload delivery's
 * next step is due: settling such a step ends the lease when the step is due). The claim, the
 * reconciler that finds submissions without a job, and "may this be cancelled now" all read it
 * from here. A `sending` row without a lease has no worker on it, so it counts as run out.
 */

/** The rule as SQL over the submissions row `alias` (for the worker's prepared statements and drizzle). */
export function dueSubmissionSql(alias: string): string {
  return `((${alias}.status in ('queued', 'retrying') and coalesce(${alias}.next_attempt_at, now()) <= now())
  or (${alias}.status = 'sending' and (${alias}.lease_until is null or ${alias}.lease_until < now())))`;
}

/** Whether the worker holding a `sending` submission is gone: its lease has run out (or it has none). */
export function isLeaseOver(row: { status: SubmissionStatus; leaseUntil: Date | null }, now = new Date()): boolean {
  return row.status === "sending" && (row.leaseUntil === null || row.leaseUntil.getTime() < now.getTime());
}
