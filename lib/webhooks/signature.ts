import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/*
 * Signing per the Standard Webhooks specification (README, "Webhooks"): the secret is `whsec_`
 * followed by the base64 of random bytes, the HMAC-SHA256 key is those bytes, and the signed
 * content is `${webhook-id}.${webhook-timestamp}.${body}`. `webhook-signature` is a space-separated
 * list of `v1,<base64 signature>`, one per secret in force (two during a rotation's grace period).
 * Our own code on node:crypto; the e2e test verifies it with the `standardwebhooks` package.
 */

export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** A new signing secret: 32 random bytes (the spec asks for 24 to 64). */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

function secretKey(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) throw new Error("Not a webhook secret");
  return Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), "base64");
}

/** `v1,<signature>` of one message with one secret. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The three headers of one message, signed with every secret given (current first). */
export function webhookHeaders(secrets: readonly string[], id: string, timestampSeconds: number, body: string) {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": secrets.map((s) => signWebhook(s, id, timestampSeconds, body)).join(" "),
  };
}
