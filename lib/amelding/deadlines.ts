/**
 * The A-melding deadline: the 5th of the month after the kalendermåned, moved to the next working
 * day when it falls on a Saturday, Sunday or Norwegian public holiday (skatteetaten.no, "Frister
 * og betaling"). Dates are ISO strings (YYYY-MM-DD) so no time zone can shift a day.
 */

export type PublicHoliday = { date: string; name: PublicHolidayName };
export type PublicHolidayName =
  | "newYearsDay"
  | "maundyThursday"
  | "goodFriday"
  | "easterSunday"
  | "easterMonday"
  | "labourDay"
  | "constitutionDay"
  | "ascensionDay"
  | "whitSunday"
  | "whitMonday"
  | "christmasDay"
  | "boxingDay";

const KALENDERMAANED = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toIso(date: Date) {
  return date.toISOString().slice(0, 10);
}

function utcDate(year: number, month: number, day: number) {
  return new Date(Date.UTC(year, month - 1, day));
}

function parseIsoDate(date: string): Date {
  const m = ISO_DATE.exec(date);
  const parsed = m ? utcDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!parsed || toIso(parsed) !== date) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return parsed;
}

export function addDays(date: string, days: number): string {
  const d = parseIsoDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIso(utcDate(year, month, day));
}

/** Norway's public holidays (helligdager and 1 and 17 May) in a year, in date order. */
export function norwegianPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => toIso(utcDate(year, month, day));
  const holidays: PublicHoliday[] = [
    { date: fixed(1, 1), name: "newYearsDay" },
    { date: addDays(easter, -3), name: "maundyThursday" },
    { date: addDays(easter, -2), name: "goodFriday" },
    { date: easter, name: "easterSunday" },
    { date: addDays(easter, 1), name: "easterMonday" },
    { date: fixed(5, 1), name: "labourDay" },
    { date: fixed(5, 17), name: "constitutionDay" },
    { date: addDays(easter, 39), name: "ascensionDay" },
    { date: addDays(easter, 49), name: "whitSunday" },
    { date: addDays(easter, 50), name: "whitMonday" },
    { date: fixed(12, 25), name: "christmasDay" },
    { date: fixed(12, 26), name: "boxingDay" },
  ];
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}

const holidayCache = new Map<number, Set<string>>();

function holidayDates(year: number) {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(norwegianPublicHolidays(year).map((h) => h.date));
    holidayCache.set(year, set);
  }
  return set;
}

/** Monday to Friday and not a Norwegian public holiday. */
export function isWorkingDay(date: string): boolean {
  const d = parseIsoDate(date);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidayDates(d.getUTCFullYear()).has(date);
}

/** The deadline (YYYY-MM-DD) for the A-melding of `kalendermaaned` (YYYY-MM). */
export function ameldingDeadline(kalendermaaned: string): string {
  const m = KALENDERMAANED.exec(kalendermaaned);
  if (!m) throw new RangeError(`Not a kalendermåned (YYYY-MM): ${kalendermaaned}`);
  let date = toIso(utcDate(Number(m[1]), Number(m[2]) + 1, 5));
  while (!isWorkingDay(date)) date = addDays(date, 1);
  return date;
}

/** The kalendermåned `offset` months from `kalendermaaned` (negative for earlier). */
export function shiftMonth(kalendermaaned: string, offset: number): string {
  const m = KALENDERMAANED.exec(kalendermaaned);
  if (!m) throw new RangeError(`Not a kalendermåned (YYYY-MM): ${kalendermaaned}`);
  return toIso(utcDate(Number(m[1]), Number(m[2]) + offset, 1)).slice(0, 7);
}

const osloDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Norway (Europe/Oslo) at an instant, as YYYY-MM-DD. */
export function osloDate(instant: Date): string {
  return osloDateFormat.format(instant);
}

/**
 * The month whose A-melding is due next on `today` (YYYY-MM-DD, Norwegian time): last month until
 * its deadline has passed, then this month. The builder starts with it, so it never proposes a
 * month that would already be late.
 */
export function nextDueMonth(today: string): string {
  const thisMonth = today.slice(0, 7);
  const lastMonth = shiftMonth(thisMonth, -1);
  return today <= ameldingDeadline(lastMonth) ? lastMonth : thisMonth;
}

/** Working days after `today` up to and including `deadline`: 0 when the deadline is today, negative once it has passed. */
export function workingDaysUntil(today: string, deadline: string): number {
  if (deadline < today) return -1;
  let days = 0;
  for (let date = addDays(today, 1); date <= deadline; date = addDays(date, 1)) if (isWorkingDay(date)) days++;
  return days;
}

/** A deadline within this many working days is warned about before sending. */
export const DEADLINE_WARNING_WORKING_DAYS = 2;

/**
 * What to warn about before sending the A-melding of `kalendermaaned` on `today`: its deadline has
 * passed (it will be late), or it is within DEADLINE_WARNING_WORKING_DAYS working days. Sending is
 * still allowed; the user confirms with the deadline in front of them.
 */
export function deadlineWarning(
  kalendermaaned: string,
  today: string,
): { kind: "passed" | "soon"; deadline: string } | null {
  if (!KALENDERMAANED.test(kalendermaaned)) return null;
  const deadline = ameldingDeadline(kalendermaaned);
  if (today > deadline) return { kind: "passed", deadline };
  return workingDaysUntil(today, deadline) <= DEADLINE_WARNING_WORKING_DAYS ? { kind: "soon", deadline } : null;
}
