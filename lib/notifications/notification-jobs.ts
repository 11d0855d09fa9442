import "server-only";
import type { Db } from "@/lib/db/client";
import { every } from "@/lib/jobs/every";
import { scanDeadlines } from "./deadline-scan";
import { sendDueDigests, sendDueMails } from "./mail-queue";
import type { MailSender } from "./mailer";
import type { MailLinks } from "./notification-mail";

export type NotificationJobOptions = {
  workerId: string;
  scanIntervalMs: number;
  mailPollMs: number;
  feedbackOverdueHours: number;
  digestHour: number;
  /** Sandbox mode's SANDBOX_TODAY: the day the deadline scan takes as today. */
  scanToday?: string;
  maxAttempts: number;
  /** Null: no SMTP configured; notifications are raised and shown, e-mails wait in the queue. */
  sender: MailSender | null;
  links: MailLinks;
};

/**
 * The worker's notification jobs, beside deliveries and retention: the deadline scan every
 * NOTIFICATION_SCAN_SECONDS, and (with SMTP) the mail queue and the daily digests every
 * NOTIFICATION_MAIL_POLL_SECONDS. Every worker runs them; the queries' SKIP LOCKED claims and the
 * dedupe keys keep several workers from doing anything twice.
 */
export function startNotificationJobs(db: Db, options: NotificationJobOptions) {
  const mailOptions = { links: options.links, maxAttempts: options.maxAttempts, leaseMs: 120_000, batchSize: 50 };
  const loops = [
    every(options.scanIntervalMs, "notification deadline scan", options.workerId, () =>
      scanDeadlines(db, { feedbackOverdueHours: options.feedbackOverdueHours, today: options.scanToday }),
    ),
  ];
  const sender = options.sender;
  if (sender) {
    loops.push(
      every(options.mailPollMs, "notification e-mail", options.workerId, async () => {
        // Whole batches until nothing is due, so a burst is not spread over many polls.
        for (;;) {
          const { sent, failed } = await sendDueMails(db, { ...mailOptions, sender });
          if (sent + failed < mailOptions.batchSize) break;
        }
        await sendDueDigests(db, { ...mailOptions, sender, digestHour: options.digestHour });
      }),
    );
  }
  return {
    async stop() {
      await Promise.all(loops.map((l) => l.stop()));
      sender?.close();
    },
  };
}
