import type { DeliveryAttempt } from "@/lib/db/schema";

/**
 * One row of a submission's timeline: a run of consecutive attempts that ended the same way
 * (same step, outcome, answer and explanation), shown once with how many and when the first and
 * last began. `first` and `last` are the same attempt when it stands alone.
 */
export type TimelineEntry<A> = { first: A; last: A; count: number; attempts: A[] };

type Comparable = Pick<
  DeliveryAttempt,
  "step" | "outcome" | "uploadId" | "versionId" | "responseStatus" | "errorCode" | "transportError" | "decodedError"
>;

/** What makes two attempts "the same" to a reader: everything the row shows except times. */
function sameness(a: Comparable): string | null {
  // An attempt under way has no outcome yet; it always stands alone.
  if (a.outcome === "in_flight") return null;
  const decoded = a.decodedError;
  return JSON.stringify([
    a.step,
    a.outcome,
    a.uploadId,
    a.versionId,
    a.responseStatus,
    a.errorCode,
    a.transportError,
    decoded?.melding ?? null,
    (decoded?.specifications ?? []).map((s) => [s.kode, s.sti, s.angittVerdi, s.melding]),
  ]);
}

/**
 * The attempts (given oldest first) as the timeline shows them: newest first, with consecutive
 * attempts that ended the same way folded into one entry.
 */
export function attemptTimeline<A extends Comparable>(attempts: readonly A[]): TimelineEntry<A>[] {
  const entries: (TimelineEntry<A> & { key: string | null })[] = [];
  for (const attempt of attempts) {
    const key = sameness(attempt);
    const previous = entries.at(-1);
    if (previous && key !== null && previous.key === key) {
      previous.last = attempt;
      previous.count += 1;
      previous.attempts.push(attempt);
    } else {
      entries.push({ first: attempt, last: attempt, count: 1, attempts: [attempt], key });
    }
  }
  return entries.reverse().map(({ key: _, ...entry }) => entry);
}

/** At most this many characters of a stored body or payload are shown on a page; an upload can be tens of megabytes. */
export const SHOWN_BODY_CHARS = 100_000;

/** The text as shown, and how many characters were left out. */
export function shownBody(text: string): { text: string; omitted: number } {
  return text.length <= SHOWN_BODY_CHARS
    ? { text, omitted: 0 }
    : { text: text.slice(0, SHOWN_BODY_CHARS), omitted: text.length - SHOWN_BODY_CHARS };
}

/** A stored body or payload as a page shows it: a large A-melding's is cut, ending with `note` saying how much is left out. */
export function bodyAsShown(text: string, note: (omitted: number) => string): string {
  const shown = shownBody(text);
  return shown.omitted > 0 ? `${shown.text}\n\n${note(shown.omitted)}` : shown.text;
}
