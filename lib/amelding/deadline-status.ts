import { addDays } from "./deadlines";

/**
 * Where one organisation stands with one month's A-melding:
 * - on_time / late: accepted by Skatteetaten at or before / after the end of the deadline day (Norwegian time);
 * - missing: the deadline has passed and nothing is accepted;
 * - due_soon: nothing accepted and the deadline is today or within the next DUE_SOON_DAYS days;
 * - not_yet_due: nothing accepted, the deadline further ahead;
 * - not_tracked: nothing accepted here and the deadline passed before the organisation was added
 *   to this app, so it was likely reported some other way; calling that "missing" would be noise.
 */
export type DeadlineStatus = "on_time" | "late" | "missing" | "due_soon" | "not_yet_due" | "not_tracked";

export const DUE_SOON_DAYS = 7;

export function deadlineStatus(input: {
  deadline: string;
  today: string;
  /**
   * The day in Norway (YYYY-MM-DD) of the earliest acceptance of an A-melding for the month (a
   * later replacement never moves it); osloDate() of the instant.
   */
  firstAcceptedOn: string | null;
  /** The day (YYYY-MM-DD, Norwegian time) the organisation was added here. */
  trackedFrom: string;
}): DeadlineStatus {
  const { deadline, today, firstAcceptedOn, trackedFrom } = input;
  if (firstAcceptedOn) return firstAcceptedOn <= deadline ? "on_time" : "late";
  if (today > deadline) return deadline < trackedFrom ? "not_tracked" : "missing";
  return deadline <= addDays(today, DUE_SOON_DAYS) ? "due_soon" : "not_yet_due";
}
