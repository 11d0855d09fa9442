import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

// One pool per server process for rate-limiter-flexible's PostgreSQL store (table `rate_limits`),
// shared by sign-in throttling and the API's per-key limits; on globalThis so dev reloads do not leak it.
const globalForPool = globalThis as unknown as { __innrapporteringRateLimitPool?: pg.Pool };

export function getRateLimitPool(): pg.Pool {
  if (!globalForPool.__innrapporteringRateLimitPool) {
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: 2,
      idleTimeoutMillis: 30_000,
      application_name: "rate-limits",
    });
    pool.on("error", (error) => logger.error({ scope: "rate-limits", err: error }, "idle connection failed"));
    globalForPool.__innrapporteringRateLimitPool = pool;
  }
  return globalForPool.__innrapporteringRateLimitPool;
}
