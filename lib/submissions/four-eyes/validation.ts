import { z } from "zod";

/** A decline's reason: the preparer reads it on the submission page (docs/four-eyes.md). */
export const declineApprovalSchema = z.object({
  submissionId: z.uuid({ message: "required" }),
  reason: z.string().trim().min(1, { message: "required" }).max(500, { message: "tooLong" }),
});

export const setFourEyesSchema = z.object({
  organisationId: z.uuid({ message: "required" }),
  fourEyes: z.boolean(),
});
