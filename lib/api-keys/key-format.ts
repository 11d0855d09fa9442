import { createHash, randomBytes } from "node:crypto";

/**
 * An API key reads `ir_live_<public id>_<secret>`: the prefix makes a leaked key recognisable (to
 * secret scanners and people), the public id (16 hex digits) finds its row, and the secret is 32
 * random bytes (base64url). Only the SHA-256 digest of the whole key is stored: with 256 bits of
 * randomness a fast hash is enough, and checking it costs nothing per request.
 */
export const API_KEY_PREFIX = "ir_live_";
const KEY_PATTERN = /^ir_live_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey() {
  const publicId = randomBytes(8).toString("hex");
  const key = `${API_KEY_PREFIX}${publicId}_${randomBytes(32).toString("base64url")}`;
  return { key, publicId, secretHash: apiKeyDigest(key) };
}

export function apiKeyDigest(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The public id of a well-formed key; null for anything else (never looked up). */
export function apiKeyPublicId(presented: string): string | null {
  return KEY_PATTERN.exec(presented)?.[1] ?? null;
}

/** How the key is shown after creation: its prefix and public id, never the secret. */
export function apiKeyHint(publicId: string) {
  return `${API_KEY_PREFIX}${publicId}_…`;
}
