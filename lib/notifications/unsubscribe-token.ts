import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/*
 * The unsubscribe link in every notification e-mail works without signing in, so it carries its
 * own proof: the user's id and an expiry, signed with HMAC-SHA256 under a key derived from
 * AUTH_SECRET (HKDF, so the key signs nothing else). A changed character or a passed expiry makes
 * it worthless; it can only turn e-mail off for the user it names, never read anything.
 */

/** How long a link in an e-mail keeps working. */
export const UNSUBSCRIBE_LINK_DAYS = 60;
const VERSION = "v1";

function signingKey(authSecret: string) {
  return Buffer.from(hkdfSync("sha256", authSecret, "innrapportering", "notification-unsubscribe-link", 32));
}

function signature(key: Buffer, payload: string) {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

export function createUnsubscribeToken(authSecret: string, userId: string, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_LINK_DAYS * 86_400;
  const payload = `${VERSION}.${userId}.${expires}`;
  return `${payload}.${signature(signingKey(authSecret), payload)}`;
}

const tokenSchema = z
  .string()
  .max(200)
  .regex(/^v1\.[0-9a-f-]{36}\.\d{1,12}\.[A-Za-z0-9_-]{43}$/);

export type UnsubscribeCheck =
  | { ok: true; userId: string }
  | { ok: false; reason: "malformed" | "signature" | "expired" };

/** The user the token names, if it is well formed, signed with our key and not expired. */
export function verifyUnsubscribeToken(authSecret: string, token: unknown, now = new Date()): UnsubscribeCheck {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const [version, userId, expires, sig] = parsed.data.split(".") as [string, string, string, string];
  const expected = Buffer.from(signature(signingKey(authSecret), `${version}.${userId}.${expires}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature" };
  if (!z.uuid().safeParse(userId).success) return { ok: false, reason: "malformed" };
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, userId };
}
