import { z } from "zod/mini";
import { IN_FLIGHT_STATUSES, SUBMISSION_STATUSES } from "./list-filter";
import { FEEDBACK_STATUSES } from "./list-page";

/*
 * What of a submission can change while its page is open: the output schema of
 * app/api/submissions/[id], which the detail page polls (components/live/live-submission.tsx).
 * Small on purpose: the page itself (payloads, raw bodies, masking by role) stays server-rendered.
 */
export const submissionLiveStateSchema = z.object({
  kind: z.enum(["oar", "amelding"]),
  status: z.enum(SUBMISSION_STATUSES),
  updatedAt: z.iso.datetime(),
  /** Rows in the timeline, and how the latest ended (an attempt in flight gets its outcome later). */
  attempts: z.number().check(z.int()),
  lastAttemptOutcome: z.nullable(z.string()),
  feedback: z.nullable(
    z.object({
      status: z.enum(FEEDBACK_STATUSES),
      checkCount: z.number().check(z.int()),
      lastCheckedAt: z.nullable(z.iso.datetime()),
    }),
  ),
});
export type SubmissionLiveState = z.infer<typeof submissionLiveStateSchema>;

/** How often to ask again: while it is being delivered, while its feedback is awaited (slower), else never. */
export function livePollInterval(state: SubmissionLiveState): number | false {
  if ((IN_FLIGHT_STATUSES as readonly string[]).includes(state.status)) return 1500;
  // An accepted A-melding's feedback is awaited until its row says otherwise (no row yet: waiting).
  if (state.kind === "amelding" && state.status === "accepted" && (state.feedback?.status ?? "waiting") === "waiting")
    return 4000;
  return false;
}
