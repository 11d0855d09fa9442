import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migration-status";
import { logger } from "@/lib/log/logger";
import { answer, defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

const readinessSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["ok", "unavailable"]),
  /** How many migrations this build needs that the database lacks (their names stay in the log). */
  pendingMigrations: z.number().int().optional(),
});
type Readiness = z.infer<typeof readinessSchema>;

/**
 * Readiness, for a load balancer or Kubernetes' readinessProbe: 200 once the database answers and
 * holds every migration this build needs, 503 otherwise (an instance started before
 * `npm run db:migrate` finished gets no traffic yet). /api/health is the liveness check.
 */
export const GET = defineRoute(
  {
    name: "ready",
    access: {
      public: { why: "load balancers and orchestrators ask without a session; it says nothing but ready or not" },
    },
    output: readinessSchema,
  },
  async () => {
    let pending: string[];
    try {
      pending = await pendingMigrations(getDb());
    } catch (error) {
      logger.error({ err: error }, "readiness: database check failed");
      return answer<Readiness>({ status: "not_ready", database: "unavailable" }, { status: 503 });
    }
    if (pending.length > 0) {
      logger.warn({ pending }, "readiness: migrations not applied yet");
      return answer<Readiness>(
        { status: "not_ready", database: "ok", pendingMigrations: pending.length },
        { status: 503 },
      );
    }
    return { status: "ready", database: "ok", pendingMigrations: 0 } satisfies Readiness;
  },
);
