import { z } from "zod/mini";

/** A decline's reason: the preparer reads it on the submission page (docs/four-eyes.md). */
export const declineApprovalSchema = z.object({
  submissionId: z.uuid({ message: "required" }),
  reason: z.string().check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(500, { message: "tooLong" })),
});

export const setFourEyesSchema = z.object({
  organisationId: z.uuid({ message: "required" }),
  fourEyes: z.boolean(),
});
