import { addDays, isWorkingDay } from "../deadlines";

/*
 * When employers pay what an A-melding reports (docs/payments.md):
 * - forskuddstrekk, from 1 January 2026, directly to Skatteetaten at the latest the first working
 *   day after each salary payment date (loennsutbetalingsdato), per date;
 * - arbeidsgiveravgift per two-month term, due the 15th of the month after the term (15 March for
 *   January–February, …, 15 January for November–December), on the next working day when that
 *   is a weekend or public holiday.
 */

/** The first working day after `date` (YYYY-MM-DD). */
export function firstWorkingDayAfter(date: string): string {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** When forskuddstrekk withheld at a salary payment on `loennsutbetalingsdato` is due. */
export function forskuddstrekkDueDate(loennsutbetalingsdato: string): string {
  return firstWorkingDayAfter(loennsutbetalingsdato);
}

/** The arbeidsgiveravgift term (1–6) of a kalendermåned and the date its amount is due. */
export function arbeidsgiveravgiftTerm(kalendermaaned: string): { term: number; year: number; dueDate: string } {
  const year = Number(kalendermaaned.slice(0, 4));
  const month = Number(kalendermaaned.slice(5, 7));
  const term = Math.ceil(month / 2);
  // Due the 15th of the month after the term's second month: March, May, …, and January next year.
  const dueMonth = term * 2 + 1;
  const dueYear = dueMonth > 12 ? year + 1 : year;
  let due = `${dueYear}-${String(((dueMonth - 1) % 12) + 1).padStart(2, "0")}-15`;
  while (!isWorkingDay(due)) due = addDays(due, 1);
  return { term, year, dueDate: due };
}
