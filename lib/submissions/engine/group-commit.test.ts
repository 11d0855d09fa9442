import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit";

describe("createGroupCommit", () => {
  it("answers calls started together with one run, each with its own result", async () => {
    const runs: number[][] = [];
    const double = createGroupCommit(async (items: number[]) => {
      runs.push(items);
      return items.map((i) => i * 2);
    });
    expect(await Promise.all([1, 2, 3].map(double))).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it("collects calls made while a run is under way into the next run", async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const echo = createGroupCommit(async (items: number[]) => {
      runs.push(items);
      if (runs.length === 1) await gate;
      return items;
    });
    const first = echo(1);
    await new Promise((r) => setImmediate(r));
    const later = [echo(2), echo(3)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(runs).toEqual([[1], [2, 3]]);
  });

  it("splits a backlog into runs of at most maxBatch", async () => {
    const sizes: number[] = [];
    const echo = createGroupCommit(
      async (items: number[]) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5].map(echo));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it("rejects every call of a failed run, and later calls still run", async () => {
    let fail = true;
    const echo = createGroupCommit(async (items: number[]) => {
      if (fail) throw new Error("statement failed");
      return items;
    });
    const results = await Promise.allSettled([echo(1), echo(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await echo(3)).toBe(3);
  });
});
