import "server-only";
import type { JWTPayload } from "jose";
import type { MaskinportenAccessToken } from "./access-token";
import type { MaskinportenError } from "./errors";

/** What a cached token is for. The key id is part of it so a rotated key never gets old tokens. */
export type TokenCacheKeyParts = {
  clientId: string;
  keyId: string;
  scopes: string[];
  systemUserOrg: string | null;
  resource: string[] | null;
};

export type TokenCacheEntryInfo = TokenCacheKeyParts & { obtainedAt: Date; expiresAt: Date; claims: JWTPayload | null };

export type RecordedError = Pick<
  MaskinportenError,
  "kind" | "reason" | "httpStatus" | "error" | "errorDescription" | "mpCode" | "explanation" | "hint"
> & { at: Date };

export type TokenErrorHistory = TokenCacheKeyParts & { errors: RecordedError[] };

type Entry = { parts: TokenCacheKeyParts; token: MaskinportenAccessToken; obtainedAt: Date };

const ERRORS_PER_KEY = 5;
const MAX_ERROR_KEYS = 50;

export function cacheKey(parts: TokenCacheKeyParts): string {
  return JSON.stringify([parts.clientId, parts.keyId, parts.scopes, parts.systemUserOrg, parts.resource]);
}

/**
 * Tokens, requests in flight and recent failures, per cache key. Clients built from a reloaded
 * configuration (e.g. after a key rotation) can share one cache.
 */
export class TokenCache {
  readonly #tokens = new Map<string, Entry>();
  readonly #inFlight = new Map<string, Promise<MaskinportenAccessToken>>();
  readonly #errors = new Map<string, TokenErrorHistory>();

  /** A token still good at `nowMs + marginMs`, or undefined. */
  fresh(key: string, nowMs: number, marginMs: number): MaskinportenAccessToken | undefined {
    const entry = this.#tokens.get(key);
    if (!entry) return undefined;
    if (entry.token.expiresAt.getTime() - marginMs > nowMs) return entry.token;
    return undefined;
  }

  store(key: string, parts: TokenCacheKeyParts, token: MaskinportenAccessToken, nowMs: number): void {
    for (const [k, e] of this.#tokens) if (e.token.expiresAt.getTime() <= nowMs) this.#tokens.delete(k);
    this.#tokens.set(key, { parts, token, obtainedAt: new Date(nowMs) });
  }

  inFlight(key: string): Promise<MaskinportenAccessToken> | undefined {
    return this.#inFlight.get(key);
  }

  /** Registers the one request for `key`; every caller arriving meanwhile awaits the same promise. */
  track(key: string, request: Promise<MaskinportenAccessToken>): void {
    this.#inFlight.set(key, request);
    const done = () => {
      if (this.#inFlight.get(key) === request) this.#inFlight.delete(key);
    };
    request.then(done, done);
  }

  recordError(key: string, parts: TokenCacheKeyParts, error: MaskinportenError, at: Date): void {
    const history = this.#errors.get(key) ?? { ...parts, errors: [] };
    history.errors = [
      {
        at,
        kind: error.kind,
        reason: error.reason,
        httpStatus: error.httpStatus,
        error: error.error,
        errorDescription: error.errorDescription,
        mpCode: error.mpCode,
        explanation: error.explanation,
        hint: error.hint,
      },
      ...history.errors,
    ].slice(0, ERRORS_PER_KEY);
    // Re-inserting moves the key to the end, so the oldest-failing key is dropped first.
    this.#errors.delete(key);
    this.#errors.set(key, history);
    if (this.#errors.size > MAX_ERROR_KEYS) {
      const oldest = this.#errors.keys().next();
      if (!oldest.done) this.#errors.delete(oldest.value);
    }
  }

  entries(): TokenCacheEntryInfo[] {
    return [...this.#tokens.values()].map((e) => ({
      ...e.parts,
      obtainedAt: e.obtainedAt,
      expiresAt: e.token.expiresAt,
      claims: e.token.claims,
    }));
  }

  errors(): TokenErrorHistory[] {
    return [...this.#errors.values()].reverse().map((h) => ({ ...h, errors: [...h.errors] }));
  }

  clear(): void {
    this.#tokens.clear();
    this.#errors.clear();
  }
}
