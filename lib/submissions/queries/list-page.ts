import { z } from "zod/mini";
import type { FeedbackStatus } from "@/lib/db/schema";
import { SUBMISSION_STATUSES } from "./list-filter";

/*
 * The submissions list as the browser gets it (the page's first render and the polling route
 * app/api/submissions): the route handler's output schema, and the type the table renders.
 */

const isoTime = z.iso.datetime();

/** lib/db/schema.ts's feedback_status values (that module is not for the browser); checked below to be all of them. */
export const FEEDBACK_STATUSES = [
  "waiting",
  "ok",
  "deviations",
  "rejected",
  "error",
] as const satisfies readonly FeedbackStatus[];
const allFeedbackStatuses: Exclude<FeedbackStatus, (typeof FEEDBACK_STATUSES)[number]> extends never ? true : never =
  true;
void allFeedbackStatuses;

export const submissionRowSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["oar", "amelding"]),
  subject: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  organisationName: z.string(),
  orgnr: z.string(),
  lastAttemptAt: z.nullable(isoTime),
  nextAttemptAt: z.nullable(isoTime),
  lastErrorCode: z.nullable(z.string()),
  errorSummary: z.nullable(z.string()),
  /** Accepted A-meldinger: where Skatteetaten's feedback stands. */
  feedbackStatus: z.nullable(z.enum(FEEDBACK_STATUSES)),
  awaitingApproval: z.boolean(),
  createdAt: isoTime,
  replacesSubmissionId: z.nullable(z.uuid()),
  replacedById: z.nullable(z.uuid()),
  /** A-melding: the sums its betalingsinformasjon states (kroner), null when none. */
  reportedForskuddstrekk: z.nullable(z.number()),
  reportedArbeidsgiveravgift: z.nullable(z.number()),
  /** An accepted A-melding no accepted replacement has superseded. */
  isCurrentAmelding: z.boolean(),
});
export type SubmissionRow = z.infer<typeof submissionRowSchema>;

export const submissionPageSchema = z.object({
  rows: z.array(submissionRowSchema),
  nextCursor: z.nullable(z.string()),
  /** Something on the page is still being delivered: the list keeps polling. */
  inFlight: z.boolean(),
});
export type SubmissionPage = z.infer<typeof submissionPageSchema>;
