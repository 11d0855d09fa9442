import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import { sessions } from "@/lib/db/schema";
import { SESSION_MAX_AGE_SECONDS } from "./auth.config";

/** Records a new session for a sign-in and returns its id (carried in the JWT as `sid`). */
export async function createSession(db: DbOrTx, userId: string, now = new Date()) {
  // The user's sessions that ran out are cleared here, so the table holds little more than live ones.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  const row = firstRow(
    await db
      .insert(sessions)
      .values({ userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
      .returning({ id: sessions.id }),
  );
  return row.id;
}

export async function deleteSession(db: DbOrTx, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of the user at once (deactivation, role change). */
export async function revokeUserSessions(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
