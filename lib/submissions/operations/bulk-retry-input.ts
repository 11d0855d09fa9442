import { z } from "zod";
import { wholeNumberSchema } from "@/lib/validation/decimal";

/** A bulk retry as confirmed: the list filter as a URL query, and the count the confirmation showed. */
export const bulkRetryInputSchema = z.object({
  query: z.string().max(4000, { message: "tooLong" }),
  confirmedCount: wholeNumberSchema().pipe(z.number().positive({ message: "required" })),
});
export type BulkRetryInput = z.infer<typeof bulkRetryInputSchema>;
