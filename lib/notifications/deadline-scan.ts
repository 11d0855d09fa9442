import "server-only";
import { sql } from "drizzle-orm";
import { approachingAmeldingDeadline, owesAmelding } from "@/lib/amelding/deadline-due";
import { addDays, osloDate } from "@/lib/amelding/deadlines";
import type { Db } from "@/lib/db/client";

/*
 * Notifications about time rather than a change: no transaction makes them, so the worker looks
 * for them periodically (lib/notifications/notification-jobs.ts). Each is raised through
 * raise_notification with a dedupe key naming its subject, so running the scan again, or on
 * several workers at once, raises nothing twice.
 *
 * OAR: an oppdrag must be reported within 14 days after the work starts (docs/domain.md). We hold
 * the oppdrag's start date (submissions.oar_start_date), so the deadline counted is start + 14
 * days for an oppdrag not yet accepted. We do not hold an employee's first day on the oppdrag nor
 * the date of a change, so those deadlines are not notified.
 */

export const OAR_REPORTING_DAYS = 14;
/** An OAR deadline is notified from this many days before it, and for this many days after it passed. */
export const OAR_NOTICE_DAYS_BEFORE = 3;
export const OAR_NOTICE_DAYS_AFTER = 30;

export type ScanResult = { ameldingDeadline: number; oarDeadline: number; feedbackOverdue: number };

export async function scanDeadlines(
  db: Db,
  options: { today?: string; feedbackOverdueHours: number },
): Promise<ScanResult> {
  const today = options.today ?? osloDate(new Date());
  const due = approachingAmeldingDeadline(today);
  let ameldingRaised = 0;
  if (due) {
    const { month, deadline } = due;
    const [row] = await db.execute<{ raised: number }>(sql`
      select coalesce(sum(raise_notification(o.id, 'amelding_deadline', ${`amelding:${month}`},
        jsonb_build_object('month', ${month}::text, 'deadline', ${deadline}::text), '/a-melding/frister')), 0)::int as raised
      from organisations o
      where ${owesAmelding(sql`o.id`, due)}`);
    ameldingRaised = Number(row?.raised ?? 0);
  }

  const [oar] = await db.execute<{ raised: number }>(sql`
    select coalesce(sum(raise_notification(s.organisation_id, 'oar_deadline', 'oar:' || s.id,
      jsonb_build_object('startDate', s.oar_start_date::text, 'deadline', (s.oar_start_date + ${OAR_REPORTING_DAYS}::int)::text),
      '/innsendinger/' || s.id)), 0)::int as raised
    from submissions s
    where s.kind = 'oar' and s.accepted_at is null and s.oar_start_date is not null
      and s.oar_start_date between ${addDays(today, -(OAR_REPORTING_DAYS + OAR_NOTICE_DAYS_AFTER))}::date
                                and ${addDays(today, OAR_NOTICE_DAYS_BEFORE - OAR_REPORTING_DAYS)}::date
      and s.status <> 'cancelled'`);

  const [feedback] = await db.execute<{ raised: number }>(sql`
    select coalesce(sum(raise_notification(s.organisation_id, 'feedback_overdue', 'feedback-overdue:' || s.id,
      jsonb_build_object('subject', s.subject, 'hours', ${options.feedbackOverdueHours}::int),
      '/innsendinger/' || s.id)), 0)::int as raised
    from amelding_feedback f join submissions s on s.id = f.submission_id
    where f.status = 'waiting' and f.created_at < now() - make_interval(hours => ${options.feedbackOverdueHours}::int)`);

  return {
    ameldingDeadline: ameldingRaised,
    oarDeadline: Number(oar?.raised ?? 0),
    feedbackOverdue: Number(feedback?.raised ?? 0),
  };
}
