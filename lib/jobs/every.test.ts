import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { every, RUN_AGAIN } from "./every";

// The loop's timing with a fake clock: which run starts when, not how fast anything is.
describe("every", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs at start, then the interval after each run ends, until stopped", async () => {
    const run = vi.fn(async () => {});
    const job = every(1000, "test job", "w1", run);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await job.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("goes again at once after a run that returned RUN_AGAIN, and waits the interval after one that did not", async () => {
    const answers: unknown[] = [RUN_AGAIN, RUN_AGAIN, undefined];
    const run = vi.fn(async () => answers.shift());
    const job = every(1000, "test job", "w1", run);
    // Three runs within the first moments (the second and third at once), then the interval.
    await vi.advanceTimersByTimeAsync(10);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(980);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(20);
    expect(run).toHaveBeenCalledTimes(4);
    await job.stop();
  });

  it("keeps going after a failed run", async () => {
    let calls = 0;
    const run = vi.fn(async () => {
      calls++;
      if (calls === 1) throw new Error("database gone");
    });
    const job = every(1000, "test job", "w1", run);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    await job.stop();
  });

  it("stop() waits for the run in progress and tells it to stop", async () => {
    let finish!: () => void;
    let sawStopping: boolean | undefined;
    const job = every(1000, "test job", "w1", async (stopping) => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      sawStopping = stopping();
    });
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = job.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    expect(sawStopping).toBe(true);
  });
});
