import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/*
 * The one way the UI writes dates, times and numbers, per language: bokmål "29. nov. 2026",
 * "14,1 %", "12 345" (a non-breaking space groups thousands); English "29 Nov 2026", "14.1%",
 * "12,345". English uses British conventions (day before month), as most of our English readers
 * are in Norway. Times are Norwegian time. Pure functions, usable on the server and in the
 * browser: `formatter(await getLocale())` or `formatter(useLocale())`.
 *
 * Machine-readable output (CSV values, URLs, form values) is not formatted here: it keeps ISO
 * dates and dot decimals (lib/csv/csv-time.ts).
 */

export const DISPLAY_TIME_ZONE = "Europe/Oslo";

/** The BCP 47 tag Intl gets for each of our languages. */
const INTL_LOCALE: Record<Locale, string> = { nb: "nb-NO", en: "en-GB" };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

type DateInput = Date | string | number;

/**
 * An instant, or a calendar day (`2026-11-29`) or month (`2026-11`) as written in URLs and the
 * database. A calendar day is taken at noon UTC and formatted in UTC, so it is the same day
 * everywhere; an instant is formatted in Norwegian time.
 */
function toDate(value: DateInput): { date: Date; timeZone: string } {
  if (typeof value === "string") {
    const day = ISO_DAY.exec(value);
    if (day) return { date: new Date(`${value}T12:00:00Z`), timeZone: "UTC" };
    const month = ISO_MONTH.exec(value);
    if (month) return { date: new Date(`${value}-01T12:00:00Z`), timeZone: "UTC" };
  }
  return { date: value instanceof Date ? value : new Date(value), timeZone: DISPLAY_TIME_ZONE };
}

function localeOf(locale: string): Locale {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

function dateTimeFormat(locale: string, value: DateInput, options: Intl.DateTimeFormatOptions): string {
  const { date, timeZone } = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(INTL_LOCALE[localeOf(locale)], { timeZone, ...options }).format(date);
}

/** "29. nov. 2026" / "29 Nov 2026". */
export function formatDate(locale: string, value: DateInput): string {
  return dateTimeFormat(locale, value, { day: "numeric", month: "short", year: "numeric" });
}

/** "29. nov. 2026, 14:30" / "29 Nov 2026, 14:30" (Norwegian time). */
export function formatDateTime(locale: string, value: DateInput, options: { seconds?: boolean } = {}): string {
  return dateTimeFormat(locale, value, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: options.seconds ? "2-digit" : undefined,
    hourCycle: "h23",
  });
}

/** "14:30" or "14:30:05" (Norwegian time). */
export function formatTime(locale: string, value: DateInput, options: { seconds?: boolean } = {}): string {
  return dateTimeFormat(locale, value, {
    hour: "2-digit",
    minute: "2-digit",
    second: options.seconds ? "2-digit" : undefined,
    hourCycle: "h23",
  });
}

/** "29. nov." / "29 Nov": a day within a range whose year is shown elsewhere (chart axes). */
export function formatDayMonth(locale: string, value: DateInput): string {
  return dateTimeFormat(locale, value, { day: "numeric", month: "short" });
}

/** "nov. 2026" / "Nov 2026", e.g. an A-melding's kalendermåned `2026-11`. */
export function formatMonth(locale: string, value: DateInput): string {
  return dateTimeFormat(locale, value, { month: "short", year: "numeric" });
}

/** "31. okt. 2026 – 29. nov. 2026". */
export function formatDateRange(locale: string, from: DateInput, to: DateInput): string {
  return `${formatDate(locale, from)} – ${formatDate(locale, to)}`;
}

/**
 * Two instants as a span: "29. nov. 2026, 21:03–21:40" on one day, else both in full
 * ("28. nov. 2026, 23:50 – 29. nov. 2026, 00:10"), in Norwegian time.
 */
export function formatDateTimeSpan(locale: string, from: DateInput, to: DateInput): string {
  if (formatDate(locale, from) === formatDate(locale, to)) {
    return `${formatDateTime(locale, from)}–${formatTime(locale, to)}`;
  }
  return `${formatDateTime(locale, from)} – ${formatDateTime(locale, to)}`;
}

/** "12 345" (non-breaking space) / "12,345"; decimals as given, up to `maximumFractionDigits` (default 2). */
export function formatNumber(locale: string, value: number, options: { maximumFractionDigits?: number } = {}): string {
  return new Intl.NumberFormat(INTL_LOCALE[localeOf(locale)], {
    maximumFractionDigits: options.maximumFractionDigits ?? 2,
  }).format(value);
}

/** A percentage given in percent (14.1 → "14,1 %" / "14.1%"), up to two decimals. */
export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[localeOf(locale)], { style: "percent", maximumFractionDigits: 2 }).format(
    percent / 100,
  );
}

/** Whole kroner or øre as "12 345 kr" / "NOK 12,345". */
export function formatKroner(locale: string, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[localeOf(locale)], { style: "currency", currency: "NOK" }).format(value);
}

/** A change in kroner with its sign: "+2 345,00 kr" / "−1 200,00 kr"; zero without a sign. */
export function formatKronerChange(locale: string, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[localeOf(locale)], {
    style: "currency",
    currency: "NOK",
    signDisplay: "exceptZero",
  }).format(value);
}

/**
 * A decimal for a text field: "37,5" in bokmål, "37.5" in English, no grouping, so what is shown
 * can be typed back (lib/validation/decimal.ts reads a comma or a dot). Takes the stored form
 * ("37.5", a dot decimal string or a number); anything that is not a plain decimal is returned
 * as it is (the user's own unfinished input).
 */
export function formatDecimalInput(locale: string, value: string | number): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  return localeOf(locale) === "nb" ? text.replace(".", ",") : text;
}

/** Every function above bound to one language. */
export function formatter(locale: string) {
  return {
    date: (value: DateInput) => formatDate(locale, value),
    dateTime: (value: DateInput, options?: { seconds?: boolean }) => formatDateTime(locale, value, options),
    time: (value: DateInput, options?: { seconds?: boolean }) => formatTime(locale, value, options),
    dayMonth: (value: DateInput) => formatDayMonth(locale, value),
    month: (value: DateInput) => formatMonth(locale, value),
    dateRange: (from: DateInput, to: DateInput) => formatDateRange(locale, from, to),
    dateTimeSpan: (from: DateInput, to: DateInput) => formatDateTimeSpan(locale, from, to),
    number: (value: number, options?: { maximumFractionDigits?: number }) => formatNumber(locale, value, options),
    percent: (percent: number) => formatPercent(locale, percent),
    kroner: (value: number) => formatKroner(locale, value),
    kronerChange: (value: number) => formatKronerChange(locale, value),
    decimalInput: (value: string | number) => formatDecimalInput(locale, value),
  };
}
