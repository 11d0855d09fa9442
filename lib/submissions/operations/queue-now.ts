import { sql } from "drizzle-orm";

/**
 * The set clause that puts a submission's current version in the queue now: a fresh `queuedAt`
 * starts a new round of attempts and the reason it was held is gone. Shared by the retry with the
 * same key (operations.ts) and the approval under four eyes (../four-eyes/four-eyes.ts).
 */
export function queueNowColumns() {
  return {
    status: "queued",
    queuedAt: sql`now()`,
    nextAttemptAt: sql`now()`,
    statusReasonCode: null,
    statusReasonParams: null,
    updatedAt: sql`now()`,
  } as const;
}
