import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a secret a caller sent matches the configured one. Compares digests, so neither the
 * length nor the content of the secret leaks through timing. Used by defineRoute's shared-secret
 * and bearer-token access and by a worker's metrics port.
 */
export function secretMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}
