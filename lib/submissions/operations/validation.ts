import { z } from "zod/mini";

export const submissionIdSchema = z.object({ submissionId: z.uuid({ message: "required" }) });
