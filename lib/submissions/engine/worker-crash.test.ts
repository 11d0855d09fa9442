import type { ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deliveryAttempts } from "@/lib/db/schema";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { testLeveranse } from "@/lib/testing/report-fixtures";
import {
  exited,
  killWorkerProcess as killGroup,
  startWorkerProcess as startWorker,
  waitFor,
} from "@/lib/testing/worker-process";
import { createSubmission } from "../operations/operations";
import { findSubmissionWithHistory } from "../queries/submission-history";

let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let h: Awaited<ReturnType<typeof startEngineHarness>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  isolated = await createIsolatedDatabase();
  h = await startEngineHarness(isolated.db, { organisations: 2 });
});
// A worker left running would deliver the next test's submission.
afterEach(() => {
  for (const c of children.splice(0)) killGroup(c);
});
afterAll(async () => {
  await h.close();
  await isolated.close();
});

/** `npm run worker` as its own process, pointed at the isolated database and the sandbox. */
function startWorkerProcess(workerId: string, extraEnv: Record<string, string> = {}) {
  const child = startWorker(h, isolated.url, workerId, extraEnv);
  children.push(child);
  return child;
}

describe("a worker killed in the middle of sending", () => {
  it("is taken over by another worker, and Skatteetaten processes the submission exactly once", async () => {
    const leveranse = testLeveranse(h.orgs[0]!.orgnr, h.orgs[1]!.orgnr);
    // The first request hangs at Skatteetaten long enough to kill the worker while it waits.
    h.skatteetaten.setFaults([{ kind: "slow", delayMs: 3_000, count: 1 }]);
    const { submissionId, idempotencyKey } = await isolated.db.transaction((tx) =>
      createSubmission(tx, h.user, {
        organisationId: h.orgs[0]!.id,
        kind: "amelding",
        subject: leveranse.kalendermaaned,
        payload: leveranse,
        queue: true,
      }),
    );

    const first = startWorkerProcess("crash-a");
    await waitFor("worker A's attempt to be in flight", async () => {
      const [a] = await isolated.db
        .select()
        .from(deliveryAttempts)
        .where(eq(deliveryAttempts.submissionId, submissionId));
      return a?.outcome === "in_flight" && a.workerId === "crash-a";
    });
    await new Promise((r) => setTimeout(r, 300)); // the request is now at Skatteetaten
    killGroup(first);

    startWorkerProcess("crash-b");
    const done = await waitFor("the submission to be accepted", async () => {
      const s = await findSubmissionWithHistory(isolated.db, submissionId, [h.orgs[0]!.id]);
      return s?.status === "accepted" ? s : null;
    });
    expect(done.attempts.map((a) => [a.workerId, a.outcome, a.idempotencyKey])).toEqual([
      ["crash-a", "interrupted", idempotencyKey],
      ["crash-b", "accepted", idempotencyKey],
    ]);
    expect(done.attempts[0]!.requestBody).toBe(done.attempts[1]!.requestBody);
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
  }, 60_000);
});

describe("a worker killed in the middle of an upload delivery", () => {
  // Every A-melding here is over this threshold, so it goes through the file-upload API.
  const upload = { AMELDING_UPLOAD_THRESHOLD_BYTES: "300" };
  const months = {
    "POST /opplastinger": "2026-03",
    "GET /opplastinger/{id}": "2026-02",
    "PUT /innsending": "2026-01",
  } as const;

  for (const [endpoint, month] of Object.entries(months) as [keyof typeof months, string][]) {
    it(`during ${endpoint}: another worker goes on from there, and Skatteetaten sends the A-melding in exactly once`, async () => {
      const leveranse = testLeveranse(h.orgs[0]!.orgnr, h.orgs[1]!.orgnr, month);
      // That step's request hangs at Skatteetaten (and is then processed) long enough to kill the worker while it waits.
      h.skatteetaten.setFaults([{ endpoint, kind: "slow", delayMs: 3_000, count: 1 }]);
      const { submissionId } = await isolated.db.transaction((tx) =>
        createSubmission(tx, h.user, {
          organisationId: h.orgs[0]!.id,
          kind: "amelding",
          subject: leveranse.kalendermaaned,
          payload: leveranse,
          queue: true,
        }),
      );
      const step = {
        "POST /opplastinger": "upload",
        "GET /opplastinger/{id}": "upload_status",
        "PUT /innsending": "upload_submit",
      }[endpoint];

      const first = startWorkerProcess(`upload-a-${month}`, upload);
      await waitFor(`worker A's ${endpoint} to be in flight`, async () => {
        const attempts = await isolated.db
          .select()
          .from(deliveryAttempts)
          .where(eq(deliveryAttempts.submissionId, submissionId));
        return attempts.some((a) => a.step === step && a.outcome === "in_flight");
      });
      await new Promise((r) => setTimeout(r, 300)); // the request is now at Skatteetaten
      killGroup(first);

      startWorkerProcess(`upload-b-${month}`, upload);
      const done = await waitFor("the submission to be accepted", async () => {
        const s = await findSubmissionWithHistory(isolated.db, submissionId, [h.orgs[0]!.id]);
        return s?.status === "accepted" ? s : null;
      });
      const interrupted = done.attempts.filter((a) => a.outcome === "interrupted");
      expect(interrupted.map((a) => [a.workerId, a.step])).toEqual([[`upload-a-${month}`, step]]);
      expect(done.attempts.at(-1)).toMatchObject({
        workerId: `upload-b-${month}`,
        step: "upload_submit",
        outcome: "accepted",
      });
      // The send-in names the upload whose id was stored; once killed after the upload, B goes on with that same upload.
      const submitted = done.attempts.at(-1)!.uploadId;
      if (step !== "upload")
        expect(done.attempts.filter((a) => a.step === "upload").map((a) => a.uploadId)).toEqual([submitted]);
      const processed = h.skatteetaten.processed().filter((r) => r.meldingsId === leveranse.meldingsId);
      expect(processed).toEqual([expect.objectContaining({ opplastingId: submitted })]);
    }, 60_000);
  }
});

describe("a worker stopped with SIGTERM (a deploy, a scale-down)", () => {
  async function queueAmelding(month: string) {
    const leveranse = testLeveranse(h.orgs[0]!.orgnr, h.orgs[1]!.orgnr, month);
    return isolated.db.transaction((tx) =>
      createSubmission(tx, h.user, {
        organisationId: h.orgs[0]!.id,
        kind: "amelding",
        subject: leveranse.kalendermaaned,
        payload: leveranse,
        queue: true,
      }),
    );
  }
  const inFlightOf = (submissionId: string, workerId: string) => async () => {
    const [a] = await isolated.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.submissionId, submissionId));
    return a?.outcome === "in_flight" && a.workerId === workerId;
  };

  it("finishes a delivery in flight within the grace period, records its answer, and exits 0", async () => {
    h.skatteetaten.setFaults([{ kind: "slow", delayMs: 1_500, count: 1 }]);
    const { submissionId, idempotencyKey } = await queueAmelding("2025-11");
    const worker = startWorkerProcess("term-a", { DELIVERY_SHUTDOWN_GRACE_SECONDS: "20" });
    await waitFor("the attempt to be in flight", inFlightOf(submissionId, "term-a"));
    process.kill(-worker.pid!, "SIGTERM");
    expect(await exited(worker)).toBe(0);

    const s = await findSubmissionWithHistory(isolated.db, submissionId, [h.orgs[0]!.id]);
    expect(s!.status).toBe("accepted");
    expect(s!.attempts.map((a) => [a.workerId, a.outcome])).toEqual([["term-a", "accepted"]]);
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
  }, 60_000);

  it("hands back a delivery that outlasts the grace period, so another worker sends it at once with the same key", async () => {
    // Skatteetaten answers the first request only after 15 s; the worker may wait 1 s of it.
    h.skatteetaten.setFaults([{ kind: "slow", delayMs: 15_000, count: 1 }]);
    const { submissionId, idempotencyKey } = await queueAmelding("2025-10");
    // A lease of 10 minutes: without the hand-back, no other worker could take the submission
    // within this test.
    const long = { DELIVERY_LEASE_SECONDS: "600", DELIVERY_SHUTDOWN_GRACE_SECONDS: "1" };
    const first = startWorkerProcess("term-b", long);
    await waitFor("worker B's attempt to be in flight", inFlightOf(submissionId, "term-b"));
    await new Promise((r) => setTimeout(r, 300)); // the request is now at Skatteetaten
    process.kill(-first.pid!, "SIGTERM");
    // It exits after the grace period, not after Skatteetaten's answer.
    const code = await Promise.race([
      exited(first),
      new Promise<"still running">((r) => setTimeout(() => r("still running"), 10_000)),
    ]);
    expect(code).toBe(0);

    startWorkerProcess("term-c", long);
    const done = await waitFor(
      "the submission to be accepted by the next worker",
      async () => {
        const s = await findSubmissionWithHistory(isolated.db, submissionId, [h.orgs[0]!.id]);
        return s?.status === "accepted" ? s : null;
      },
      12_000,
    );
    expect(done.attempts.map((a) => [a.workerId, a.outcome, a.idempotencyKey])).toEqual([
      ["term-b", "interrupted", idempotencyKey],
      ["term-c", "accepted", idempotencyKey],
    ]);
    expect(done.attempts[0]!.requestBody).toBe(done.attempts[1]!.requestBody);
  }, 60_000);
});
