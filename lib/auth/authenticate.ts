import "server-only";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { findUserByEmail } from "@/lib/users/queries";
import { clearLoginFailures, recordLoginFailure, secondsUntilLoginAllowed } from "./login-throttle";
import { verifyPassword } from "./password";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks e-mail and password. Unknown addresses, wrong passwords and deactivated accounts all
 * answer "invalid" after the same hashing work, so the answer does not reveal which accounts
 * exist. Repeated failures for one address lock it for a growing time.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<AuthenticateResult> {
  const key = email.trim().toLowerCase();
  const wait = await secondsUntilLoginAllowed(db, key);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await findUserByEmail(db, key);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) {
    const { lockSeconds } = await recordLoginFailure(db, key);
    if (lockSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds: lockSeconds };
    return { ok: false, reason: "invalid" };
  }
  await clearLoginFailures(db, key);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
