import { z } from "zod";

export const submissionIdSchema = z.object({ submissionId: z.uuid({ message: "required" }) });

export const correctedVersionSchema = z.object({
  submissionId: z.uuid({ message: "required" }),
  /** Validated against the report kind's own schema by the action. */
  payload: z.record(z.string(), z.unknown()),
});
