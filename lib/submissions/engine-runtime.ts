import "server-only";
import os from "node:os";
import { resolveEndpoints, type AppMode } from "@/lib/config/endpoints";
import { createDb, requireDatabaseUrl } from "@/lib/db/client";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { idempotencyKeyPlacement } from "@/lib/reporting/adapter";
import { createDeliveryDeps } from "./delivery-deps";
import { startFeedbackFollower } from "./feedback-follower";
import { createFeedbackFollowerDeps } from "./feedback-follower-deps";
import { startQueue } from "./queue";
import { startDeliveryWorker } from "./worker";

type EnvLike = Record<string, string | undefined>;

/**
 * Starts a delivery worker from configuration (the same variables the web app reads): its own
 * database pool, Maskinporten client and queue connection, and beside it the follower that
 * fetches each accepted A-melding's feedback through Dialogporten.
 */
export async function startDeliveryWorkerFromEnv(env: EnvLike) {
  const mode = (env.APP_MODE ?? "sandbox") as AppMode;
  const endpoints = resolveEndpoints(mode, env);
  // The worker's writes (claims, attempts, outcomes) commit without waiting for the disk: what a
  // database crash could lose is redone safely, because the submission and its idempotency key
  // were committed durably when it was queued. A lost claim or outcome means the submission is
  // sent again with the same key and body, and Skatteetaten answers it from its idempotency store.
  const { db, sql } = createDb(requireDatabaseUrl(env.DATABASE_URL), { max: Number(env.DELIVERY_DB_POOL ?? 8), asynchronousCommit: true });
  const tokens = createMaskinportenClient(loadMaskinportenConfig(env));
  const deps = createDeliveryDeps(db, tokens, {
    oarApiUrl: endpoints.oarApiUrl,
    ameldingApiUrl: endpoints.ameldingApiUrl,
    ameldingFilopplastingApiUrl: endpoints.ameldingFilopplastingApiUrl,
    uploadThresholdBytes: env.AMELDING_UPLOAD_THRESHOLD_BYTES === undefined ? undefined : Number(env.AMELDING_UPLOAD_THRESHOLD_BYTES),
    idempotencyKeyIn: idempotencyKeyPlacement(env.SKATTEETATEN_IDEMPOTENCY_KEY_IN),
    workerId: env.WORKER_ID ?? `${os.hostname()}-${process.pid}`,
    leaseMs: Number(env.DELIVERY_LEASE_SECONDS ?? 90) * 1000,
    requestTimeoutMs: Number(env.DELIVERY_TIMEOUT_SECONDS ?? 30) * 1000,
    maxAttempts: Number(env.DELIVERY_MAX_ATTEMPTS ?? 6),
    maxRetryAfterSeconds: Number(env.DELIVERY_MAX_RETRY_AFTER_SECONDS ?? 900),
  });
  const boss = await startQueue(requireDatabaseUrl(env.DATABASE_URL));
  const worker = await startDeliveryWorker(boss, deps, {
    concurrency: Number(env.DELIVERY_CONCURRENCY ?? 20),
    reconcileIntervalMs: Number(env.DELIVERY_RECONCILE_SECONDS ?? 5) * 1000,
  });
  const feedbackPollMs = Number(env.FEEDBACK_POLL_SECONDS ?? 3) * 1000;
  const feedback = startFeedbackFollower(
    createFeedbackFollowerDeps(db, tokens, {
      altinnPlatformUrl: endpoints.altinnPlatformUrl,
      feedbackApiUrl: endpoints.ameldingTilbakemeldingApiUrl,
      workerId: deps.workerId,
      requestTimeoutMs: deps.requestTimeoutMs,
      pollMs: feedbackPollMs,
      maxIntervalMs: Number(env.FEEDBACK_MAX_INTERVAL_SECONDS ?? 900) * 1000,
      dialogMaxChecks: Number(env.FEEDBACK_DIALOG_MAX_CHECKS ?? 8),
      maxWaitMs: Number(env.FEEDBACK_MAX_WAIT_HOURS ?? 72) * 3600_000,
    }),
    { pollMs: feedbackPollMs },
  );
  return {
    workerId: deps.workerId,
    async stop() {
      await feedback.stop();
      await worker.stop();
      await boss.stop({ graceful: true, timeout: 5_000 }).catch(() => {});
      await sql.end({ timeout: 5 });
    },
  };
}
