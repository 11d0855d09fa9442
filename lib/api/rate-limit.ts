import "server-only";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Requests per API key in fixed one-minute windows, counted in PostgreSQL (rate-limiter-flexible's
 * store, table `rate_limits`, as sign-in throttling), so every web instance counts against the
 * same window. Answers carry the IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy: "per-key";q=<limit>;w=60` and `RateLimit: "per-key";r=<remaining>;t=<seconds>`.
 */
export const API_RATE_WINDOW_SECONDS = 60;

export type RateLimitDecision = { allowed: boolean; headers: Record<string, string> };
export type ApiRateLimiter = { consume: (apiKeyId: string) => Promise<RateLimitDecision> };

export function createApiRateLimiter(pool: pg.Pool, perWindow: number): ApiRateLimiter {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: true,
    keyPrefix: "api_key",
    points: perWindow,
    duration: API_RATE_WINDOW_SECONDS,
  });
  const headers = (res: RateLimiterRes) => {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return {
      "RateLimit-Policy": `"per-key";q=${perWindow};w=${API_RATE_WINDOW_SECONDS}`,
      RateLimit: `"per-key";r=${Math.max(0, res.remainingPoints)};t=${seconds}`,
      seconds: String(seconds),
    };
  };
  return {
    async consume(apiKeyId) {
      try {
        const { seconds: _s, ...h } = headers(await limiter.consume(apiKeyId));
        return { allowed: true, headers: h };
      } catch (rejection) {
        // A store error is thrown as an Error: not a decision, so it is the caller's 500.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const { seconds, ...h } = headers(rejection);
        return { allowed: false, headers: { ...h, "Retry-After": seconds } };
      }
    },
  };
}
