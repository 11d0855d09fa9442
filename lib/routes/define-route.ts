import "server-only";
import { type ApiRateLimiter, createApiRateLimiter } from "@/lib/api/rate-limit";
import { getDb } from "@/lib/db/client";
import { getRateLimitPool } from "@/lib/db/rate-limit-pool";
import { env } from "@/lib/env";
import { createDefineRoute } from "./route-handler";

const globalForApi = globalThis as unknown as { __innrapporteringApiRateLimiter?: ApiRateLimiter };

export { answer, type JsonAnswer, STREAMED } from "./route-handler";

/**
 * The one wrapper every route handler goes through (app/api/**\/route.ts), as defineAction is for
 * server actions: who may call, the same-origin check, params/query/body parsed with zod through
 * the input guard, the answer checked against its output schema, and errors answered with a
 * reference. See lib/routes/route-handler.ts. Only Auth.js's own route (app/api/auth) is not built
 * with it. The session is read only by routes that need one (so a webhook's module and its tests
 * do not load Auth.js).
 */
export const defineRoute = createDefineRoute({
  currentUser: async () => (await import("@/lib/auth/current-user")).getCurrentUser(),
  publicUrl: env.AUTH_URL,
  db: getDb,
  apiRateLimiter: () => {
    globalForApi.__innrapporteringApiRateLimiter ??= createApiRateLimiter(
      getRateLimitPool(),
      env.API_RATE_LIMIT_PER_MINUTE,
    );
    return globalForApi.__innrapporteringApiRateLimiter;
  },
});
