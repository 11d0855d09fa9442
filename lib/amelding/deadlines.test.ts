import { describe, expect, it } from "vitest";
import {
  ameldingDeadline,
  deadlineWarning,
  easterSunday,
  isWorkingDay,
  nextDueMonth,
  norwegianPublicHolidays,
  osloDate,
  shiftMonth,
} from "./deadlines";

describe("easterSunday", () => {
  it.each([
    [2012, "2012-04-08"],
    [2016, "2016-03-27"],
    [2022, "2022-04-17"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("%i → %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe("norwegianPublicHolidays", () => {
  it("lists the twelve holidays of 2026 in date order", () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      { date: "2026-01-01", name: "newYearsDay" },
      { date: "2026-04-02", name: "maundyThursday" },
      { date: "2026-04-03", name: "goodFriday" },
      { date: "2026-04-05", name: "easterSunday" },
      { date: "2026-04-06", name: "easterMonday" },
      { date: "2026-05-01", name: "labourDay" },
      { date: "2026-05-14", name: "ascensionDay" },
      { date: "2026-05-17", name: "constitutionDay" },
      { date: "2026-05-24", name: "whitSunday" },
      { date: "2026-05-25", name: "whitMonday" },
      { date: "2026-12-25", name: "christmasDay" },
      { date: "2026-12-26", name: "boxingDay" },
    ]);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-04-07", true, "Tuesday after Easter Monday"],
    ["2026-04-06", false, "Easter Monday"],
    ["2026-04-02", false, "Maundy Thursday"],
    ["2026-05-14", false, "Ascension Day"],
    ["2026-05-15", true, "Friday after Ascension"],
    ["2025-05-17", false, "17 May on a Saturday"],
    ["2027-05-17", false, "17 May on a Monday"],
    ["2026-05-01", false, "1 May on a Friday"],
    ["2026-12-24", true, "Christmas Eve is not a public holiday"],
    ["2026-12-26", false, "Boxing Day"],
    ["2026-06-06", false, "a Saturday"],
    ["2026-06-07", false, "a Sunday"],
  ])("%s is %s (%s)", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("refuses a date that does not exist", () => {
    expect(() => isWorkingDay("2026-02-30")).toThrow(RangeError);
  });
});

describe("ameldingDeadline", () => {
  it.each([
    ["2026-04", "2026-05-05", "an ordinary Tuesday stays"],
    ["2026-03", "2026-04-07", "5 April 2026 is Easter Sunday, Monday is Easter Monday"],
    ["2021-03", "2021-04-06", "5 April 2021 is Easter Monday"],
    ["2012-03", "2012-04-10", "5 April 2012 is Maundy Thursday: Good Friday, weekend and Easter Monday follow"],
    ["2023-03", "2023-04-05", "the Wednesday before Maundy Thursday stays"],
    ["2016-04", "2016-05-06", "5 May 2016 is Ascension Day"],
    ["2017-05", "2017-06-06", "5 June 2017 is Whit Monday"],
    ["2022-05", "2022-06-07", "5 June 2022 is Whit Sunday, then Whit Monday"],
    ["2024-12", "2025-01-06", "December rolls into January; 5 January 2025 is a Sunday"],
    ["2025-12", "2026-01-05", "December rolls into January on a Monday"],
    ["2026-09", "2026-10-05", "a Monday"],
    ["2026-06", "2026-07-06", "5 July 2026 is a Sunday"],
    ["2026-07", "2026-08-05", "a Wednesday"],
  ])("%s → %s (%s)", (month, deadline) => {
    expect(ameldingDeadline(month)).toBe(deadline);
  });

  it("refuses a malformed kalendermåned", () => {
    expect(() => ameldingDeadline("2026-13")).toThrow(RangeError);
    expect(() => ameldingDeadline("2026-1")).toThrow(RangeError);
  });
});

describe("shiftMonth", () => {
  it("moves across year boundaries", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-03", -12)).toBe("2025-03");
    expect(shiftMonth("2025-12", 1)).toBe("2026-01");
  });
});

describe("osloDate", () => {
  it("gives the Norwegian calendar date, in winter (UTC+1) and summer (UTC+2) time", () => {
    expect(osloDate(new Date("2026-01-31T22:59:59Z"))).toBe("2026-01-31");
    expect(osloDate(new Date("2026-01-31T23:00:00Z"))).toBe("2026-02-01");
    expect(osloDate(new Date("2026-04-07T21:59:59Z"))).toBe("2026-04-07");
    expect(osloDate(new Date("2026-04-07T22:00:00Z"))).toBe("2026-04-08");
  });
});

describe("nextDueMonth", () => {
  it.each([
    ["2026-11-29", "2026-11", "October's deadline (5 Nov) has passed: November is next"],
    ["2026-11-05", "2026-10", "on the deadline day the month before is still due"],
    ["2026-11-06", "2026-11", "the day after it, this month"],
    ["2026-12-07", "2026-11", "5 Dec 2026 is a Saturday: November's deadline moves to Monday 7 Dec"],
    ["2026-01-03", "2025-12", "across the year"],
  ])("%s → %s (%s)", (today, month) => {
    expect(nextDueMonth(today)).toBe(month);
    expect(ameldingDeadline(nextDueMonth(today)) >= today).toBe(true);
  });
});

describe("deadlineWarning", () => {
  it("warns of a deadline that has passed, with the deadline", () => {
    expect(deadlineWarning("2026-10", "2026-11-29")).toEqual({ kind: "passed", deadline: "2026-11-05" });
  });

  it("warns of a deadline within two working days, counting past weekends and holidays", () => {
    // November 2026: deadline Monday 7 Dec (the 5th is a Saturday).
    expect(deadlineWarning("2026-11", "2026-12-07")).toEqual({ kind: "soon", deadline: "2026-12-07" });
    expect(deadlineWarning("2026-11", "2026-12-03")).toEqual({ kind: "soon", deadline: "2026-12-07" });
    expect(deadlineWarning("2026-11", "2026-12-02")).toBeNull();
    expect(deadlineWarning("2026-11", "2026-11-29")).toBeNull();
    // March 2026: deadline Tuesday 7 April (Easter Monday 6 April): Thursday 2 April is two working days before.
    expect(deadlineWarning("2026-03", "2026-04-02")).toEqual({ kind: "soon", deadline: "2026-04-07" });
  });

  it("says nothing for a month not yet typed in full", () => {
    expect(deadlineWarning("2026-1", "2026-11-29")).toBeNull();
  });
});
