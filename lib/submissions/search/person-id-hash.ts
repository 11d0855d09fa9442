import "server-only";
import { createHmac } from "node:crypto";
import { searchHashSecret } from "@/lib/config/derived";
import { env } from "@/lib/env";

/**
 * A fødselsnummer or d-nummer as the search index stores it: HMAC-SHA256 under
 * SEARCH_HASH_SECRET, base64url (no run of 11 digits can appear in it by chance, so a number
 * never seems to be stored). Without the key the hashes cannot be tried against the small space
 * of valid numbers, as a plain hash could. The number itself is never stored in the index.
 */
export function hashPersonId(personId: string, secret = configuredSecret()): string {
  return createHmac("sha256", secret).update(personId).digest("base64url");
}

function configuredSecret(): string {
  const secret = searchHashSecret(env);
  // start.ts refuses to start test and production mode without it; this guards other entry points.
  if (!secret) throw new Error("SEARCH_HASH_SECRET is not set.");
  return secret;
}
