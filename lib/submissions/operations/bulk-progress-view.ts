import { z } from "zod/mini";
import type { BulkOperationProgress } from "./bulk-retry";

/** A bulk operation's progress as sent to the browser: the output schema of app/api/bulk-operations/[id]. */
export const bulkProgressViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(["running", "done"]),
  createdAt: z.iso.datetime(),
  finishedAt: z.nullable(z.iso.datetime()),
  createdByName: z.nullable(z.string()),
  total: z.number().check(z.int()),
  succeeded: z.number().check(z.int()),
  failed: z.number().check(z.int()),
  pending: z.number().check(z.int()),
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
