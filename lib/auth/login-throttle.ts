import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { loginAttempts } from "@/lib/db/schema";

/** Failures allowed before each further attempt must wait. */
export const FREE_FAILURES = 5;
const BASE_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
const WINDOW_SECONDS = 60 * 60;

export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));
}

export async function secondsUntilLoginAllowed(db: DbOrTx, key: string, now = new Date()) {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

export async function recordLoginFailure(db: DbOrTx, key: string, now = new Date()) {
  const windowStart = new Date(now.getTime() - WINDOW_SECONDS * 1000);
  const [row] = await db
    .insert(loginAttempts)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.lastFailureAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: loginAttempts.failures });
  const lockSeconds = lockSecondsAfter(row!.failures);
  if (lockSeconds > 0) {
    await db
      .update(loginAttempts)
      .set({ lockedUntil: new Date(now.getTime() + lockSeconds * 1000) })
      .where(eq(loginAttempts.key, key));
  }
  return { failures: row!.failures, lockSeconds };
}

export async function clearLoginFailures(db: DbOrTx, key: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
