import { describe, expect, it } from "vitest";
import { addDays, datesBetween, firstOfMonth, osloToday } from "./oslo-dates";

describe("Oslo calendar dates", () => {
  it("uses the Norwegian date, not UTC's, around midnight", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Oslo (UTC+1 in winter).
    expect(osloToday(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (UTC+2 in summer).
    expect(osloToday(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  });

  it("counts days across month ends and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(firstOfMonth("2026-11-23")).toBe("2026-11-01");
    expect(datesBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
  });
});
