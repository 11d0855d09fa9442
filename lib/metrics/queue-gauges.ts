import "server-only";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { type QueueDepth, readQueueDepth } from "@/lib/submissions/queries/queue-depth";
import { scrapedGauge } from "./metrics";

const WAITING_STATUSES = ["queued", "retrying", "sending"] as const;

/**
 * The queue depth and the age of its oldest due submission, read from the database at each scrape
 * by the web app's /api/metrics. Both gauges are read in one query per scrape; a reading is reused
 * for `reuseForMs` (default 1 s), so scrapes arriving together cost one query.
 */
export function registerQueueGauges(db: () => Db, options: { reuseForMs?: number } = {}) {
  const reuseForMs = options.reuseForMs ?? 1_000;
  let reading: { at: number; depth: Promise<QueueDepth | null> } | null = null;
  // Two gauges, one query: a scrape reads both within the same moment.
  const depth = () => {
    if (!reading || Date.now() - reading.at > reuseForMs) {
      // A database that does not answer leaves the gauges out of this scrape (absent, not zero);
      // the process's own metrics are still served.
      const read = readQueueDepth(db()).catch((error: unknown) => {
        logger.error({ err: error }, "metrics: reading the queue depth failed");
        return null;
      });
      reading = { at: Date.now(), depth: read };
    }
    return reading.depth;
  };
  scrapedGauge({
    name: "queue_submissions",
    help: "Submissions waiting for or in delivery, by status (from the database; the same on every web instance)",
    labelNames: ["status"],
    async collect(gauge) {
      const read = await depth();
      gauge.reset();
      if (!read) return;
      for (const status of WAITING_STATUSES)
        gauge.set({ status }, read.byStatus.find((s) => s.status === status)?.count ?? 0);
    },
  });
  scrapedGauge({
    name: "queue_oldest_due_seconds",
    help: "How long the longest-waiting due submission has waited for a worker (0: none waiting)",
    labelNames: [],
    async collect(gauge) {
      const read = await depth();
      gauge.reset();
      if (read) gauge.set(read.oldestDueSeconds);
    },
  });
}
