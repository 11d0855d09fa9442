import { logger } from "@/lib/log/logger";

/** What a run returns when it stopped with work still waiting (a full batch): the next run starts at once. */
export const RUN_AGAIN = Symbol("run again");

/**
 * The worker's periodic jobs (retention, notifications, reconciliation, the error-group summary
 * drain, the feedback follower): `run` at start and `intervalMs` after each run ends (at once after
 * a run that returned RUN_AGAIN), until stopped. A failed run is logged, never fatal, and the next
 * one comes as usual. stop() waits for a run in progress, so SIGTERM never cuts one off
 * mid-transaction; a run of many batches asks `stopping()` between them.
 */
export function every(
  intervalMs: number,
  name: string,
  workerId: string,
  run: (stopping: () => boolean) => Promise<unknown>,
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    if (stopped) return;
    let again = false;
    try {
      again = (await run(() => stopped)) === RUN_AGAIN;
    } catch (error) {
      logger.error({ err: error, workerId }, `${name} failed`);
    }
    if (!stopped) timer = setTimeout(() => (running = loop()), again ? 0 : intervalMs);
  };
  running = loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
