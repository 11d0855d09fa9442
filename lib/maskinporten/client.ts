import "server-only";
import { decodeJwt, type JWTPayload } from "jose";
import { z } from "zod";
import { type OutboundFailure, sendOutbound } from "@/lib/http/outbound";
import { metrics } from "@/lib/metrics/metrics";
import { MaskinportenAccessToken } from "./access-token";
import type { MaskinportenConfig } from "./config";
import { grantRejectedError, MaskinportenError } from "./errors";
import { checkSystemUserOrg, createJwtGrant, normaliseScopes, resourceFor, type TokenRequest } from "./grant";
import {
  cacheKey,
  TokenCache,
  type TokenCacheEntryInfo,
  type TokenCacheKeyParts,
  type TokenErrorHistory,
} from "./token-cache";
import { createTokenEndpointResolver, type TokenEndpoint } from "./token-endpoint";

export const JWT_BEARER_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

export type MaskinportenClientOptions = {
  /** Clock in epoch milliseconds; used for the grant's iat and for cache expiry. */
  now?: () => number;
  /** Extra attempts after a network failure, timeout or 5xx (default 2). */
  maxRetries?: number;
  /** First backoff delay; doubles per attempt, with jitter (default 250 ms). */
  retryBaseMs?: number;
  /** Share a cache between clients, e.g. one built after a key rotation. */
  cache?: TokenCache;
};

export type MaskinportenClient = {
  getToken(request: TokenRequest): Promise<MaskinportenAccessToken>;
  tokenEndpoint(): Promise<TokenEndpoint>;
  /** For diagnostics: what is cached, never the tokens themselves. */
  cacheEntries(): TokenCacheEntryInfo[];
  lastErrors(): TokenErrorHistory[];
  clear(): void;
};

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});

function decodeClaims(token: string): JWTPayload | null {
  try {
    return decodeJwt(token);
  } catch {
    return null; // Maskinporten may issue opaque tokens; they are still usable.
  }
}

/** A token answer is a few kilobytes. */
const MAX_TOKEN_ANSWER_BYTES = 64 * 1024;

function networkError(url: string, failure: OutboundFailure, timeoutMs: number): MaskinportenError {
  const detail = failure.message;
  return new MaskinportenError({
    kind: "network",
    explanation:
      failure.kind === "timeout"
        ? `Maskinporten did not answer within ${timeoutMs} ms (${url}).`
        : `Could not reach Maskinporten at ${url} (${detail}).`,
    hint: "Check the network and MASKINPORTEN_ISSUER / MASKINPORTEN_TOKEN_URL. In sandbox mode, check that the sandbox is running.",
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Gets Maskinporten access tokens with the client's key: one grant per token request, tokens
 * cached per (client, key, scopes, system-user org, resource) until shortly before expiry,
 * concurrent requests for the same token merged into one, transient failures retried.
 * Works the same against the sandbox and the real Maskinporten; only the config differs.
 */
export function createMaskinportenClient(
  config: MaskinportenConfig,
  options: MaskinportenClientOptions = {},
): MaskinportenClient {
  const now = options.now ?? Date.now;
  const maxRetries = options.maxRetries ?? 2;
  const retryBaseMs = options.retryBaseMs ?? 250;
  const cache = options.cache ?? new TokenCache();
  const marginMs = config.refreshMarginSeconds * 1000;
  const resolveEndpoint = createTokenEndpointResolver({
    issuer: config.issuer,
    tokenUrl: config.tokenUrl,
    timeoutMs: config.timeoutMs,
  });

  async function requestOnce(url: string, request: TokenRequest): Promise<MaskinportenAccessToken> {
    const startedAt = now();
    // A new grant per attempt: a retried grant may already have been consumed (MP-012).
    const assertion = await createJwtGrant(config, request, { nowMs: startedAt });
    // Sent once per grant: a retry (below, in requestWithRetries) signs a new one.
    const outcome = await sendOutbound({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT_TYPE, assertion }).toString(),
      timeoutMs: config.timeoutMs,
      maxResponseBytes: MAX_TOKEN_ANSWER_BYTES,
      redirect: "follow",
    });
    if (outcome.kind === "timeout" || outcome.kind === "network") throw networkError(url, outcome, config.timeoutMs);
    // An answer too large to read is decoded as one without a usable token (bad_response, or by its status).
    const response = { status: outcome.status, ok: outcome.status >= 200 && outcome.status <= 299 };
    const text = outcome.kind === "response" ? outcome.body : "";
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Handled below: a 5xx from a proxy is often HTML.
    }
    if (response.status >= 500) {
      throw new MaskinportenError({
        kind: "server",
        httpStatus: response.status,
        error: (body as { error?: string } | null)?.error,
        errorDescription: (body as { error_description?: string } | null)?.error_description,
        explanation: `Maskinporten had a server error (HTTP ${response.status}).`,
        hint: "Usually temporary; the request is retried. Check status.digdir.no if it persists.",
      });
    }
    if (response.status >= 400) throw grantRejectedError(response.status, body);
    const parsed = tokenResponseSchema.safeParse(body);
    if (!response.ok || !parsed.success) {
      throw new MaskinportenError({
        kind: "bad_response",
        httpStatus: response.status,
        explanation: `The token endpoint answered HTTP ${response.status} without a usable token response.`,
        hint: "Check that MASKINPORTEN_ISSUER / MASKINPORTEN_TOKEN_URL point at Maskinporten.",
      });
    }
    const { access_token, expires_in, scope } = parsed.data;
    // Counted from when the request started, so the cached token never outlives the real one.
    return new MaskinportenAccessToken({
      accessToken: access_token,
      expiresAt: new Date(startedAt + expires_in * 1000),
      scope: scope ?? normaliseScopes(request.scopes).join(" "),
      claims: decodeClaims(access_token),
      fromCache: false,
    });
  }

  async function requestWithRetries(request: TokenRequest): Promise<MaskinportenAccessToken> {
    const { url } = await resolveEndpoint();
    for (let attempt = 0; ; attempt++) {
      try {
        return await requestOnce(url, request);
      } catch (error) {
        const retryable = error instanceof MaskinportenError && error.transient;
        if (!retryable || attempt >= maxRetries) throw error;
        const backoff = retryBaseMs * 2 ** attempt;
        await sleep(backoff / 2 + Math.random() * (backoff / 2));
      }
    }
  }

  return {
    async getToken(request) {
      const scopes = normaliseScopes(request.scopes);
      const systemUserOrg = checkSystemUserOrg(request.systemUserOrg) ?? null;
      const resource = resourceFor(scopes, request.resource, config.resource);
      const parts: TokenCacheKeyParts = {
        clientId: config.clientId,
        keyId: config.signingKey.keyId,
        scopes,
        systemUserOrg,
        resource: resource ? resource.sort() : null,
      };
      const key = cacheKey(parts);

      const cached = cache.fresh(key, now(), marginMs);
      if (cached) return cached.withFromCache(true);

      // Single flight: the first caller starts the request synchronously, the rest join it.
      let pending = cache.inFlight(key);
      if (!pending) {
        pending = requestWithRetries({
          scopes,
          systemUserOrg: systemUserOrg ?? undefined,
          resource: parts.resource ?? undefined,
        }).then(
          (token) => {
            cache.store(key, parts, token, now());
            return token;
          },
          (error: unknown) => {
            const failure =
              error instanceof MaskinportenError
                ? error
                : new MaskinportenError({
                    kind: "bad_response",
                    explanation: `The token request failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
                    hint: "This is a bug in the Maskinporten client; please report it with this message.",
                  });
            cache.recordError(key, parts, failure, new Date(now()));
            metrics().tokenErrors.inc({ kind: failure.kind });
            throw failure;
          },
        );
        cache.track(key, pending);
      }
      return pending;
    },
    tokenEndpoint: resolveEndpoint,
    cacheEntries: () => cache.entries(),
    lastErrors: () => cache.errors(),
    clear: () => cache.clear(),
  };
}
