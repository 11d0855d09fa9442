import { inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryAttempts } from "@/lib/db/schema";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { testLeveranse, testOppdrag } from "@/lib/testing/report-fixtures";
import { createSubmission } from "../operations/operations";
import { findSubmissionWithHistory } from "../queries/submission-history";
import { enqueueDeliveries, startQueue } from "./queue";
import { startDeliveryWorker } from "./worker";

/*
 * Large A-meldinger beside ordinary deliveries in one worker with two request slots: their slow
 * uploads and their waits for Skatteetaten's validation must not hold up the others.
 */

let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let h: Awaited<ReturnType<typeof startEngineHarness>>;
let boss: PgBoss;
let worker: Awaited<ReturnType<typeof startDeliveryWorker>>;

beforeAll(async () => {
  isolated = await createIsolatedDatabase();
  h = await startEngineHarness(isolated.db, {
    organisations: 1,
    // Every A-melding here is over the threshold; OAR reports go the normal way.
    delivery: { uploadThresholdBytes: 300, uploadPolling: { firstDelayMs: 200, maxDelayMs: 500, maxWaitMs: 60_000 } },
  });
  boss = await startQueue(isolated.url, { supervise: false });
  worker = await startDeliveryWorker(boss, h.deps, {
    concurrency: 2,
    reconcileIntervalMs: 1_000,
    pollingIntervalSeconds: 0.05,
  });
}, 60_000);
afterAll(async () => {
  await worker.stop();
  await boss.stop({ graceful: false });
  await h.close();
  await isolated.close();
});

const org = () => h.orgs[0]!;

async function queueOppdrag(count: number) {
  const ids = [];
  for (let i = 0; i < count; i++) {
    const oppdrag = testOppdrag(org().orgnr);
    const { submissionId } = await isolated.db.transaction((tx) =>
      createSubmission(tx, h.user, {
        organisationId: org().id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: true,
      }),
    );
    ids.push(submissionId);
  }
  await enqueueDeliveries(boss, ids);
  return ids;
}

async function statuses(ids: string[]) {
  return Promise.all(ids.map(async (id) => (await findSubmissionWithHistory(isolated.db, id, [org().id]))!));
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const allAccepted = (ids: string[]) => async () => (await statuses(ids)).every((s) => s.status === "accepted");

describe("large A-meldinger in the delivery worker", () => {
  it("never take every request slot with their uploads, nor any while Skatteetaten validates them", async () => {
    // Both uploads hang at Skatteetaten for a while; then validation takes a while more.
    // Long enough that the ordinary reports below are accepted meanwhile on a loaded machine too.
    h.skatteetaten.setFaults([{ endpoint: "POST /opplastinger", kind: "slow", delayMs: 8_000, count: 2 }]);
    h.skatteetaten.setUploadValidationDelay(12_000);
    const large = [];
    for (const month of ["2026-01", "2026-02"]) {
      const leveranse = testLeveranse(org().orgnr, org().orgnr, month);
      const { submissionId } = await isolated.db.transaction((tx) =>
        createSubmission(tx, h.user, {
          organisationId: org().id,
          kind: "amelding",
          subject: month,
          payload: leveranse,
          queue: true,
        }),
      );
      large.push({ submissionId, meldingsId: leveranse.meldingsId });
    }
    const largeIds = large.map((l) => l.submissionId);
    await enqueueDeliveries(boss, largeIds);
    await waitFor("both uploads to be under way", async () => {
      const attempts = await isolated.db
        .select()
        .from(deliveryAttempts)
        .where(inArray(deliveryAttempts.submissionId, largeIds));
      return attempts.filter((a) => a.step === "upload" && a.outcome === "in_flight").length === 2;
    });

    // Ordinary reports queued behind them get a request slot while the uploads are on the wire.
    const during = await queueOppdrag(4);
    await waitFor("the reports queued during the uploads to be accepted", allAccepted(during));
    const uploads = (await statuses(largeIds)).flatMap((s) => s.attempts.filter((a) => a.step === "upload"));
    expect(uploads.map((a) => a.outcome)).toEqual(["in_flight", "in_flight"]);

    // And while Skatteetaten validates the uploads, no slot waits for it.
    await waitFor("both uploads to be validating", async () =>
      (await statuses(largeIds)).every(
        (s) =>
          s.status === "sending" &&
          s.statusReasonCode === "upload_validating" &&
          s.attempts.some((a) => a.outcome === "validating"),
      ),
    );
    const whileValidating = await queueOppdrag(4);
    await waitFor("the reports queued during validation to be accepted", allAccepted(whileValidating));
    expect((await statuses(largeIds)).map((s) => s.status)).toEqual(["sending", "sending"]);

    await waitFor("the large A-meldinger to be accepted", allAccepted(largeIds));
    for (const { meldingsId } of large)
      expect(h.skatteetaten.processed().filter((r) => r.meldingsId === meldingsId)).toHaveLength(1);
  }, 60_000);
});
