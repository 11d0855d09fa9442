import { z } from "zod";
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
  lastAttemptAt: isoTime.nullable(),
  nextAttemptAt: isoTime.nullable(),
  lastErrorCode: z.string().nullable(),
  errorSummary: z.string().nullable(),
  /** Accepted A-meldinger: where Skatteetaten's feedback stands. */
  feedbackStatus: z.enum(FEEDBACK_STATUSES).nullable(),
  awaitingApproval: z.boolean(),
  createdAt: isoTime,
  replacesSubmissionId: z.uuid().nullable(),
  replacedById: z.uuid().nullable(),
  /** A-melding: the sums its betalingsinformasjon states (kroner), null when none. */
  reportedForskuddstrekk: z.number().nullable(),
  reportedArbeidsgiveravgift: z.number().nullable(),
  /** An accepted A-melding no accepted replacement has superseded. */
  isCurrentAmelding: z.boolean(),
});
export type SubmissionRow = z.infer<typeof submissionRowSchema>;

export const submissionPageSchema = z.object({
  rows: z.array(submissionRowSchema),
  nextCursor: z.string().nullable(),
  /** Something on the page is still being delivered: the list keeps polling. */
  inFlight: z.boolean(),
});
export type SubmissionPage = z.infer<typeof submissionPageSchema>;
