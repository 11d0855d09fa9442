import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

/** For load balancers and the start script: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const started = performance.now();
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({
      status: "ok",
      database: { status: "ok", latencyMs: Math.round(performance.now() - started) },
    });
  } catch (error) {
    logger.error({ err: error }, "health: database check failed");
    return Response.json({ status: "degraded", database: { status: "unavailable" } }, { status: 503 });
  }
}
