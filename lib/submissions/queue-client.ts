import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { enqueueDelivery, startQueue } from "./queue";

const globalForQueue = globalThis as unknown as { __innrapporteringQueue?: Promise<PgBoss> };

/**
 * Wakes a worker right after a submission is queued. Failing to wake one loses nothing: the
 * submission is already queued in the database and the worker's reconciler finds it.
 */
export async function wakeDeliveryWorker(submissionId: string) {
  try {
    globalForQueue.__innrapporteringQueue ??= startQueue(env.DATABASE_URL!, { supervise: false });
    await enqueueDelivery(await globalForQueue.__innrapporteringQueue, submissionId);
  } catch (error) {
    globalForQueue.__innrapporteringQueue = undefined;
    console.error(`[queue] could not wake a worker for ${submissionId}; the reconciler will pick it up`, error);
  }
}
