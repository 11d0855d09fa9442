/** Attempts per version before a submission is marked failed (the first send counts). */
export const DEFAULT_MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * Delay before attempt `nextAttemptNo` (2, 3, ...): exponential from 2 s, capped at 5 min, with
 * "equal jitter" (half fixed, half random) so many submissions failing together do not retry in
 * lockstep. A Retry-After from the server is a floor, never shortened by jitter.
 */
export function retryDelayMs(nextAttemptNo: number, retryAfterMs: number | null, random = Math.random): number {
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, nextAttemptNo - 2));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.max(Math.round(jittered), retryAfterMs ?? 0);
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
