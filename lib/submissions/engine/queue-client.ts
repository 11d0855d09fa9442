import "server-only";
import type PgBoss from "pg-boss";
import { requireDatabaseUrl } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { enqueueDeliveries, enqueueDelivery, startQueue } from "./queue";

const globalForQueue = globalThis as unknown as { __innrapporteringQueue?: Promise<PgBoss> };

/**
 * Wakes workers right after submissions are queued. Failing to wake them loses nothing: the
 * submissions are already queued in the database and the worker's reconciler finds them.
 */
async function wake(submissionIds: string[], enqueue: (boss: PgBoss) => Promise<void>) {
  try {
    globalForQueue.__innrapporteringQueue ??= startQueue(requireDatabaseUrl(), { supervise: false });
    await enqueue(await globalForQueue.__innrapporteringQueue);
  } catch (error) {
    globalForQueue.__innrapporteringQueue = undefined;
    const what = submissionIds.length === 1 ? submissionIds[0] : `${submissionIds.length} submissions`;
    logger.warn(
      { err: error, submissions: what },
      "could not wake a worker; the reconciler will pick the submissions up",
    );
  }
}

export async function wakeDeliveryWorker(submissionId: string) {
  await wake([submissionId], (boss) => enqueueDelivery(boss, submissionId));
}

export async function wakeDeliveryWorkers(submissionIds: string[]) {
  await wake(submissionIds, (boss) => enqueueDeliveries(boss, submissionIds));
}
