import "server-only";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
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

/** A loop that runs `run` at start and `intervalMs` after each run ends, until stopped; a failed run is logged, never fatal. */
export function every(intervalMs: number, name: string, workerId: string, run: () => Promise<unknown>) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    if (stopped) return;
    try {
      await run();
    } catch (error) {
      logger.error({ err: error, workerId }, `${name} failed`);
    }
    if (!stopped) timer = setTimeout(() => (running = loop()), intervalMs);
  };
  running = loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

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
