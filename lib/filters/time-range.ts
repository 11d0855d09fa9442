import { z } from "zod/mini";
import { firstValue } from "./search-params";

/**
 * A bound of a time-range filter as it lives in the URL: a local date (`2026-11-20`) or a local
 * date and time to the minute (`2026-11-20T14:30`, what `<input type="datetime-local">` sends),
 * both in Norwegian time. A date alone means the start of that day for `from` and the end of it
 * for `to`, so `to=2026-11-20` includes the whole 20th.
 */
const TIME_BOUND = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export const REPORTING_TIME_ZONE = "Europe/Oslo";

export function isValidTimeBound(value: string): boolean {
  const m = TIME_BOUND.exec(value);
  if (!m) return false;
  const [, y, mo, d, h = "00", mi = "00"] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d) &&
    date.getUTCHours() === Number(h) &&
    date.getUTCMinutes() === Number(mi)
  );
}

/** For the filter schemas: an invalid bound is dropped (the list still renders) and reported by timeRangeIssues. */
export const timeBoundSchema = z.catch(z.optional(z.string().check(z.trim(), z.refine(isValidTimeBound))), undefined);

/** The bound with its minute spelled out: what a datetime-local input shows, and comparable as text. */
export function timeBoundInputValue(value: string | undefined, side: "from" | "to"): string {
  if (!value) return "";
  return value.includes("T") ? value : `${value}T${side === "from" ? "00:00" : "23:59"}`;
}

export type TimeRangeIssue = "timeInvalid" | "rangeReversed";

/**
 * Why the raw `from`/`to` in a URL were not (fully) applied, as message keys per field, so the
 * form can say so beside the field instead of silently showing a different list.
 */
export function timeRangeIssues(raw: { from?: unknown; to?: unknown }): { from?: TimeRangeIssue; to?: TimeRangeIssue } {
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : Array.isArray(v) ? String(v[0] ?? "").trim() : "");
  const from = text(raw.from);
  const to = text(raw.to);
  const issues: { from?: TimeRangeIssue; to?: TimeRangeIssue } = {};
  if (from && !isValidTimeBound(from)) issues.from = "timeInvalid";
  if (to && !isValidTimeBound(to)) issues.to = "timeInvalid";
  if (!issues.from && !issues.to && from && to && timeBoundInputValue(from, "from") > timeBoundInputValue(to, "to")) {
    issues.to = "rangeReversed";
  }
  return issues;
}

/** The time-range fields as the URL gave them, with why they were not applied: what a filter form shows. */
export type TimeRangeInput = {
  raw: { from?: string; to?: string };
  issues: { from?: TimeRangeIssue; to?: TimeRangeIssue };
};

export function timeRangeInput(params: Record<string, string | string[] | undefined>): TimeRangeInput {
  const raw = { from: firstValue(params.from), to: firstValue(params.to) };
  return { raw, issues: timeRangeIssues(raw) };
}

const osloMinute = new Intl.DateTimeFormat("sv-SE", {
  timeZone: REPORTING_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** `2026-11-20T14:30`: the Norwegian wall-clock time of an instant, as a `from`/`to` bound. */
export function toTimeBound(instant: Date): string {
  return osloMinute.format(instant).replace(" ", "T");
}

export const QUICK_RANGES = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 } as const;
export type QuickRange = keyof typeof QUICK_RANGES;

/**
 * A quick range as absolute bounds, so the resulting URL shows the same rows when it is shared
 * or bookmarked (a deep link), instead of a window that moves with the clock.
 */
export function quickRangeBounds(range: QuickRange, now: Date): { from: string; to: undefined } {
  return { from: toTimeBound(new Date(now.getTime() - QUICK_RANGES[range] * 3_600_000)), to: undefined };
}
