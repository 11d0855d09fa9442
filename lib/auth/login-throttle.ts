import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getRateLimitPool } from "@/lib/db/rate-limit-pool";

/**
 * Sign-in throttling (rate-limiter-flexible, counters in PostgreSQL table `rate_limits`), by three
 * keys, so that neither guessing nor spraying pays and an attacker cannot lock an owner out:
 *
 * - account + client address: after FREE_FAILURES failures within an hour that address is refused
 *   for that account for LOCK_SECONDS. The owner signing in from elsewhere is not affected.
 * - client address: after IP_FAILURES failures within IP_WINDOW_SECONDS (any accounts) the address
 *   is refused for every account for LOCK_SECONDS: spraying one password across many addresses
 *   from one client stops after a few.
 * - account (from any address): after ACCOUNT_FREE_FAILURES failures within an hour each further
 *   attempt is answered only after a delay growing with the failures (at most ACCOUNT_MAX_DELAY_MS),
 *   never refused, so guessing from many addresses slows down while the owner still gets in.
 *
 * A successful sign-in clears its account + address and account counters; the address counter
 * stays, or an attacker could reset it with an account of their own. Accounts are keyed by a hash
 * of the normalised e-mail (the same for unknown addresses), so the table holds no addresses.
 */
export const FREE_FAILURES = 5;
export const LOCK_SECONDS = 15 * 60;
export const IP_FAILURES = 20;
const IP_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_FREE_FAILURES = 10;
const ACCOUNT_DELAY_STEP_MS = 500;
export const ACCOUNT_MAX_DELAY_MS = 10_000;
const HOUR = 60 * 60;

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

export function createLoginThrottle(pool: pg.Pool, options: { wait?: (ms: number) => Promise<unknown> } = {}) {
  const store = {
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: true,
  };
  const accountAndIp = new RateLimiterPostgres({
    ...store,
    keyPrefix: "login_account_ip",
    points: FREE_FAILURES,
    duration: HOUR,
    blockDuration: LOCK_SECONDS,
  });
  const ip = new RateLimiterPostgres({
    ...store,
    keyPrefix: "login_ip",
    points: IP_FAILURES,
    duration: IP_WINDOW_SECONDS,
    blockDuration: LOCK_SECONDS,
  });
  const account = new RateLimiterPostgres({ ...store, keyPrefix: "login_account", points: 1_000_000, duration: HOUR });
  const wait = options.wait ?? sleep;

  const keys = (email: string, clientIp: string | null) => {
    const accountKey = createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
    return { accountKey, pairKey: clientIp ? `${accountKey}:${clientIp}` : null };
  };
  const secondsLeft = (res: RateLimiterRes | null, limit: number) =>
    res && res.consumedPoints >= limit ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;

  return {
    /**
     * Before checking the password: seconds until this address may try this account (0: now), after
     * waiting out the account's delay when it is being guessed at.
     */
    async beforeAttempt(email: string, clientIp: string | null): Promise<number> {
      const { accountKey, pairKey } = keys(email, clientIp);
      const [ipRes, pairRes, accountRes] = await Promise.all([
        clientIp ? ip.get(clientIp) : null,
        pairKey ? accountAndIp.get(pairKey) : null,
        account.get(accountKey),
      ]);
      const refused = Math.max(secondsLeft(ipRes, IP_FAILURES), secondsLeft(pairRes, FREE_FAILURES));
      if (refused > 0) return refused;
      const over = (accountRes?.consumedPoints ?? 0) - ACCOUNT_FREE_FAILURES;
      if (over > 0) await wait(Math.min(ACCOUNT_MAX_DELAY_MS, over * ACCOUNT_DELAY_STEP_MS));
      return 0;
    },

    /** Records a failed attempt; answers the seconds this address is now refused (0: not refused). */
    async recordFailure(email: string, clientIp: string | null): Promise<number> {
      const { accountKey, pairKey } = keys(email, clientIp);
      // The failure that reaches a limit locks for LOCK_SECONDS from now (consume() alone would
      // count the rest of the window). consume() rejects with the RateLimiterRes once over it.
      const count = async (limiter: RateLimiterPostgres, key: string, limit: number) => {
        const res = await limiter
          .consume(key)
          .catch((e: unknown) => (e instanceof RateLimiterRes ? e : Promise.reject(e)));
        if (res.consumedPoints < limit) return 0;
        await limiter.block(key, LOCK_SECONDS);
        return LOCK_SECONDS;
      };
      const [ipLock, pairLock] = await Promise.all([
        clientIp ? count(ip, clientIp, IP_FAILURES) : 0,
        pairKey ? count(accountAndIp, pairKey, FREE_FAILURES) : 0,
        account.consume(accountKey),
      ]);
      return Math.max(ipLock, pairLock);
    },

    async recordSuccess(email: string, clientIp: string | null) {
      const { accountKey, pairKey } = keys(email, clientIp);
      await Promise.all([pairKey ? accountAndIp.delete(pairKey) : null, account.delete(accountKey)]);
    },
  };
}

// One throttle per server process; kept on globalThis so Next's dev reloads do not leak it.
const globalForThrottle = globalThis as unknown as { __innrapporteringLoginThrottle?: LoginThrottle };

export function getLoginThrottle(): LoginThrottle {
  globalForThrottle.__innrapporteringLoginThrottle ??= createLoginThrottle(getRateLimitPool());
  return globalForThrottle.__innrapporteringLoginThrottle;
}
