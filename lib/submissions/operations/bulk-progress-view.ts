import type { BulkOperationProgress } from "./bulk-retry";

/** A bulk operation's progress as sent to the browser (dates as ISO strings). */
export function toBulkProgressView(p: BulkOperationProgress) {
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
export type BulkProgressView = ReturnType<typeof toBulkProgressView>;
