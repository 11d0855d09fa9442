import "server-only";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { findUserByEmail } from "@/lib/users/queries";
import type { LoginThrottle } from "./login-throttle";
import { verifyPassword } from "./password";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks e-mail and password from a client address (null when unknown). Unknown addresses, wrong
 * passwords and deactivated accounts all answer "invalid" after the same hashing work, so the
 * answer does not reveal which accounts exist. Failures are throttled (see login-throttle.ts).
 */
export async function authenticate(
  db: Db,
  throttle: LoginThrottle,
  email: string,
  password: string,
  clientIp: string | null,
): Promise<AuthenticateResult> {
  const key = email.trim().toLowerCase();
  const wait = await throttle.beforeAttempt(key, clientIp);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await findUserByEmail(db, key);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) {
    const lockSeconds = await throttle.recordFailure(key, clientIp);
    if (lockSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds: lockSeconds };
    return { ok: false, reason: "invalid" };
  }
  await throttle.recordSuccess(key, clientIp);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
