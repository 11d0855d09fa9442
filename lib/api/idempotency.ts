import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { apiIdempotencyKeys } from "@/lib/db/schema";

/**
 * Idempotent POSTs of the public API, by the rule Stripe uses (and we follow towards
 * Skatteetaten): the first request with an Idempotency-Key runs and its answer is stored; a replay
 * with the same key and the same request gets that answer again without running; the same key
 * with another request is refused (409). Keys are per API key.
 *
 * The key's row is inserted first in the transaction that does the work, and the answer stored in
 * it before commit: a concurrent request with the same key waits on the row's unique index until
 * the first commits (then replays its answer) or rolls back (then runs itself). An error answer
 * rolls the work back and stores nothing, so the request may be sent again as it is.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function requestDigest(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("hex");
}

export type IdempotentOutcome =
  | { kind: "ran"; status: number; body: unknown }
  | { kind: "replayed"; status: number; body: unknown }
  | { kind: "reused" };

export async function runIdempotent(
  db: Db,
  scope: { apiKeyId: string; key: string; requestHash: string },
  work: (tx: Tx) => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentOutcome> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(apiIdempotencyKeys)
      .values({
        apiKeyId: scope.apiKeyId,
        key: scope.key,
        requestHash: scope.requestHash,
        responseStatus: 0,
        responseBody: {},
      })
      .onConflictDoNothing()
      .returning({ key: apiIdempotencyKeys.key });
    if (claimed.length === 0) {
      const [stored] = await tx
        .select()
        .from(apiIdempotencyKeys)
        .where(and(eq(apiIdempotencyKeys.apiKeyId, scope.apiKeyId), eq(apiIdempotencyKeys.key, scope.key)));
      if (!stored || stored.requestHash !== scope.requestHash) return { kind: "reused" } as const;
      return { kind: "replayed", status: stored.responseStatus, body: stored.responseBody } as const;
    }
    const answered = await work(tx);
    await tx
      .update(apiIdempotencyKeys)
      .set({ responseStatus: answered.status, responseBody: answered.body as Record<string, unknown> })
      .where(and(eq(apiIdempotencyKeys.apiKeyId, scope.apiKeyId), eq(apiIdempotencyKeys.key, scope.key)));
    return { kind: "ran", ...answered } as const;
  });
}
