/**
 * Runs only the delivery worker, for deployments with several instances (set RUN_WORKER=false
 * on the web app then). Needs DATABASE_URL and the Maskinporten variables.
 *   npm run worker
 * SIGTERM or SIGINT stops it gracefully: no new deliveries, those in flight finish within
 * DELIVERY_SHUTDOWN_GRACE_SECONDS or are handed back to other workers (lib/submissions/engine/worker.ts).
 * With METRICS_TOKEN set it serves its metrics at http://HOST:WORKER_METRICS_PORT/api/metrics.
 */
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { MaskinportenConfigError } from "@/lib/maskinporten/errors";
import { startMetricsServer } from "@/lib/metrics/metrics-server";
import { startDeliveryWorkerFromEnv } from "@/lib/submissions/engine-runtime";

async function main() {
  if (!env.DATABASE_URL) {
    console.error("✖ DATABASE_URL must be set for a standalone worker.");
    process.exit(1);
  }
  const worker = await startDeliveryWorkerFromEnv(process.env);
  const metricsServer = env.METRICS_TOKEN
    ? await startMetricsServer({ host: env.HOST, port: env.WORKER_METRICS_PORT, token: env.METRICS_TOKEN })
    : null;
  console.log(
    `✔ Delivery worker ${worker.workerId} running${metricsServer ? `, metrics on ${env.HOST}:${env.WORKER_METRICS_PORT}` : ""}`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    metricsServer?.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  if (error instanceof MaskinportenConfigError) console.error(`✖ ${error.message}`);
  else logger.fatal({ err: error }, "delivery worker failed");
  process.exit(1);
});
