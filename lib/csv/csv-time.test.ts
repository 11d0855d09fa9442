import { describe, expect, it } from "vitest";
import { formatCsvTime } from "./csv-time";

const intl = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

describe("formatCsvTime", () => {
  it("writes Norwegian time to the second, summer and winter", () => {
    expect(formatCsvTime(new Date("2026-07-01T10:00:00.999Z"))).toBe("2026-07-01 12:00:00");
    expect(formatCsvTime(new Date("2026-01-15T23:30:00Z"))).toBe("2026-01-16 00:30:00");
  });

  it("gives what Intl gives for Europe/Oslo, around every change of clocks and at random instants", () => {
    const instants: number[] = [];
    for (const change of [
      "2026-03-29T01:00:00Z",
      "2026-10-25T01:00:00Z",
      "1996-10-27T01:00:00Z",
      "1980-04-06T01:00:00Z",
    ]) {
      const at = Date.parse(change);
      for (let s = -7200; s <= 7200; s += 1) instants.push(at + s * 1000 + (s % 7) * 111);
    }
    let seed = 17;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      instants.push(Date.UTC(1960, 0, 1) + (seed / 2 ** 31) * (Date.UTC(2100, 0, 1) - Date.UTC(1960, 0, 1)));
    }
    for (const at of instants) {
      const instant = new Date(at);
      if (formatCsvTime(instant) !== intl.format(instant)) expect(formatCsvTime(instant)).toBe(intl.format(instant));
    }
  });
});
