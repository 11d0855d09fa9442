import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { webhookSubscriptions } from "@/lib/db/schema";
import { WEBHOOK_SECRET_PREFIX } from "./signature";

/*
 * A webhook's signing secret must be known to sign, so it cannot be hashed like an API key; it is
 * kept encrypted instead (AES-256-GCM under a key derived from AUTH_SECRET by HKDF, so the key
 * encrypts nothing else). A copy of the database alone, a backup or a read replica, then does not
 * let anyone sign messages our subscribers would trust. Stored as `sealed.v1.<base64url of
 * nonce, ciphertext and tag>`. Changing AUTH_SECRET makes the stored secrets unreadable: each
 * subscription's deliveries then fail with the error "secret" until its secret is rotated
 * (README, "Webhooks").
 */

export type WebhookSecretKey = Buffer & { readonly __brand: "WebhookSecretKey" };

const SEALED_PREFIX = "sealed.v1.";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function webhookSecretKey(authSecret: string): WebhookSecretKey {
  if (authSecret.length < 32) throw new Error("AUTH_SECRET is not set (webhook secrets are encrypted under it)");
  return Buffer.from(
    hkdfSync("sha256", authSecret, "innrapportering", "webhook-secret-at-rest", 32),
  ) as WebhookSecretKey;
}

export function sealWebhookSecret(key: WebhookSecretKey, secret: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const sealed = Buffer.concat([nonce, cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return SEALED_PREFIX + sealed.toString("base64url");
}

/**
 * The secret behind a stored value, or null when it cannot be read (another key, a changed
 * character). A value from before encryption (`whsec_…`) is read as it is, until the worker
 * seals it (sealClearWebhookSecrets).
 */
export function openWebhookSecret(key: WebhookSecretKey | null, stored: string): string | null {
  if (stored.startsWith(WEBHOOK_SECRET_PREFIX)) return stored;
  if (!key || !stored.startsWith(SEALED_PREFIX)) return null;
  const raw = Buffer.from(stored.slice(SEALED_PREFIX.length), "base64url");
  if (raw.length <= NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}

/** Encrypts the secrets stored in clear before encryption was introduced; run by the worker as it starts. */
export async function sealClearWebhookSecrets(db: DbOrTx, key: WebhookSecretKey): Promise<number> {
  const clear = await db.execute<{ id: string; secret: string; previous_secret: string | null }>(sql`
    select id, secret, previous_secret from ${webhookSubscriptions}
    where secret like ${`${WEBHOOK_SECRET_PREFIX}%`} or previous_secret like ${`${WEBHOOK_SECRET_PREFIX}%`}`);
  for (const row of clear) {
    const seal = (value: string | null) =>
      value?.startsWith(WEBHOOK_SECRET_PREFIX) ? sealWebhookSecret(key, value) : value;
    // Only the value read is replaced: a rotation in between keeps its own, newer secret.
    await db.execute(sql`
      update ${webhookSubscriptions}
      set secret = case when secret = ${row.secret} then ${seal(row.secret)} else secret end,
          previous_secret = case when previous_secret = ${row.previous_secret} then ${seal(row.previous_secret)}
                                 else previous_secret end
      where id = ${row.id}`);
  }
  return clear.length;
}
