import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs } from "./retry-policy";

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
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    const now = Date.parse("2026-11-23T10:00:00Z");
    expect(parseRetryAfter("Mon, 23 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
