import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { osloDate } from "@/lib/amelding/deadlines";
import type { Db, DbOrTx } from "@/lib/db/client";
import { notifications } from "@/lib/db/schema";
import { logger } from "@/lib/log/logger";
import { type MailSender, mailErrorCode } from "./mailer";
import type { NotificationKind } from "./notification-kinds";
import { digestMail, type MailLinks, type MailNotification, notificationMail } from "./notification-mail";

/*
 * The durable mail queue: each notification row is its own e-mail's entry (email_status). A
 * worker claims due rows with FOR UPDATE SKIP LOCKED and holds them for `leaseMs` (status
 * `sending`, email_next_at = end of the lease), so two workers never take the same row; each
 * e-mail is sent on its own, so one bad address fails only its own row; the outcome is written
 * only by the claim that sent it (matched on email_attempts). A worker that dies between sending
 * and recording leaves the row to be taken again after its lease: the one case where an e-mail can
 * go twice, as with any SMTP client (the server's acceptance and our write are not one transaction).
 */

export type MailQueueOptions = {
  sender: MailSender;
  links: MailLinks;
  maxAttempts: number;
  leaseMs: number;
  batchSize: number;
  now?: () => Date;
};

/** Delay before attempt `attempt + 1`: 30 s doubling, at most an hour. */
export function mailRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

type ClaimedMail = {
  id: string;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string;
  email_attempts: number;
  user_id: string;
  email: string;
  name: string;
  organisation_name: string;
  orgnr: string;
  /** The user is active, still has the organisation and wants e-mail now. */
  wanted: boolean;
};

/** Takes up to batchSize due e-mails for this worker (exported for the racing-workers test). */
export async function claimDueMails(
  db: DbOrTx,
  options: Pick<MailQueueOptions, "batchSize" | "leaseMs">,
): Promise<ClaimedMail[]> {
  return db.execute<ClaimedMail>(sql`
    with due as (
      select id from notifications
      where email_status in ('pending', 'sending') and email_next_at <= now()
      order by email_next_at
      limit ${options.batchSize}
      for update skip locked
    ), claimed as (
      update notifications n
      set email_status = 'sending', email_attempts = n.email_attempts + 1,
          email_next_at = now() + make_interval(secs => ${options.leaseMs / 1000})
      from due where n.id = due.id
      returning n.id, n.user_id, n.organisation_id, n.kind, n.params, n.link, n.email_attempts
    )
    select c.id, c.kind, c.params, c.link, c.email_attempts, c.user_id, u.email, u.name,
      o.name as organisation_name, o.orgnr,
      (u.active and coalesce(s.email_enabled, true) and coalesce(s.email_mode, 'immediate') = 'immediate'
        and exists (select 1 from user_organisations uo where uo.user_id = c.user_id and uo.organisation_id = c.organisation_id)
      ) as wanted
    from claimed c
    join users u on u.id = c.user_id
    join organisations o on o.id = c.organisation_id
    left join notification_settings s on s.user_id = c.user_id`);
}

async function settle(db: Db, mail: ClaimedMail, outcome: "sent" | "skipped" | { error: string; maxAttempts: number }) {
  if (outcome === "sent" || outcome === "skipped") {
    await db.execute(sql`
      update notifications set email_status = ${outcome}::notification_email_status, email_next_at = null,
        email_sent_at = ${outcome === "sent" ? sql`now()` : null}, email_error = null
      where id = ${mail.id} and email_status = 'sending' and email_attempts = ${mail.email_attempts}`);
    return;
  }
  const giveUp = mail.email_attempts >= outcome.maxAttempts;
  await db.execute(sql`
    update notifications set
      email_status = ${giveUp ? "failed" : "pending"}::notification_email_status,
      email_next_at = ${giveUp ? null : sql`now() + make_interval(secs => ${mailRetryDelayMs(mail.email_attempts) / 1000})`},
      email_error = ${outcome.error}
    where id = ${mail.id} and email_status = 'sending' and email_attempts = ${mail.email_attempts}`);
}

/** Sends one batch of due e-mails; returns how many were sent and how many failed this time. */
export async function sendDueMails(db: Db, options: MailQueueOptions): Promise<{ sent: number; failed: number }> {
  const claimed = await claimDueMails(db, options);
  const result = { sent: 0, failed: 0 };
  for (const mail of claimed) {
    if (!mail.wanted) {
      await settle(db, mail, "skipped");
      continue;
    }
    const n: MailNotification = {
      kind: mail.kind,
      params: mail.params,
      link: mail.link,
      organisationName: mail.organisation_name,
      orgnr: mail.orgnr,
    };
    try {
      await options.sender.send(
        notificationMail({ userId: mail.user_id, email: mail.email, name: mail.name }, n, options.links),
      );
    } catch (error) {
      const code = mailErrorCode(error);
      logger.warn({ notificationId: mail.id, attempt: mail.email_attempts, code }, "notification e-mail not sent");
      await settle(db, mail, { error: code, maxAttempts: options.maxAttempts });
      result.failed++;
      continue;
    }
    await settle(db, mail, "sent");
    result.sent++;
  }
  return result;
}

type DigestUser = { user_id: string; email: string; name: string; digest_attempts: number };

/**
 * The daily digests: for each user who chose them and has notifications held for one, once per
 * Norwegian day from `digestHour`, one e-mail with all of them. The user's settings row is the
 * claim (SKIP LOCKED, then a lease), and last_digest_at marks the day as done. A digest that
 * cannot be sent is tried again with the queue's backoff up to `maxAttempts` times; then the day
 * is given up, and its notifications wait, still held, for the next day's digest.
 */
export async function sendDueDigests(
  db: Db,
  options: MailQueueOptions & { digestHour: number },
): Promise<{ sent: number; failed: number }> {
  const now = options.now?.() ?? new Date();
  const osloHour = Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hour: "2-digit", hourCycle: "h23" }).format(now),
  );
  const result = { sent: 0, failed: 0 };
  if (osloHour < options.digestHour) return result;
  const today = osloDate(now);
  const users = await db.execute<DigestUser>(sql`
    with due as (
      select s.user_id from notification_settings s
      where s.email_mode = 'daily' and s.email_enabled
        and (s.last_digest_at is null or (s.last_digest_at at time zone 'Europe/Oslo')::date < ${today}::date)
        and (s.digest_lease_until is null or s.digest_lease_until < now())
        and exists (select 1 from notifications n where n.user_id = s.user_id and n.email_status = 'digest')
      limit ${options.batchSize}
      for update skip locked
    ), claimed as (
      update notification_settings s set digest_lease_until = now() + make_interval(secs => ${options.leaseMs / 1000})
      from due where s.user_id = due.user_id
      returning s.user_id, s.digest_attempts
    )
    select c.user_id, c.digest_attempts, u.email, u.name from claimed c join users u on u.id = c.user_id and u.active`);
  for (const user of users) {
    const items = await db.execute<MailNotification & { id: string; organisation_name: string }>(sql`
      select n.id, n.kind, n.params, n.link, o.name as organisation_name, o.orgnr
      from notifications n
      join organisations o on o.id = n.organisation_id
      where n.user_id = ${user.user_id} and n.email_status = 'digest'
        and exists (select 1 from user_organisations uo where uo.user_id = n.user_id and uo.organisation_id = n.organisation_id)
      order by n.created_at
      limit 200`);
    try {
      if (items.length > 0) {
        await options.sender.send(
          digestMail(
            { userId: user.user_id, email: user.email, name: user.name },
            items.map((i) => ({ ...i, organisationName: i.organisation_name })),
            options.links,
          ),
        );
        result.sent++;
      }
    } catch (error) {
      const code = mailErrorCode(error);
      const attempts = user.digest_attempts + 1;
      const giveUp = attempts >= options.maxAttempts;
      logger.warn({ userId: user.user_id, code, attempt: attempts, giveUp }, "notification digest not sent");
      result.failed++;
      await db.execute(
        giveUp
          ? sql`update notification_settings set last_digest_at = ${now.toISOString()}::timestamptz,
                  digest_attempts = 0, digest_lease_until = null
                where user_id = ${user.user_id}`
          : sql`update notification_settings set digest_attempts = ${attempts},
                  digest_lease_until = now() + make_interval(secs => ${mailRetryDelayMs(attempts) / 1000})
                where user_id = ${user.user_id}`,
      );
      continue;
    }
    const ids = items.map((i) => i.id);
    await db.transaction(async (tx) => {
      if (ids.length > 0)
        await tx
          .update(notifications)
          .set({ emailStatus: "sent", emailSentAt: new Date() })
          .where(and(inArray(notifications.id, ids), eq(notifications.emailStatus, "digest")));
      await tx.execute(sql`
        update notification_settings set last_digest_at = ${now.toISOString()}::timestamptz, digest_lease_until = null,
          digest_attempts = 0
        where user_id = ${user.user_id}`);
    });
  }
  return result;
}
