import "server-only";
import type { Db } from "@/lib/db/client";
import type { IdempotencyKeyPlacement } from "@/lib/reporting/adapter";
import { createAmeldingAdapter } from "@/lib/reporting/amelding/amelding-adapter";
import { createOarAdapter } from "@/lib/reporting/oar/oar-adapter";
import { TokenUnavailableError, type DeliveryDeps } from "./deliver";
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RETRY_AFTER_MS } from "./retry-policy";

/** The part of the Maskinporten client delivery needs; errors expose whether they are transient. */
export type TokenSource = {
  getToken(request: { scopes: string[]; systemUserOrg?: string }): Promise<{ accessToken: string }>;
};

export type DeliveryConfig = {
  oarApiUrl: string;
  ameldingApiUrl: string;
  idempotencyKeyIn: IdempotencyKeyPlacement;
  workerId: string;
  leaseMs?: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  maxRetryAfterSeconds?: number;
};

function isTransient(error: unknown) {
  const kind = (error as { kind?: string } | null)?.kind;
  return kind === undefined || kind === "network" || kind === "server";
}

/** Explanation without secrets: the Maskinporten client's errors never carry the token or key. */
function explain(error: unknown) {
  const e = error as { mpCode?: string; explanation?: string; message?: string };
  return [e.mpCode, e.explanation ?? e.message].filter(Boolean).join(" ");
}

export function createDeliveryDeps(db: Db, tokens: TokenSource, config: DeliveryConfig): DeliveryDeps {
  return {
    db,
    adapters: {
      oar: createOarAdapter({ baseUrl: config.oarApiUrl, idempotencyKeyIn: config.idempotencyKeyIn }),
      amelding: createAmeldingAdapter({ baseUrl: config.ameldingApiUrl, idempotencyKeyIn: config.idempotencyKeyIn }),
    },
    async getAccessToken({ scope, systemUserOrg }) {
      try {
        return (await tokens.getToken({ scopes: [scope], systemUserOrg })).accessToken;
      } catch (error) {
        throw new TokenUnavailableError(explain(error), isTransient(error));
      }
    },
    workerId: config.workerId,
    leaseMs: config.leaseMs ?? 90_000,
    requestTimeoutMs: config.requestTimeoutMs ?? 30_000,
    maxAttempts: config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    maxRetryAfterMs: config.maxRetryAfterSeconds === undefined ? DEFAULT_MAX_RETRY_AFTER_MS : config.maxRetryAfterSeconds * 1000,
  };
}
