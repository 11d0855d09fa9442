import "server-only";
import { createHash } from "node:crypto";
import type { SandboxResponse } from "./sandbox-response";
import type { SandboxApi } from "./types";

/**
 * Every idempotency key the sandbox processed: how often it was processed as new (more than once
 * would be a duplicate), how often answered from the store, and the status of its first answer.
 * The chaos benchmark (bench/chaos.ts) reads it over /__control/idempotency-keys.
 */
export type ProcessedKey = {
  api: SandboxApi;
  idempotencyKey: string;
  status: number;
  firstProcessings: number;
  replays: number;
};

export type IdempotencyLookup = { kind: "new" } | { kind: "replay"; response: SandboxResponse } | { kind: "conflict" };

/**
 * The request a key was first used for: the path (an A-melding path names orgnr and month) and
 * the exact bytes of the body. "Same request" means byte-identical, as the docs say
 * "samme request-body".
 */
export function requestFingerprint(pathname: string, rawBody: Buffer): string {
  return createHash("sha256").update(pathname).update("\n").update(rawBody).digest("hex");
}

/**
 * First answer per (API, idempotency key). Lookup and remember run in the same synchronous
 * stretch of the request handler, so two concurrent retries cannot both process.
 */
export function createIdempotencyStore() {
  const entries: Record<SandboxApi, Map<string, { fingerprint: string; response: SandboxResponse }>> = {
    oar: new Map(),
    amelding: new Map(),
  };
  const processed = new Map<string, ProcessedKey>();
  return {
    lookup(api: SandboxApi, key: string, fingerprint: string): IdempotencyLookup {
      const entry = entries[api].get(key);
      if (!entry) return { kind: "new" };
      if (entry.fingerprint !== fingerprint) return { kind: "conflict" };
      const record = processed.get(`${api}:${key}`);
      if (record) record.replays += 1;
      return { kind: "replay", response: entry.response };
    },
    remember(api: SandboxApi, key: string, fingerprint: string, response: SandboxResponse) {
      entries[api].set(key, { fingerprint, response });
      const record = processed.get(`${api}:${key}`);
      if (record) record.firstProcessings += 1;
      else
        processed.set(`${api}:${key}`, {
          api,
          idempotencyKey: key,
          status: response.status,
          firstProcessings: 1,
          replays: 0,
        });
    },
    processedKeys: (): ProcessedKey[] => [...processed.values()].map((r) => ({ ...r })),
    clear() {
      entries.oar.clear();
      entries.amelding.clear();
      processed.clear();
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
