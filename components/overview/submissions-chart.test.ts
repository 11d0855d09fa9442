import { describe, expect, it } from "vitest";
import { yTicks } from "./submissions-chart";

describe("the overview chart's y axis", () => {
  it("climbs in round whole steps from 0 to at least the highest bar, in at most six ticks", () => {
    expect(yTicks(0)).toEqual([0, 1]);
    expect(yTicks(1)).toEqual([0, 1]);
    expect(yTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(yTicks(130)).toEqual([0, 50, 100, 150]);
    for (const max of [3, 19, 250, 999, 12_345]) {
      const ticks = yTicks(max);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.every((v) => Number.isInteger(v))).toBe(true);
    }
  });
});
