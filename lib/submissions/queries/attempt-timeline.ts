import type { DeliveryAttempt } from "@/lib/db/schema";

/**
 * One entry of a submission's timeline: an attempt, or a run of status checks of one upload that
 * each found it still being validated (shown once, with how often and when last).
 */
export type TimelineEntry<A> = { attempt: A; last: A; count: number };

type Checkable = Pick<DeliveryAttempt, "step" | "outcome" | "uploadId">;

const isValidatingCheck = (a: Checkable) => a.step === "upload_status" && a.outcome === "validating";

/** The attempts in order, with consecutive "still validating" checks of the same upload folded into one entry. */
export function attemptTimeline<A extends Checkable>(attempts: readonly A[]): TimelineEntry<A>[] {
  const entries: TimelineEntry<A>[] = [];
  for (const attempt of attempts) {
    const previous = entries.at(-1);
    if (
      previous &&
      isValidatingCheck(previous.last) &&
      isValidatingCheck(attempt) &&
      previous.last.uploadId === attempt.uploadId
    ) {
      previous.last = attempt;
      previous.count += 1;
    } else {
      entries.push({ attempt, last: attempt, count: 1 });
    }
  }
  return entries;
}

/** At most this many characters of a stored body or payload are shown on a page; an upload can be tens of megabytes. */
export const SHOWN_BODY_CHARS = 100_000;

/** The text as shown, and how many characters were left out. */
export function shownBody(text: string): { text: string; omitted: number } {
  return text.length <= SHOWN_BODY_CHARS
    ? { text, omitted: 0 }
    : { text: text.slice(0, SHOWN_BODY_CHARS), omitted: text.length - SHOWN_BODY_CHARS };
}
