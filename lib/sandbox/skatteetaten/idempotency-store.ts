import "server-only";
import { createHash } from "node:crypto";
import type { SandboxResponse } from "./sandbox-response";
import type { SandboxApi } from "./types";

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
  return {
    lookup(api: SandboxApi, key: string, fingerprint: string): IdempotencyLookup {
      const entry = entries[api].get(key);
      if (!entry) return { kind: "new" };
      return entry.fingerprint === fingerprint ? { kind: "replay", response: entry.response } : { kind: "conflict" };
    },
    remember(api: SandboxApi, key: string, fingerprint: string, response: SandboxResponse) {
      entries[api].set(key, { fingerprint, response });
    },
    clear() {
      entries.oar.clear();
      entries.amelding.clear();
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
