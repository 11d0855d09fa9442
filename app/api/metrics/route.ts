import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { renderMetrics } from "@/lib/metrics/metrics";
import { registerQueueGauges } from "@/lib/metrics/queue-gauges";
import { defineRoute, STREAMED } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

registerQueueGauges(getDb);

/**
 * Prometheus metrics of this web instance, and the delivery queue as the database holds it
 * (docs/deployment.md, "Metrics (Prometheus)"). Each worker serves its own on WORKER_METRICS_PORT.
 */
export const GET = defineRoute(
  {
    name: "metrics",
    access: { bearerToken: { secret: env.METRICS_TOKEN, whenUnset: "not_found" } },
    output: STREAMED,
  },
  async () => {
    const { body, contentType } = await renderMetrics();
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  },
);
