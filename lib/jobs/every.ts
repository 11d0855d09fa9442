import { logger } from "@/lib/log/logger";

/**
 * The worker's periodic jobs (retention, notifications, reconciliation, the error-group summary
 * drain): `run` at start and `intervalMs` after each run ends, until stopped. A failed run is
 * logged, never fatal, and the next one comes as usual. stop() waits for a run in progress, so
 * SIGTERM never cuts one off mid-transaction; a run of many batches asks `stopping()` between them.
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
    try {
      await run(() => stopped);
    } catch (error) {
      logger.error({ err: error, workerId }, `${name} failed`);
    }
    if (!stopped) timer = setTimeout(() => (running = loop()), intervalMs);
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
