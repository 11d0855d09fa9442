import { describe, expect, it } from "vitest";
import { datesBetween, firstOfMonth } from "./oslo-dates";

describe("overview date ranges", () => {
  it("lists every day of a range across month and year ends, and leap days", () => {
    expect(firstOfMonth("2026-11-23")).toBe("2026-11-01");
    expect(datesBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(datesBetween("2028-02-28", "2028-03-01")).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(datesBetween("2026-02-01", "2026-01-01")).toEqual([]);
  });
});
