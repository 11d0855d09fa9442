import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/*
 * The product's Prometheus metrics, one registry per process (prom-client). Each process counts
 * what it does itself: a delivery worker its deliveries, requests and token errors (served on its
 * metrics port by `npm run worker`, lib/metrics/metrics-server.ts), the web app its own token
 * errors, and the web app also reports the queue as the database holds it (queue-gauges.ts), which
 * is the same for every instance. docs/deployment.md lists them with the alerts worth having.
 * No label carries an organisation, a person or an id: the values are a handful of fixed words.
 */

const PREFIX = "innrapportering_";

// Kept on globalThis so Next's dev reloads do not register the same metric twice (prom-client throws).
const globalForMetrics = globalThis as unknown as { __innrapporteringMetrics?: ReturnType<typeof createMetrics> };

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  return {
    registry,
    deliveries: new Counter({
      name: `${PREFIX}deliveries_total`,
      help: "Deliveries by how they ended: accepted, rejected, conflict, failed (gave up), retrying (will be sent again), continuing (an upload step), skipped (another worker had it), error (the worker failed; the lease runs out)",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    deliverySeconds: new Histogram({
      name: `${PREFIX}delivery_duration_seconds`,
      help: "One delivery from claim to recorded outcome (token, request, writes), by outcome",
      labelNames: ["outcome"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: `${PREFIX}skatteetaten_request_duration_seconds`,
      help: "Requests to Skatteetaten by report kind and answer (2xx, 4xx, 5xx, timeout, network)",
      labelNames: ["kind", "answer"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    tokenErrors: new Counter({
      name: `${PREFIX}maskinporten_token_errors_total`,
      help: "Maskinporten token requests that failed after their retries, by kind (grant_rejected, network, server, config, bad_response)",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    handedBack: new Counter({
      name: `${PREFIX}deliveries_handed_back_total`,
      help: "Deliveries a stopping worker handed back to other workers because they outlasted DELIVERY_SHUTDOWN_GRACE_SECONDS",
      registers: [registry],
    }),
  };
}

export function metrics() {
  globalForMetrics.__innrapporteringMetrics ??= createMetrics();
  return globalForMetrics.__innrapporteringMetrics;
}

/** A gauge whose value is read when Prometheus scrapes (queue-gauges.ts). */
export function scrapedGauge<L extends string>(config: {
  name: string;
  help: string;
  labelNames: readonly L[];
  collect: (gauge: Gauge<L>) => Promise<void>;
}) {
  const { registry } = metrics();
  const name = `${PREFIX}${config.name}`;
  if (registry.getSingleMetric(name)) return;
  new Gauge<L>({
    name,
    help: config.help,
    labelNames: config.labelNames,
    registers: [registry],
    async collect() {
      await config.collect(this);
    },
  });
}

/** The text Prometheus reads, and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
