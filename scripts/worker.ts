/**
 * Runs only the delivery worker, for deployments with several instances (set RUN_WORKER=false
 * on the web app then). Needs DATABASE_URL and the Maskinporten variables.
 *   npm run worker
 */
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { MaskinportenConfigError } from "@/lib/maskinporten/errors";
import { startDeliveryWorkerFromEnv } from "@/lib/submissions/engine-runtime";

async function main() {
  if (!env.DATABASE_URL) {
    console.error("✖ DATABASE_URL must be set for a standalone worker.");
    process.exit(1);
  }
  const worker = await startDeliveryWorkerFromEnv(process.env);
  console.log(`✔ Delivery worker ${worker.workerId} running`);
  const stop = async () => {
    await worker.stop();
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
