import { describe, expect, it } from "vitest";
import { nextFeedbackCheckDelayMs } from "./feedback-schedule";

describe("nextFeedbackCheckDelayMs", () => {
  it("starts at the first interval, doubles per check, and never passes the ceiling", () => {
    const options = { firstMs: 5_000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 100].map((n) => nextFeedbackCheckDelayMs(n, options))).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });
});
