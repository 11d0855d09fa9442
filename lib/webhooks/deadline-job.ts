import "server-only";
import { sql } from "drizzle-orm";
import {
  ameldingDeadline,
  DEADLINE_WARNING_WORKING_DAYS,
  nextDueMonth,
  osloDate,
  workingDaysUntil,
} from "@/lib/amelding/deadlines";
import type { Db } from "@/lib/db/client";

/**
 * deadline.approaching: when the A-melding due next is within DEADLINE_WARNING_WORKING_DAYS
 * working days of its deadline (lib/amelding/deadlines.ts) and an organisation subscribed to the
 * event has none for that month accepted or on its way, one event per organisation and month.
 * webhook_deadline_notices remembers which were sent, so the hourly run of every worker enqueues
 * each once; the notice and the deliveries are written in one transaction.
 */
export async function enqueueDeadlineEvents(db: Db, now: Date = new Date()): Promise<number> {
  const today = osloDate(now);
  const period = nextDueMonth(today);
  const deadline = ameldingDeadline(period);
  const workingDaysLeft = workingDaysUntil(today, deadline);
  if (workingDaysLeft < 0 || workingDaysLeft > DEADLINE_WARNING_WORKING_DAYS) return 0;
  return db.transaction(async (tx) => {
    const noted = await tx.execute<{ organisation_id: string; orgnr: string }>(sql`
      with candidates as (
        select distinct so.organisation_id
        from webhook_subscription_organisations so
        join webhook_subscriptions s on s.id = so.subscription_id
        where s.enabled and 'deadline.approaching' = any (s.events)
          and not exists (
            select 1 from submissions x
            where x.organisation_id = so.organisation_id and x.kind = 'amelding' and x.subject = ${period}
              and x.status in ('queued', 'sending', 'retrying', 'accepted'))
      ), noted as (
        insert into webhook_deadline_notices (organisation_id, period)
        select organisation_id, ${period} from candidates
        on conflict do nothing
        returning organisation_id
      )
      select n.organisation_id, o.orgnr from noted n join organisations o on o.id = n.organisation_id`);
    for (const row of noted) {
      await tx.execute(sql`select enqueue_webhook_event(${row.organisation_id}::uuid, 'deadline.approaching',
        ${JSON.stringify({ organisationNumber: row.orgnr, kind: "amelding", period, deadline, workingDaysLeft })}::jsonb)`);
    }
    return noted.length;
  });
}
