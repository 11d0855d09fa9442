import { webhookUrlPolicy } from "@/lib/webhooks/url-policy";
import { type Endpoints, resolveEndpoints } from "./endpoints";
import { SANDBOX_DEFAULTS } from "./sandbox-defaults";
import type { Config } from "./schema";

/**
 * The Altinn system id the app requests system users for: ALTINN_SYSTEM_ID, else in sandbox
 * mode the sandbox's demo system. Undefined in test and production without the variable.
 */
export function altinnSystemId(config: Pick<Config, "APP_MODE" | "ALTINN_SYSTEM_ID">): string | undefined {
  return config.ALTINN_SYSTEM_ID ?? (config.APP_MODE === "sandbox" ? SANDBOX_DEFAULTS.systemId : undefined);
}

/**
 * The key of the search index's fødselsnummer hashes: SEARCH_HASH_SECRET, else in sandbox mode
 * the sandbox's fixed key (synthetic data only). Undefined in test and production without it.
 */
export function searchHashSecret(config: Pick<Config, "APP_MODE" | "SEARCH_HASH_SECRET">): string | undefined {
  return config.SEARCH_HASH_SECRET ?? (config.APP_MODE === "sandbox" ? SANDBOX_DEFAULTS.searchHashSecret : undefined);
}

/** The endpoints of the configured mode, each replaceable by its own variable. */
export function configuredEndpoints(config: Config): Endpoints {
  return resolveEndpoints(config.APP_MODE, config);
}

/** The delivery worker's and feedback follower's settings, in the units the engine uses. */
export function deliveryRuntimeSettings(config: Config) {
  return {
    dbPool: config.DELIVERY_DB_POOL,
    concurrency: config.DELIVERY_CONCURRENCY,
    reconcileIntervalMs: config.DELIVERY_RECONCILE_SECONDS * 1000,
    shutdownGraceMs: config.DELIVERY_SHUTDOWN_GRACE_SECONDS * 1000,
    leaseMs: config.DELIVERY_LEASE_SECONDS * 1000,
    requestTimeoutMs: config.DELIVERY_TIMEOUT_SECONDS * 1000,
    maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    maxRetryAfterSeconds: config.DELIVERY_MAX_RETRY_AFTER_SECONDS,
    uploadThresholdBytes: config.AMELDING_UPLOAD_THRESHOLD_BYTES,
    idempotencyKeyIn: config.SKATTEETATEN_IDEMPOTENCY_KEY_IN,
    reconciliation: {
      pollMs: config.RECONCILIATION_POLL_SECONDS * 1000,
      refreshMs: config.RECONCILIATION_REFRESH_HOURS * 3600_000,
    },
    feedback: {
      pollMs: config.FEEDBACK_POLL_SECONDS * 1000,
      maxIntervalMs: config.FEEDBACK_MAX_INTERVAL_SECONDS * 1000,
      dialogMaxChecks: config.FEEDBACK_DIALOG_MAX_CHECKS,
      maxWaitMs: config.FEEDBACK_MAX_WAIT_HOURS * 3600_000,
    },
    webhooks: {
      timeoutMs: config.WEBHOOK_TIMEOUT_SECONDS * 1000,
      maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: config.WEBHOOK_RETRY_BASE_SECONDS * 1000,
      disableAfterFailedDeliveries: config.WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES,
      urlPolicy: webhookUrlPolicy(config.APP_MODE),
      // Due deliveries are looked for this often; a claim with nothing due is one index probe per subscription.
      pollMs: 1000,
      concurrency: 10,
    },
    notifications: {
      scanIntervalMs: config.NOTIFICATION_SCAN_SECONDS * 1000,
      mailPollMs: config.NOTIFICATION_MAIL_POLL_SECONDS * 1000,
      feedbackOverdueHours: config.NOTIFICATION_FEEDBACK_OVERDUE_HOURS,
      digestHour: config.NOTIFICATION_DIGEST_HOUR,
      scanToday: config.APP_MODE === "sandbox" ? config.SANDBOX_TODAY : undefined,
      maxAttempts: config.NOTIFICATION_MAIL_MAX_ATTEMPTS,
      smtpUrl: config.SMTP_URL,
      mailFrom: config.MAIL_FROM,
      // Links in e-mails point at the app as users reach it.
      appUrl: (config.AUTH_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, ""),
    },
    retention: {
      retentionMonths: config.RAW_BODY_RETENTION_MONTHS,
      // Hourly: a run with nothing due is one index probe; a first run over years goes in batches.
      intervalMs: 3600_000,
      batchSize: 500,
      pauseMs: 200,
    },
    // The drain of error_group_summaries' outbox (lib/submissions/rollups/error-group-summary-drain.ts):
    // until a changed group is drained, `/feil` reads it from each organisation's totals, so the
    // interval bounds how long that slower read lasts, not whether the page is right.
    errorGroupSummaryDrain: {
      intervalMs: 5_000,
      batchSize: 500,
    },
  };
}
