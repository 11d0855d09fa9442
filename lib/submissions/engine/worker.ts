import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/metrics";
import { type DeliveryDeps, deliverSubmission, findDueSubmissionIds } from "./deliver";
import { handBackLeases } from "./delivery-statements";
import { DELIVERY_QUEUE, type DeliveryJobData, enqueueDeliveries, enqueueDelivery, submissionIdsOf } from "./queue";
import { createSemaphore } from "./semaphore";

export type WorkerOptions = {
  /** Requests to Skatteetaten in flight at once (DELIVERY_CONCURRENCY). */
  concurrency: number;
  /** How often due or abandoned submissions without a job are looked for. */
  reconcileIntervalMs: number;
  /** How long an idle worker waits before asking the queue again. */
  pollingIntervalSeconds?: number;
  /**
   * On stop, how long deliveries in flight may take to finish before they are handed back
   * (DELIVERY_SHUTDOWN_GRACE_SECONDS); default 20 s.
   */
  shutdownGraceMs?: number;
};

/** What a stop did with the deliveries the worker had: finished, or handed back to other workers. */
export type WorkerStopReport = { finished: number; handedBack: number; notStarted: number };

/**
 * Runs deliveries from the queue. Several workers (processes) may run side by side: a submission
 * is only sent by the worker that claimed its lease.
 *
 * Jobs are fetched in batches ahead of need and started whenever a delivery slot is free, so one
 * slow request never holds up the others (no waiting for a whole batch). Deliveries running at
 * the same time share their claim and outcome statements (group commit in deliver.ts).
 */
export async function startDeliveryWorker(boss: PgBoss, baseDeps: DeliveryDeps, options: WorkerOptions) {
  const concurrency = Math.max(1, options.concurrency);
  // `concurrency` requests to Skatteetaten at once; three times as many deliveries in flight, so that
  // while some wait for their claim or outcome to be written, others fill every request slot.
  // At most a quarter of the slots carry uploads of large A-meldinger, so however many arrive at
  // once, the other deliveries keep most of the slots.
  const deps: DeliveryDeps = {
    ...baseDeps,
    limitSending: createSemaphore(concurrency),
    limitUploading: createSemaphore(Math.max(1, Math.floor(concurrency / 4))),
  };
  const pipelineDepth = 3 * concurrency;
  const idleMs = (options.pollingIntervalSeconds ?? 0.2) * 1000;
  let stopped = false;
  let inFlight = 0;
  // The submissions being delivered now (how many deliveries of each: a duplicate wake-up starts a
  // second one, which its claim then skips), so a stop that runs out of grace can hand them back.
  const delivering = new Map<string, number>();
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => wakeUp(), ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const completions = createCompletionBatcher(boss);
  // Submissions from jobs fetched ahead of free slots: the queue is asked for many at a time, so
  // one fetch round trip is not paid per delivery (that alone would cap a worker at a few hundred
  // a second).
  const buffered: string[] = [];
  // A job wakes one submission or a chunk of them (bulk sends); asking for as many jobs as there
  // is room for submissions would hoard chunks that other workers could be sending.
  let submissionsPerJob = 1;

  const { deliveries, deliverySeconds, handedBack: handedBackTotal } = metrics();
  const deliverCounted = async (submissionId: string) => {
    const started = performance.now();
    let outcome = "error";
    try {
      const result = await deliverSubmission(deps, submissionId);
      outcome = result.outcome;
      return result;
    } finally {
      deliveries.inc({ outcome });
      deliverySeconds.observe({ outcome }, (performance.now() - started) / 1000);
    }
  };

  const deliver = async (submissionId: string) => {
    try {
      let result = await deliverCounted(submissionId);
      // An upload delivery's step that is due at once (the first status check after uploading,
      // the send-in once validated) follows here; a pause (still validating) goes through the queue,
      // so no slot is held while Skatteetaten validates.
      for (
        let steps = 0;
        !stopped && result.outcome === "continuing" && result.nextAttemptAt.getTime() <= Date.now() && steps < 3;
        steps++
      ) {
        result = await deliverCounted(submissionId);
      }
      if (result.outcome === "retrying" || result.outcome === "continuing")
        await enqueueDelivery(boss, submissionId, result.nextAttemptAt);
    } catch (error) {
      // The lease runs out and the reconciler hands the submission to a worker again.
      logger.error({ err: error, workerId: deps.workerId, submissionId }, "delivery failed");
    } finally {
      inFlight--;
      const others = (delivering.get(submissionId) ?? 1) - 1;
      if (others > 0) delivering.set(submissionId, others);
      else delivering.delete(submissionId);
      dispatch();
      wakeUp();
    }
  };

  const dispatch = () => {
    while (inFlight < pipelineDepth) {
      const submissionId = buffered.shift();
      if (submissionId === undefined) break;
      inFlight++;
      delivering.set(submissionId, (delivering.get(submissionId) ?? 0) + 1);
      void deliver(submissionId);
    }
  };

  const pump = (async () => {
    while (!stopped) {
      // Refill only once a whole batch has room: asking for one job each time a slot frees would
      // cost a queue round trip per delivery again.
      const room = pipelineDepth + 2 * concurrency - inFlight - buffered.length;
      if (room < 2 * concurrency) {
        await pause(idleMs);
        continue;
      }
      let jobs: PgBoss.Job<DeliveryJobData>[] = [];
      try {
        jobs = await boss.fetch<DeliveryJobData>(DELIVERY_QUEUE, {
          batchSize: Math.max(1, Math.floor(room / submissionsPerJob)),
        });
      } catch (error) {
        logger.error({ err: error, workerId: deps.workerId }, "fetching delivery jobs failed");
      }
      // A job only wakes a worker; the submission's row and lease decide what is sent. So jobs are
      // completed as soon as they are taken, in one statement per batch: a worker that dies with
      // jobs in hand leaves queued submissions behind, which the reconciler re-queues.
      for (const job of jobs) completions.add(job.id);
      if (stopped) break;
      let woken = 0;
      for (const job of jobs) {
        const ids = submissionIdsOf(job.data);
        woken += ids.length;
        buffered.push(...ids);
      }
      if (jobs.length > 0) submissionsPerJob = (submissionsPerJob + woken / jobs.length) / 2;
      dispatch();
      if (jobs.length === 0) await pause(idleMs);
    }
  })();

  const reconcile = async () => {
    if (stopped) return;
    try {
      for (const id of await findDueSubmissionIds(deps.db, 500)) await enqueueDelivery(boss, id);
      wakeUp();
    } catch (error) {
      logger.error({ err: error, workerId: deps.workerId }, "reconciling due submissions failed");
    }
  };
  const timer = setInterval(reconcile, options.reconcileIntervalMs);
  void reconcile();

  const graceMs = options.shutdownGraceMs ?? 20_000;
  let stopping: Promise<WorkerStopReport> | null = null;

  /**
   * Graceful stop (SIGTERM): no new deliveries; those fetched but not started are woken again for
   * other workers at once (their jobs were completed when fetched); those in flight may finish
   * within the grace period, and what is still under way then is handed back: its lease ends, so
   * another worker sends it with the same key and body right away instead of after the lease.
   */
  const stop = async (): Promise<WorkerStopReport> => {
    stopped = true;
    clearInterval(timer);
    wakeUp();
    await pump;
    const notStarted = buffered.splice(0);
    if (notStarted.length > 0) await wakeOthers(notStarted);
    const running = inFlight;
    const deadline = Date.now() + graceMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    let handedBack: string[] = [];
    if (delivering.size > 0) {
      try {
        handedBack = await handBackLeases(deps.db, [...delivering.keys()], deps.workerId);
      } catch (error) {
        // Their leases then run out as if the worker had died; another worker takes over after them.
        logger.error({ err: error, workerId: deps.workerId }, "handing back deliveries in flight failed");
      }
      if (handedBack.length > 0) {
        handedBackTotal.inc(handedBack.length);
        await wakeOthers(handedBack);
      }
    }
    await completions.flush();
    const report = {
      finished: running - inFlight,
      handedBack: handedBack.length,
      notStarted: notStarted.length,
    };
    logger.info({ workerId: deps.workerId, ...report }, "delivery worker stopped");
    return report;
  };
  const wakeOthers = async (ids: string[]) => {
    try {
      await enqueueDeliveries(boss, ids);
    } catch (error) {
      // Still queued or due in the database: any worker's reconciler finds them.
      logger.warn({ err: error, workerId: deps.workerId, submissions: ids.length }, "could not wake other workers");
    }
  };

  return {
    stop() {
      stopping ??= stop();
      return stopping;
    },
  };
}

/** Group commit for job completions: ids that finish while a write is under way go in the next one. */
function createCompletionBatcher(boss: PgBoss) {
  let pending: string[] = [];
  let running: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    while (running) await running;
    if (pending.length === 0) return;
    const ids = pending;
    pending = [];
    running = boss
      .complete(DELIVERY_QUEUE, ids)
      .catch((error: unknown) => logger.error({ err: error }, "completing delivery jobs failed"))
      .finally(() => {
        running = null;
      });
    await running;
    if (pending.length > 0) void flush();
  };
  return {
    add(id: string) {
      pending.push(id);
      if (!running) void flush();
    },
    flush,
  };
}
