import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { every } from "@/lib/jobs/every";

/*
 * Keeps error_group_summaries (what `/feil` shows a reader of every organisation) up to date outside
 * the writers' transactions. The rollup triggers append each changed group's key to
 * error_group_summary_changes; until a drain has recomputed the group, `/feil` reads that group from
 * error_group_totals (lib/submissions/queries/error-groups.ts), so the page is exact either way and
 * the drain only decides how much it reads. Why a drain can never mark a group clean too early:
 * drizzle/0038_error_group_summaries.sql (drain_error_group_summary_changes), docs/rollups.md.
 */

export type SummaryDrainOptions = {
  /** Outbox rows per transaction: a batch's groups are locked (against other drainers only) until it commits. */
  batchSize: number;
};

/**
 * One batch: picks up to `batchSize` outbox rows (SKIP LOCKED: drainers side by side take different
 * rows), recomputes their groups' summaries from error_group_totals and deletes exactly the rows it
 * picked, in one read-committed transaction (the function relies on each statement's new snapshot).
 * Returns how many rows it removed.
 */
export async function drainErrorGroupSummaryChangesBatch(db: Db, options: SummaryDrainOptions): Promise<number> {
  return db.transaction(
    async (tx) => {
      const [row] = await tx.execute<{ drained: number }>(
        sql`select drain_error_group_summary_changes(${options.batchSize}::int) as drained`,
      );
      return row?.drained ?? 0;
    },
    { isolationLevel: "read committed" },
  );
}

/** Batches until the outbox is empty (or `shouldStop`); returns the rows removed. */
export async function drainErrorGroupSummaryChanges(
  db: Db,
  options: SummaryDrainOptions & { shouldStop?: () => boolean },
): Promise<number> {
  let total = 0;
  for (;;) {
    const drained = await drainErrorGroupSummaryChangesBatch(db, options);
    total += drained;
    if (drained < options.batchSize || options.shouldStop?.()) return total;
  }
}

/**
 * The worker's drain, one of its periodic jobs (lib/jobs/every.ts):
 * at start and every `intervalMs` after. Each worker runs it; SKIP LOCKED and the per-group locks keep
 * concurrent drains from recomputing a group at the same time.
 */
export function startErrorGroupSummaryDrain(
  db: Db,
  options: SummaryDrainOptions & { intervalMs: number; workerId: string },
) {
  return every(options.intervalMs, "error group summary drain", options.workerId, (stopping) =>
    drainErrorGroupSummaryChanges(db, { ...options, shouldStop: stopping }),
  );
}
