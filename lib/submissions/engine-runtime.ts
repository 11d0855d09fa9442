import "server-only";
import os from "node:os";
import { configuredEndpoints, deliveryRuntimeSettings } from "@/lib/config/derived";
import { parseConfig } from "@/lib/config/schema";
import { createDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { createSmtpMailSender } from "@/lib/notifications/mailer";
import { startNotificationJobs } from "@/lib/notifications/notification-jobs";
import { createReconciliationDeps, startReconciliationJob } from "@/lib/reconciliation/reconcile";
import { startWebhookDelivery } from "@/lib/webhooks/delivery";
import { webhookSecretKey } from "@/lib/webhooks/secret-at-rest";
import { createDeliveryDeps } from "./engine/delivery-deps";
import { startQueue, stopQueue } from "./engine/queue";
import { startDeliveryWorker } from "./engine/worker";
import { startFeedbackFollower } from "./feedback/feedback-follower";
import { createFeedbackFollowerDeps } from "./feedback/feedback-follower-deps";
import { startRawBodyRetention } from "./retention/raw-body-retention";
import { startErrorGroupSummaryDrain } from "./rollups/error-group-summary-drain";

type EnvLike = Record<string, string | undefined>;

/**
 * Starts a delivery worker from configuration (the same variables the web app reads, validated
 * by the one schema in lib/config/schema.ts): its own database pool, Maskinporten client and
 * queue connection, and beside it the follower that fetches each accepted A-melding's feedback
 * through Dialogporten, the job that empties raw bodies past retention, the drain of the error groups' summaries
 * (lib/submissions/rollups/error-group-summary-drain.ts), and the webhook delivery
 * (lib/webhooks/delivery.ts). Takes the environment as a record because `npm start` builds the
 * worker's after starting the sandbox. Its notification jobs (deadline scan, e-mail queue, digests)
 * run beside them (lib/notifications/notification-jobs.ts), and so does reconciliation against
 * Skatteetaten's reconciliation report (lib/reconciliation/reconcile.ts).
 */
export async function startDeliveryWorkerFromEnv(env: EnvLike) {
  const config = parseConfig(env);
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL must be set for the delivery worker.");
  const endpoints = configuredEndpoints(config);
  const settings = deliveryRuntimeSettings(config);
  // The worker's writes (claims, attempts, outcomes) commit without waiting for the disk: what a
  // database crash could lose is redone safely, because the submission and its idempotency key
  // were committed durably when it was queued. A lost claim or outcome means the submission is
  // sent again with the same key and body, and Skatteetaten answers it from its idempotency store.
  const { db, sql } = createDb(config.DATABASE_URL, { max: settings.dbPool, asynchronousCommit: true });
  const tokens = createMaskinportenClient(loadMaskinportenConfig(env));
  const deps = createDeliveryDeps(db, tokens, {
    oarApiUrl: endpoints.oarApiUrl,
    ameldingApiUrl: endpoints.ameldingApiUrl,
    ameldingFilopplastingApiUrl: endpoints.ameldingFilopplastingApiUrl,
    uploadThresholdBytes: settings.uploadThresholdBytes,
    idempotencyKeyIn: settings.idempotencyKeyIn,
    workerId: config.WORKER_ID ?? `${os.hostname()}-${process.pid}`,
    leaseMs: settings.leaseMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxAttempts: settings.maxAttempts,
    maxRetryAfterSeconds: settings.maxRetryAfterSeconds,
  });
  const boss = await startQueue(config.DATABASE_URL);
  const worker = await startDeliveryWorker(boss, deps, {
    concurrency: settings.concurrency,
    reconcileIntervalMs: settings.reconcileIntervalMs,
    shutdownGraceMs: settings.shutdownGraceMs,
  });
  const feedback = startFeedbackFollower(
    createFeedbackFollowerDeps(db, tokens, {
      altinnPlatformUrl: endpoints.altinnPlatformUrl,
      feedbackApiUrl: endpoints.ameldingTilbakemeldingApiUrl,
      workerId: deps.workerId,
      requestTimeoutMs: deps.requestTimeoutMs,
      ...settings.feedback,
    }),
    { pollMs: settings.feedback.pollMs },
  );
  const reconciliation = startReconciliationJob(
    db,
    createReconciliationDeps(tokens, {
      baseUrl: endpoints.avstemmingsrapportApiUrl,
      idempotencyKeyIn: settings.idempotencyKeyIn,
      timeoutMs: deps.requestTimeoutMs,
    }),
    {
      ...settings.reconciliation,
      workerId: deps.workerId,
      today: settings.notifications.scanToday ? () => settings.notifications.scanToday as string : undefined,
    },
  );
  const retention = startRawBodyRetention(db, { ...settings.retention, workerId: deps.workerId });
  const summaryDrain = startErrorGroupSummaryDrain(db, { ...settings.errorGroupSummaryDrain, workerId: deps.workerId });
  const webhooks = startWebhookDelivery(db, {
    ...settings.webhooks,
    secretKey: config.AUTH_SECRET ? webhookSecretKey(config.AUTH_SECRET) : null,
    workerId: deps.workerId,
  });
  const mail = settings.notifications;
  // E-mails carry a signed unsubscribe link, whose key comes from AUTH_SECRET: without it none are sent.
  if (mail.smtpUrl && !config.AUTH_SECRET)
    logger.warn(
      { workerId: deps.workerId },
      "SMTP_URL is set but AUTH_SECRET is not: notification e-mails are not sent",
    );
  const notificationJobs = startNotificationJobs(db, {
    ...mail,
    workerId: deps.workerId,
    sender:
      mail.smtpUrl && config.AUTH_SECRET ? createSmtpMailSender({ smtpUrl: mail.smtpUrl, from: mail.mailFrom }) : null,
    links: { baseUrl: mail.appUrl, authSecret: config.AUTH_SECRET ?? "" },
  });
  return {
    workerId: deps.workerId,
    /** Finishes or hands back the deliveries in flight (DELIVERY_SHUTDOWN_GRACE_SECONDS), then closes its connections. */
    async stop() {
      await retention.stop();
      await summaryDrain.stop();
      await reconciliation.stop();
      await webhooks.stop();
      await notificationJobs.stop();
      await feedback.stop();
      const report = await worker.stop();
      await stopQueue(boss, { graceful: true, timeout: 5_000 }).catch(() => {});
      await sql.end({ timeout: 5 });
      return report;
    },
  };
}
