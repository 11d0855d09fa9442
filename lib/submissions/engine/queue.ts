import "server-only";
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { logger } from "@/lib/log/logger";
import { PreparingQueueDb } from "./queue-db";

export const DELIVERY_QUEUE = "submission-delivery";

const queueDbs = new WeakMap<PgBoss, PreparingQueueDb>();

export async function startQueue(databaseUrl: string, options: { supervise?: boolean } = {}) {
  const db = new PreparingQueueDb({
    connectionString: databaseUrl,
    max: 4,
    // Queue bookkeeping need not wait for the disk: the submissions table (committed durably) is
    // the source of truth, so a job lost in a database crash is re-created by the reconciler, and
    // the claim makes a duplicate harmless. This halves the fsyncs per delivery.
    options: "-c synchronous_commit=off",
  });
  const boss = new PgBoss({ db, schema: "pgboss", supervise: options.supervise ?? true, schedule: false });
  // pg-boss closes only connections it opened itself: closed when it stops, and awaited by stopQueue.
  boss.once("stopped", () => void db.close());
  queueDbs.set(boss, db);
  boss.on("error", (error) => logger.error({ err: error }, "queue error"));
  await boss.start();
  // "short": at most one WAITING job per submission, so repeated wake-ups collapse into one, while
  // a job left "active" by a worker that died never blocks another worker from taking over (the
  // submission's lease, not the job, decides who may send).
  if (!(await boss.getQueue(DELIVERY_QUEUE))) {
    await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, policy: "short", retryLimit: 0 });
  }
  return boss;
}

/**
 * Stops the queue and waits until its connections are closed, so a database stopped right after
 * (the embedded one on SIGTERM) ends no connection of ours.
 */
export async function stopQueue(boss: PgBoss, options: PgBoss.StopOptions) {
  await boss.stop(options);
  await queueDbs.get(boss)?.close();
}

/**
 * Wakes a worker for the submission, now or at `startAfter`. The submissions table, not the job,
 * is the source of truth, so a lost or duplicate job is harmless: the reconciler re-sends lost
 * ones and the worker's claim ignores duplicates.
 */
export async function enqueueDelivery(boss: PgBoss, submissionId: string, startAfter?: Date) {
  await boss.send(
    DELIVERY_QUEUE,
    { submissionId },
    { singletonKey: submissionId, ...(startAfter ? { startAfter } : {}) },
  );
}

/** Submissions woken by one job of a bulk wake-up. */
export const SUBMISSIONS_PER_JOB = 25;

export type DeliveryJobData = { submissionId: string } | { submissionIds: string[] };

export function submissionIdsOf(data: DeliveryJobData): string[] {
  return "submissionIds" in data ? data.submissionIds : [data.submissionId];
}

/**
 * Wakes workers for many submissions in one statement. A job carries up to SUBMISSIONS_PER_JOB of
 * them, so a bulk send costs the queue one job fetched and completed per chunk instead of per
 * submission. Each chunk is still claimed submission by submission, so a chunk split between
 * workers, duplicated or lost changes nothing but who sends. An identical chunk already waiting
 * is skipped.
 */
export async function enqueueDeliveries(boss: PgBoss, submissionIds: string[]) {
  if (submissionIds.length === 0) return;
  if (submissionIds.length === 1 && submissionIds[0]) return enqueueDelivery(boss, submissionIds[0]);
  const jobs = [];
  for (let i = 0; i < submissionIds.length; i += SUBMISSIONS_PER_JOB) {
    const chunk = submissionIds.slice(i, i + SUBMISSIONS_PER_JOB);
    const singletonKey = `chunk:${createHash("sha256").update(chunk.join(",")).digest("base64url")}`;
    jobs.push({ name: DELIVERY_QUEUE, data: { submissionIds: chunk } satisfies DeliveryJobData, singletonKey });
  }
  await boss.insert(jobs);
}
