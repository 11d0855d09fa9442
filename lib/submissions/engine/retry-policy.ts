/** Attempts per version before a submission is marked failed (the first send counts). */
export const DEFAULT_MAX_ATTEMPTS = 6;
/** The longest Retry-After honoured unless DELIVERY_MAX_RETRY_AFTER_SECONDS says otherwise. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 15 * 60_000;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * Delay before attempt `nextAttemptNo` (2, 3, ...): exponential from 2 s, capped at 5 min, with
 * "equal jitter" (half fixed, half random) so many submissions failing together do not retry in
 * lockstep. A Retry-After from the server (already parsed and capped) is a floor, never shortened
 * by jitter. Always a finite number of milliseconds, whatever it is given.
 */
export function retryDelayMs(nextAttemptNo: number, retryAfterMs: number | null, random = Math.random): number {
  const exp = Math.min(
    MAX_DELAY_MS,
    BASE_DELAY_MS * 2 ** Math.max(0, Number.isFinite(nextAttemptNo) ? nextAttemptNo - 2 : 0),
  );
  const r = random();
  const jittered = exp / 2 + (Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0.5) * (exp / 2);
  const floor = retryAfterMs !== null && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : 0;
  return Math.round(Math.max(jittered, floor));
}

// RFC 9110 §10.2.3: delay-seconds (1*DIGIT) or an HTTP-date, which senders must write as an
// IMF-fixdate (§5.6.7). More than 9 digits (over 31 years) is no sane delay, and the obsolete date
// formats are refused rather than guessed at.
const DELAY_SECONDS = /^\d{1,9}$/;
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Retry-After in milliseconds, at most `maxMs`; null when absent, unreadable, or naming a moment
 * already past: then the normal backoff applies. A longer wait than `maxMs` is cut to `maxMs`, so
 * a misconfigured gateway cannot park a report for a day.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  options: { maxMs: number; now?: number },
): number | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  let ms: number;
  if (DELAY_SECONDS.test(trimmed)) {
    ms = Number(trimmed) * 1000;
  } else if (IMF_FIXDATE.test(trimmed)) {
    const at = Date.parse(trimmed);
    if (!Number.isFinite(at)) return null;
    ms = at - (options.now ?? Date.now());
  } else {
    return null;
  }
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return Math.min(ms, options.maxMs);
}
