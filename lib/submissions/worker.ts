import "server-only";
import type PgBoss from "pg-boss";
import { deliverSubmission, findDueSubmissionIds, type DeliveryDeps } from "./deliver";
import { DELIVERY_QUEUE, enqueueDelivery } from "./queue";

export type WorkerOptions = {
  /** Jobs fetched and sent concurrently per poll. */
  concurrency: number;
  /** How often due or abandoned submissions without a job are looked for. */
  reconcileIntervalMs: number;
  pollingIntervalSeconds?: number;
};

/**
 * Runs deliveries from the queue. Several workers (processes) may run side by side: a submission
 * is only sent by the worker that claimed its lease.
 */
export async function startDeliveryWorker(boss: PgBoss, deps: DeliveryDeps, options: WorkerOptions) {
  const deliver = async (submissionId: string) => {
    try {
      const result = await deliverSubmission(deps, submissionId);
      if (result.outcome === "retrying") await enqueueDelivery(boss, submissionId, result.nextAttemptAt);
    } catch (error) {
      // The lease runs out and the reconciler hands the submission to a worker again.
      console.error(`[worker ${deps.workerId}] delivery of ${submissionId} failed`, error);
    }
  };

  // Several loops, each fetching its own batch: a slow request holds up only its own batch. After
  // a non-empty batch a loop fetches again at once; only an idle queue waits for the next poll.
  const loops = Math.max(1, Math.min(4, options.concurrency));
  const batchSize = Math.max(1, Math.ceil(options.concurrency / loops));
  for (let i = 0; i < loops; i++) {
    const id: string = await boss.work<{ submissionId: string }>(
      DELIVERY_QUEUE,
      { batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
      async (jobs) => {
        await Promise.all(jobs.map((job) => deliver(job.data.submissionId)));
        if (jobs.length > 0) setImmediate(() => boss.notifyWorker(id));
      },
    );
  }

  let stopped = false;
  const reconcile = async () => {
    if (stopped) return;
    try {
      for (const id of await findDueSubmissionIds(deps.db, 500)) await enqueueDelivery(boss, id);
    } catch (error) {
      console.error(`[worker ${deps.workerId}] reconcile failed`, error);
    }
  };
  const timer = setInterval(reconcile, options.reconcileIntervalMs);
  void reconcile();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await boss.offWork(DELIVERY_QUEUE);
    },
  };
}
