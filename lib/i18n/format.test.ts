import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDateTimeSpan,
  formatDayMonth,
  formatDecimalInput,
  formatKronerChange,
  formatMonth,
  formatNumber,
  formatPercent,
  formatter,
} from "./format";

const NBSP = "\u00a0";

describe("dates", () => {
  it("writes a calendar day the same way in every view, per language", () => {
    expect(formatDate("nb", "2026-11-29")).toBe("29. nov. 2026");
    expect(formatDate("en", "2026-11-29")).toBe("29 Nov 2026");
  });

  it("writes an instant in Norwegian time (23:30 UTC on 28 Nov is 29 Nov in Oslo)", () => {
    expect(formatDate("nb", new Date("2026-11-28T23:30:00Z"))).toBe("29. nov. 2026");
    expect(formatDateTime("nb", new Date("2026-11-28T23:30:00Z"))).toBe("29. nov. 2026, 00:30");
    expect(formatDateTime("en", new Date("2026-07-01T12:05:09Z"), { seconds: true })).toBe("1 Jul 2026, 14:05:09");
  });

  it("keeps a calendar day on its day whatever the time zone (no UTC midnight shift)", () => {
    expect(formatDate("nb", "2026-03-01")).toBe("1. mars 2026");
    expect(formatDayMonth("nb", "2026-11-29")).toBe("29. nov.");
    expect(formatDayMonth("en", "2026-11-29")).toBe("29 Nov");
  });

  it("writes a kalendermåned and a period", () => {
    expect(formatMonth("nb", "2026-10")).toBe("okt. 2026");
    expect(formatMonth("en", "2026-10")).toBe("Oct 2026");
    expect(formatDateRange("nb", "2026-10-31", "2026-11-29")).toBe("31. okt. 2026 – 29. nov. 2026");
  });

  it("falls back to bokmål for an unknown language and shows an unreadable date as it was", () => {
    expect(formatDate("de", "2026-11-29")).toBe("29. nov. 2026");
    expect(formatDate("nb", "not a date")).toBe("not a date");
  });
});

describe("numbers", () => {
  it("groups thousands with a non-breaking space in bokmål and a comma in English", () => {
    expect(formatNumber("nb", 12345)).toBe(`12${NBSP}345`);
    expect(formatNumber("en", 12345)).toBe("12,345");
    expect(formatNumber("nb", 1234.5)).toBe(`1${NBSP}234,5`);
  });

  it("writes a percentage with a decimal comma and a space in bokmål", () => {
    expect(formatPercent("nb", 14.1)).toBe(`14,1${NBSP}%`);
    expect(formatPercent("en", 14.1)).toBe("14.1%");
    expect(formatPercent("nb", 100)).toBe(`100${NBSP}%`);
  });

  it("binds every function to one language", () => {
    const f = formatter("nb");
    expect(f.date("2026-11-29")).toBe("29. nov. 2026");
    expect(f.percent(37.5)).toBe(`37,5${NBSP}%`);
    expect(f.decimalInput("37.5")).toBe("37,5");
  });
});

describe("decimal fields", () => {
  it("shows a stored decimal with a comma in bokmål and a dot in English", () => {
    expect(formatDecimalInput("nb", "14.1")).toBe("14,1");
    expect(formatDecimalInput("nb", 37.5)).toBe("37,5");
    expect(formatDecimalInput("en", "14.1")).toBe("14.1");
  });

  it("leaves what the user is still typing as it is", () => {
    expect(formatDecimalInput("nb", "14.")).toBe("14.");
    expect(formatDecimalInput("nb", "14,1")).toBe("14,1");
    expect(formatDecimalInput("nb", "")).toBe("");
  });
});

describe("spans and changes", () => {
  it("writes a span within one day with the day once, and across days in full (Norwegian time)", () => {
    expect(formatDateTimeSpan("nb", "2026-11-29T20:03:00Z", "2026-11-29T20:40:00Z")).toBe("29. nov. 2026, 21:03–21:40");
    expect(formatDateTimeSpan("nb", "2026-11-28T22:50:00Z", "2026-11-28T23:10:00Z")).toBe(
      "28. nov. 2026, 23:50 – 29. nov. 2026, 00:10",
    );
  });

  it("writes a change in kroner with its sign, and zero without one", () => {
    expect(formatKronerChange("nb", 2345)).toBe("+2\u00a0345,00\u00a0kr");
    expect(formatKronerChange("nb", -1200)).toMatch(/^[−-]1\u00a0200,00\u00a0kr$/);
    expect(formatKronerChange("nb", 0)).toBe("0,00\u00a0kr");
  });
});
