import { describe, expect, it } from "vitest";
import { createSemaphore, NoSlotError } from "./semaphore";

describe("createSemaphore", () => {
  it("never runs more than the limit at once, and runs every task in order", async () => {
    const withSlot = createSemaphore(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        withSlot(async () => {
          started.push(n);
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it("frees the slot of a task that throws", async () => {
    const withSlot = createSemaphore(1);
    await expect(withSlot(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withSlot(async () => "next")).toBe("next");
  });

  it("refuses a task beyond maxWaiting at once, and one that waited maxWaitMs, and still runs the others", async () => {
    const withSlot = createSemaphore(1, { maxWaiting: 1, maxWaitMs: 50 });
    let release!: () => void;
    const first = withSlot(() => new Promise<string>((r) => (release = () => r("first"))));
    const second = withSlot(async () => "second");
    await expect(withSlot(async () => "third")).rejects.toBeInstanceOf(NoSlotError);
    await expect(second).rejects.toBeInstanceOf(NoSlotError);
    release();
    expect(await first).toBe("first");
    expect(await withSlot(async () => "after")).toBe("after");
  });
});
