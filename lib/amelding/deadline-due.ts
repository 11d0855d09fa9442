import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { ameldingDeadline, DEADLINE_WARNING_WORKING_DAYS, nextDueMonth, workingDaysUntil } from "./deadlines";

/*
 * "The A-melding due next is close and this organisation has not sent it": one definition, used
 * by the notification scan (lib/notifications/deadline-scan.ts) and the deadline.approaching
 * webhook (lib/webhooks/deadline-job.ts), so a user is never told by one and not by the other.
 */

export type ApproachingDeadline = { month: string; deadline: string; workingDaysLeft: number };

/** The A-melding due next on `today` (YYYY-MM-DD, Norway), when its deadline is within the warning window. */
export function approachingAmeldingDeadline(today: string): ApproachingDeadline | null {
  const month = nextDueMonth(today);
  const deadline = ameldingDeadline(month);
  const workingDaysLeft = workingDaysUntil(today, deadline);
  if (workingDaysLeft < 0 || workingDaysLeft > DEADLINE_WARNING_WORKING_DAYS) return null;
  return { month, deadline, workingDaysLeft };
}

/**
 * SQL condition: the organisation whose id is `organisationId` owes the A-melding of `due.month`.
 * Nothing for the month is accepted (now or before a replacement) or on its way, and the
 * organisation existed by the deadline (one added later is not asked for it:
 * lib/amelding/deadline-status.ts, "not_tracked").
 */
export function owesAmelding(organisationId: SQL, due: ApproachingDeadline): SQL {
  return sql`exists (
      select 1 from organisations owing
      where owing.id = ${organisationId}
        and (owing.created_at at time zone 'Europe/Oslo')::date <= ${due.deadline}::date)
    and not exists (
      select 1 from submissions sent
      where sent.organisation_id = ${organisationId} and sent.kind = 'amelding' and sent.subject = ${due.month}
        and (sent.accepted_at is not null or sent.status in ('queued', 'sending', 'retrying', 'accepted')))`;
}
