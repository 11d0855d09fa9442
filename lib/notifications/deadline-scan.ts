import "server-only";
import { sql } from "drizzle-orm";
import { approachingAmeldingDeadline, owesAmelding } from "@/lib/amelding/deadline-due";
import { addDays, osloDate } from "@/lib/amelding/deadlines";
import type { Db } from "@/lib/db/client";
import { openOarObligations } from "@/lib/oppdrag/oar-obligations";

/*
 * Notifications about time rather than a change: no transaction makes them, so the worker looks
 * for them periodically (lib/notifications/notification-jobs.ts). Each is raised through
 * raise_notification with a dedupe key naming its subject, so running the scan again, or on
 * several workers at once, raises nothing twice.
 *
 * OAR: each obligation of an oppdrag's report (the work starting, each arbeidstaker's first and
 * last day, a change) must be reported within 14 days of its date; lib/oppdrag/oar-obligations.ts
 * defines them and which are open (not covered by an accepted report). Each is notified on its own
 * dedupe key as its deadline nears, so a later arbeidstaker is notified after the first one was.
 */

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

  // The start obligation keeps the key it had before the others existed ('oar:<submission>'), so
  // nothing sent before is sent again. An arbeidstaker is named by the keyed hash's prefix, never the number.
  const [oar] = await db.execute<{ raised: number }>(sql`
    select coalesce(sum(raise_notification(o.organisation_id, 'oar_deadline',
      case when o.obligation = 'start' then 'oar:' || o.submission_id
        else 'oar:' || o.submission_id || ':' || o.obligation || ':' || left(o.subject_key, 22) || ':' || o.obligation_date end,
      jsonb_build_object('obligation', o.obligation, 'reference', o.oppdragsreferanse,
        'description', coalesce(o.description, ''), 'date', o.obligation_date::text, 'deadline', o.deadline::text),
      '/innsendinger/' || o.submission_id)), 0)::int as raised
    from (${openOarObligations({
      organisationScope: sql`true`,
      deadlineFrom: addDays(today, -OAR_NOTICE_DAYS_AFTER),
      deadlineTo: addDays(today, OAR_NOTICE_DAYS_BEFORE),
      withDescription: true,
    })}) o`);

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
