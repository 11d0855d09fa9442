import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import journal from "@/drizzle/meta/_journal.json";
import { pendingMigrations } from "@/lib/db/migration-status";
import { enqueueDeliveries, startQueue } from "@/lib/submissions/engine/queue";
import { startDeliveryWorker } from "@/lib/submissions/engine/worker";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { renderMetrics } from "./metrics";
import { registerQueueGauges } from "./queue-gauges";

let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let h: Awaited<ReturnType<typeof startEngineHarness>>;
let boss: PgBoss;

beforeAll(async () => {
  isolated = await createIsolatedDatabase();
  h = await startEngineHarness(isolated.db, { organisations: 1 });
  boss = await startQueue(isolated.url, { supervise: false });
  // Read afresh at every scrape: each sample below must see the queue as it is at that moment.
  registerQueueGauges(() => isolated.db, { reuseForMs: -1 });
}, 60_000);
afterAll(async () => {
  await boss.stop({ graceful: false });
  await h.close();
  await isolated.close();
});

/** A sample's value from the exposition text (0 when absent). */
async function sample(name: string, labels = "") {
  const { body } = await renderMetrics();
  const line = body.split("\n").find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

describe("Prometheus metrics", () => {
  it("report the queue as the database holds it, and each delivery by outcome with its duration", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const oppdrag = testOppdrag(h.orgs[0]!.orgnr);
      const { submissionId } = await isolated.db.transaction((tx) =>
        createSubmission(tx, h.user, {
          organisationId: h.orgs[0]!.id,
          kind: "oar",
          subject: oppdrag.oppdragsreferanse,
          payload: oppdrag,
          queue: true,
        }),
      );
      ids.push(submissionId);
    }
    expect(await sample("innrapportering_queue_submissions", '{status="queued"}')).toBe(3);
    expect(await sample("innrapportering_queue_oldest_due_seconds")).toBeGreaterThanOrEqual(0);

    const acceptedBefore = await sample("innrapportering_deliveries_total", '{outcome="accepted"}');
    const requestsBefore = await sample(
      "innrapportering_skatteetaten_request_duration_seconds_count",
      '{kind="oar",answer="2xx"}',
    );
    const worker = await startDeliveryWorker(boss, h.deps, {
      concurrency: 2,
      reconcileIntervalMs: 600_000,
      pollingIntervalSeconds: 0.05,
    });
    await enqueueDeliveries(boss, ids);
    for (let i = 0; i < 300; i++) {
      const rows = await isolated.db.execute<{ n: number }>(
        sql`select count(*)::int as n from submissions where status = 'accepted'`,
      );
      if (rows[0]!.n === 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await worker.stop();

    expect(await sample("innrapportering_deliveries_total", '{outcome="accepted"}')).toBe(acceptedBefore + 3);
    expect(
      await sample("innrapportering_skatteetaten_request_duration_seconds_count", '{kind="oar",answer="2xx"}'),
    ).toBe(requestsBefore + 3);
    expect(await sample("innrapportering_queue_submissions", '{status="queued"}')).toBe(0);
    // Nothing in the text names an organisation or a submission.
    const { body } = await renderMetrics();
    for (const id of [...ids, h.orgs[0]!.orgnr]) expect(body).not.toContain(id);
  }, 60_000);

  it("count Maskinporten token requests that failed", async () => {
    const before = await sample("innrapportering_maskinporten_token_errors_total", '{kind="grant_rejected"}');
    // An organisation without a system user in the sandbox: Maskinporten refuses the grant.
    await expect(
      h.tokens.getToken({ scopes: ["skatteetaten:innrapporteringoppdragtilutenlandske"], systemUserOrg: "974760673" }),
    ).rejects.toMatchObject({ kind: "grant_rejected" });
    expect(await sample("innrapportering_maskinporten_token_errors_total", '{kind="grant_rejected"}')).toBe(before + 1);
  });
});

describe("readiness: pending migrations", () => {
  it("are none on a migrated database, and name the newest when it is missing", async () => {
    expect(await pendingMigrations(isolated.db)).toEqual([]);
    const newest = journal.entries.at(-1)!;
    await isolated.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${newest.when}`);
    expect(await pendingMigrations(isolated.db)).toEqual([newest.tag]);
  });
});
