import "server-only";
import { sql } from "drizzle-orm";
import { approachingAmeldingDeadline, owesAmelding } from "@/lib/amelding/deadline-due";
import { osloDate } from "@/lib/amelding/deadlines";
import type { Db } from "@/lib/db/client";

/**
 * deadline.approaching: when the A-melding due next is close to its deadline and an organisation
 * subscribed to the event owes it (lib/amelding/deadline-due.ts, the same rule as the
 * notification), one event per organisation and month.
 * webhook_deadline_notices remembers which were sent, so the hourly run of every worker enqueues
 * each once; the notice and the deliveries are written in one transaction.
 */
export async function enqueueDeadlineEvents(db: Db, now: Date = new Date()): Promise<number> {
  const due = approachingAmeldingDeadline(osloDate(now));
  if (!due) return 0;
  const { month: period, deadline, workingDaysLeft } = due;
  return db.transaction(async (tx) => {
    const noted = await tx.execute<{ organisation_id: string; orgnr: string }>(sql`
      with candidates as (
        select distinct so.organisation_id
        from webhook_subscription_organisations so
        join webhook_subscriptions s on s.id = so.subscription_id
        where s.enabled and 'deadline.approaching' = any (s.events)
          and ${owesAmelding(sql`so.organisation_id`, due)}
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
