import { z } from "zod";

/** A bulk retry as confirmed: the list filter as a URL query, and the count the confirmation showed. */
export const bulkRetryInputSchema = z.object({
  query: z.string().max(4000, { message: "tooLong" }),
  confirmedCount: z.coerce.number({ message: "required" }).int().positive(),
});
export type BulkRetryInput = z.infer<typeof bulkRetryInputSchema>;
