import { describe, expect, it } from "vitest";
import { isValidTimeBound, quickRangeBounds, timeBoundInputValue, timeRangeIssues, toTimeBound } from "./time-range";

describe("time range filter", () => {
  it("accepts a date or a date with time to the minute, and rejects impossible ones", () => {
    expect(isValidTimeBound("2026-11-20")).toBe(true);
    expect(isValidTimeBound("2026-11-20T14:30")).toBe(true);
    expect(isValidTimeBound("2026-02-30")).toBe(false);
    expect(isValidTimeBound("2026-11-20T24:00")).toBe(false);
    expect(isValidTimeBound("20.11.2026")).toBe(false);
    expect(isValidTimeBound("2026-11-20T14:30:00Z")).toBe(false);
  });

  it("reports an invalid bound and a reversed range per field", () => {
    expect(timeRangeIssues({ from: "2026-11-31", to: "2026-12-01" })).toEqual({ from: "timeInvalid" });
    expect(timeRangeIssues({ from: "2026-11-20T10:00", to: "2026-11-20T09:59" })).toEqual({ to: "rangeReversed" });
    // A date alone for `to` is the whole day, so a time later that day is not reversed.
    expect(timeRangeIssues({ from: "2026-11-20T10:00", to: "2026-11-20" })).toEqual({});
    expect(timeRangeIssues({})).toEqual({});
  });

  it("fills a date-only bound to the minute the datetime input shows", () => {
    expect(timeBoundInputValue("2026-11-20", "from")).toBe("2026-11-20T00:00");
    expect(timeBoundInputValue("2026-11-20", "to")).toBe("2026-11-20T23:59");
    expect(timeBoundInputValue("2026-11-20T08:15", "to")).toBe("2026-11-20T08:15");
  });

  it("turns quick ranges into absolute Norwegian times, daylight saving included", () => {
    expect(toTimeBound(new Date("2026-07-01T12:00:00Z"))).toBe("2026-07-01T14:00");
    expect(toTimeBound(new Date("2026-01-01T12:00:00Z"))).toBe("2026-01-01T13:00");
    expect(quickRangeBounds("24h", new Date("2026-11-20T12:00:00Z"))).toEqual({
      from: "2026-11-19T13:00",
      to: undefined,
    });
    expect(quickRangeBounds("7d", new Date("2026-11-20T12:00:00Z")).from).toBe("2026-11-13T13:00");
  });
});
