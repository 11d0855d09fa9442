import { z } from "zod";
import type { BulkOperationProgress } from "./bulk-retry";

/** A bulk operation's progress as sent to the browser: the output schema of app/api/bulk-operations/[id]. */
export const bulkProgressViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(["running", "done"]),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  createdByName: z.string().nullable(),
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
});
export type BulkProgressView = z.infer<typeof bulkProgressViewSchema>;

/** A bulk operation's progress as sent to the browser (dates as ISO strings). */
export function toBulkProgressView(p: BulkOperationProgress): BulkProgressView {
  return {
    id: p.id,
    status: p.status,
    createdAt: p.createdAt.toISOString(),
    finishedAt: p.finishedAt?.toISOString() ?? null,
    createdByName: p.createdByName,
    total: p.total,
    succeeded: p.succeeded,
    failed: p.failed,
    pending: p.pending,
  };
}
