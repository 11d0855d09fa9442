import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { answer, defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ status: z.enum(["ok", "unavailable"]), latencyMs: z.number().optional() }),
});
type Health = z.infer<typeof healthSchema>;

/** For load balancers and the start script: 200 when the database answers, 503 otherwise. */
export const GET = defineRoute(
  {
    name: "health",
    access: {
      public: { why: "load balancers and the start script ask without a session; it says nothing but up or down" },
    },
    output: healthSchema,
  },
  async () => {
    const started = performance.now();
    try {
      await getDb().execute(sql`select 1`);
      const ok: Health = {
        status: "ok",
        database: { status: "ok", latencyMs: Math.round(performance.now() - started) },
      };
      return ok;
    } catch (error) {
      logger.error({ err: error }, "health: database check failed");
      return answer<Health>({ status: "degraded", database: { status: "unavailable" } }, { status: 503 });
    }
  },
);
