import { eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submissions } from "@/lib/db/schema";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { createSubmission } from "../operations/operations";
import { findSubmissionWithHistory } from "../queries/submission-history";
import { findDueSubmissionIds } from "./deliver";
import { enqueueDeliveries, SUBMISSIONS_PER_JOB, startQueue } from "./queue";
import { startDeliveryWorker } from "./worker";

let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let h: Awaited<ReturnType<typeof startEngineHarness>>;
let boss: PgBoss;
let worker: Awaited<ReturnType<typeof startDeliveryWorker>>;

beforeAll(async () => {
  isolated = await createIsolatedDatabase();
  h = await startEngineHarness(isolated.db, { organisations: 1 });
  boss = await startQueue(isolated.url, { supervise: false });
  // The reconciler runs once at start and then not again within the test, so only the jobs
  // queued below can wake the worker.
  worker = await startDeliveryWorker(boss, h.deps, {
    concurrency: 4,
    reconcileIntervalMs: 600_000,
    pollingIntervalSeconds: 0.05,
  });
}, 60_000);
afterAll(async () => {
  await worker.stop();
  await boss.stop({ graceful: false });
  await h.close();
  await isolated.close();
});

async function queueOppdrag(count: number) {
  const created = [];
  for (let i = 0; i < count; i++) {
    created.push(
      await isolated.db.transaction((tx) => {
        const oppdrag = testOppdrag(h.orgs[0]!.orgnr);
        return createSubmission(tx, h.user, {
          organisationId: h.orgs[0]!.id,
          kind: "oar",
          subject: oppdrag.oppdragsreferanse,
          payload: oppdrag,
          queue: true,
        });
      }),
    );
  }
  return created;
}

async function waitUntilAccepted(ids: string[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await Promise.all(
      ids.map(async (id) => (await findSubmissionWithHistory(isolated.db, id, [h.orgs[0]!.id]))?.status),
    );
    if (statuses.every((s) => s === "accepted")) return;
    if (Date.now() > deadline) throw new Error(`Not all accepted: ${JSON.stringify(statuses)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the delivery worker", () => {
  it("sends every submission of a bulk wake-up (several jobs' worth) exactly once, even when woken twice", async () => {
    const created = await queueOppdrag(2 * SUBMISSIONS_PER_JOB + 3);
    const ids = created.map((c) => c.submissionId);
    await enqueueDeliveries(boss, ids);
    // A second wake-up for the same submissions, as a repeated bulk action would make.
    await enqueueDeliveries(boss, [...ids].reverse());
    await waitUntilAccepted(ids);
    // Give duplicate wake-ups time to be taken (and ignored) before counting.
    await new Promise((r) => setTimeout(r, 500));
    for (const c of created) {
      expect(h.skatteetaten.processedCount({ idempotencyKey: c.idempotencyKey })).toBe(1);
      const s = await findSubmissionWithHistory(isolated.db, c.submissionId, [h.orgs[0]!.id]);
      expect(s!.attempts).toHaveLength(1);
    }
  }, 60_000);

  it("finds for its reconciler the submissions that lost their job or their worker, and nothing else", async () => {
    const [waiting, abandoned, beingSent, done] = await queueOppdrag(4);
    const set = (id: string, values: Parameters<ReturnType<typeof isolated.db.update<typeof submissions>>["set"]>[0]) =>
      isolated.db.update(submissions).set(values).where(eq(submissions.id, id));
    await set(abandoned!.submissionId, { status: "sending", leaseUntil: sql`now() - interval '1 second'` });
    await set(beingSent!.submissionId, { status: "sending", leaseUntil: sql`now() + interval '1 minute'` });
    await set(done!.submissionId, { status: "accepted", nextAttemptAt: null, acceptedAt: sql`now()` });

    const due = await findDueSubmissionIds(isolated.db, 500);
    expect(due).toEqual(expect.arrayContaining([waiting!.submissionId, abandoned!.submissionId]));
    expect(due).not.toContain(beingSent!.submissionId);
    expect(due).not.toContain(done!.submissionId);
  });
});
