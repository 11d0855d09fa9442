import { z } from "zod/mini";
import { wholeNumberSchema } from "@/lib/validation/decimal";

/** A bulk retry as confirmed: the list filter as a URL query, and the count the confirmation showed. */
export const bulkRetryInputSchema = z.object({
  query: z.string().check(z.maxLength(4000, { message: "tooLong" })),
  confirmedCount: z.pipe(wholeNumberSchema(), z.number().check(z.positive({ message: "required" }))),
});
export type BulkRetryInput = z.infer<typeof bulkRetryInputSchema>;
