import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from "./retry-policy";

describe("retryDelayMs", () => {
  it("grows exponentially between half and all of the step", () => {
    expect(retryDelayMs(2, null, () => 0)).toBe(1_000);
    expect(retryDelayMs(2, null, () => 1)).toBe(2_000);
    expect(retryDelayMs(3, null, () => 0)).toBe(2_000);
    expect(retryDelayMs(5, null, () => 1)).toBe(16_000);
  });

  it("is capped at five minutes", () => {
    expect(retryDelayMs(30, null, () => 1)).toBe(300_000);
  });

  it("never waits less than the server's Retry-After", () => {
    expect(retryDelayMs(2, 45_000, () => 1)).toBe(45_000);
    expect(retryDelayMs(6, 1_000, () => 1)).toBe(32_000);
  });

  it("is a finite delay whatever it is given", () => {
    for (const retryAfter of [Infinity, NaN, -5, 1e300]) {
      const delay = retryDelayMs(3, retryAfter, () => 0.5);
      expect(Number.isFinite(delay)).toBe(true);
      expect(Number.isNaN(new Date(Date.now() + Math.min(delay, 8.64e15 - Date.now())).getTime())).toBe(false);
    }
  });
});

describe("parseRetryAfter", () => {
  const maxMs = DEFAULT_MAX_RETRY_AFTER_MS;
  const now = Date.parse("2026-11-23T10:00:00Z");

  it("reads delay-seconds and IMF-fixdates", () => {
    expect(parseRetryAfter("120", { maxMs })).toBe(120_000);
    expect(parseRetryAfter(" 5 ", { maxMs })).toBe(5_000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 10:00:30 GMT", { maxMs, now })).toBe(30_000);
  });

  it("caps a long wait at the configured maximum (15 minutes by default)", () => {
    expect(parseRetryAfter("86400", { maxMs })).toBe(900_000);
    expect(parseRetryAfter("86400", { maxMs: 60_000 })).toBe(60_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 10:00:00 GMT", { maxMs, now })).toBe(900_000);
  });

  it("ignores what it cannot use, so the normal schedule applies", () => {
    for (const value of [
      undefined,
      null,
      "",
      "soon",
      "99999999999999",
      "-5",
      "1.5",
      "0x10",
      "1e3",
      "120 seconds",
      "Sunday, 06-Nov-94 08:49:37 GMT", // obsolete RFC 850 date
      "Sun Nov  6 08:49:37 1994", // obsolete asctime date
      "Mon, 23 Nov 2026 09:59:00 GMT", // a moment already past
      "Mon, 01 Jan 1900 00:00:00 GMT", // far in the past
      "Mon, 99 Foo 2026 10:00:00 GMT",
      "Mon, 31 Feb 2026 25:61:61 GMT",
    ]) {
      expect(parseRetryAfter(value, { maxMs, now }), String(value)).toBeNull();
    }
    expect(parseRetryAfter("0", { maxMs })).toBeNull();
  });
});
