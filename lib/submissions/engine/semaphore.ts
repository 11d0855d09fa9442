/** A task could not get a slot: too many were already waiting, or it waited `maxWaitMs`. */
export class NoSlotError extends Error {
  constructor() {
    super("No free slot");
    this.name = "NoSlotError";
  }
}

/**
 * Runs at most `limit` of the given tasks at once; the others wait in order. With `maxWaiting`
 * or `maxWaitMs`, a task that would wait beyond either is refused with NoSlotError instead.
 */
export function createSemaphore(limit: number, options: { maxWaiting?: number; maxWaitMs?: number } = {}) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) {
      if (waiting.length >= (options.maxWaiting ?? Number.POSITIVE_INFINITY)) throw new NoSlotError();
      await new Promise<void>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const take = () => {
          clearTimeout(timer);
          resolve();
        };
        waiting.push(take);
        if (options.maxWaitMs !== undefined) {
          timer = setTimeout(() => {
            waiting.splice(waiting.indexOf(take), 1);
            reject(new NoSlotError());
          }, options.maxWaitMs);
        }
      });
    } else running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, so `running` stays counted for it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
