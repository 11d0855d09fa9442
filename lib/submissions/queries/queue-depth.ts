import "server-only";
import type { Db } from "@/lib/db/client";

export type QueueDepth = {
  /** Submissions waiting or being sent, by status (queued, retrying, sending). */
  byStatus: { status: string; count: number }[];
  /** How long the longest-waiting submission whose time has come has waited, in seconds (0: none). */
  oldestDueSeconds: number;
};

/**
 * The delivery queue as the database holds it. Reads only the partial index submissions_due_idx
 * (next_attempt_at is set exactly while a submission waits or is being sent), never the history,
 * so it stays cheap however many submissions were sent before. System-wide on purpose: it is for
 * the operator's metrics, and says nothing of any organisation.
 */
export async function readQueueDepth(db: Db): Promise<QueueDepth> {
  const rows = await db.$client.unsafe<{ status: string; count: number; oldest_due_seconds: number | null }[]>(
    `select status::text as status, count(*)::int as count,
            extract(epoch from now() - min(next_attempt_at) filter (where next_attempt_at <= now()))::float8 as oldest_due_seconds
     from submissions where next_attempt_at is not null group by status`,
  );
  return {
    byStatus: rows.map((r) => ({ status: r.status, count: r.count })),
    oldestDueSeconds: Math.max(0, ...rows.map((r) => r.oldest_due_seconds ?? 0)),
  };
}
