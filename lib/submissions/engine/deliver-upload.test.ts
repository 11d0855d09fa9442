import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ameldingFeedback, submissions } from "@/lib/db/schema";
import { AMELDING_SCOPE } from "@/lib/reporting/amelding/amelding-adapter";
import type { SandboxFault, UploadEndpoint } from "@/lib/sandbox/skatteetaten/types";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { startGatewayProxy } from "@/lib/testing/gateway-proxy";
import { testLeveranse } from "@/lib/testing/report-fixtures";
import { connectTestDb } from "@/lib/testing/test-db";
import { runFeedbackRound } from "../feedback/feedback-follower";
import { findFeedbackForSubmission } from "../feedback/feedback-rows";
import { createSubmission } from "../operations/operations";
import { findSubmissionWithHistory } from "../queries/submission-history";
import { type DeliveryDeps, type DeliveryResult, deliverSubmission } from "./deliver";
import { createDeliveryDeps } from "./delivery-deps";

/*
 * A-meldinger over the upload threshold, delivered through the sandbox's file-upload API over
 * HTTP with real PostgreSQL. The threshold is set low, so the A-meldinger stay small and fast;
 * one test sends a real one over 10 MB with the default threshold.
 */

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;
/** The harness's engine with a threshold every test A-melding is over. */
let deps: DeliveryDeps;

const POLLING = { firstDelayMs: 20, maxDelayMs: 50, maxWaitMs: 60_000 };

beforeAll(async () => {
  h = await startEngineHarness(db, {
    organisations: 3,
    delivery: { uploadThresholdBytes: 300, uploadPolling: POLLING },
  });
  deps = h.deps;
});
afterAll(() => h.close());
beforeEach(() => {
  h.skatteetaten.clearFaults();
  h.skatteetaten.setUploadValidationDelay(0);
});

const org = (i = 0) => h.orgs[i]!;

async function queue(leveranse: Record<string, unknown>, orgIndex = 0) {
  return db.transaction((tx) =>
    createSubmission(tx, h.user, {
      organisationId: org(orgIndex).id,
      kind: "amelding",
      subject: String(leveranse.kalendermaaned),
      payload: leveranse,
      queue: true,
    }),
  );
}

const leveranse = (orgIndex = 0, month?: string) => testLeveranse(org(orgIndex).orgnr, org(orgIndex).orgnr, month);

const feedbackOf = (submissionId: string) =>
  findFeedbackForSubmission(
    db,
    submissionId,
    h.orgs.map((o) => o.id),
  );

async function history(id: string) {
  return (await findSubmissionWithHistory(
    db,
    id,
    h.orgs.map((o) => o.id),
  ))!;
}

async function makeDue(id: string) {
  await db
    .update(submissions)
    .set({ nextAttemptAt: new Date(Date.now() - 1), leaseUntil: new Date(Date.now() - 1) })
    .where(eq(submissions.id, id));
}

/** What a worker does: the next step while one is due, waiting out the pauses between status checks. */
async function deliverToEnd(d: DeliveryDeps, id: string, maxSteps = 20): Promise<DeliveryResult> {
  let result = await deliverSubmission(d, id);
  for (let i = 0; result.outcome === "continuing" && i < maxSteps; i++) {
    await new Promise((r) =>
      setTimeout(r, Math.max(0, result.outcome === "continuing" ? result.nextAttemptAt.getTime() - Date.now() + 5 : 0)),
    );
    result = await deliverSubmission(d, id);
  }
  return result;
}

/** Each attempt as [step, outcome]. */
async function steps(id: string) {
  return (await history(id)).attempts.map((a) => [a.step, a.outcome]);
}

/** The A-meldinger the sandbox processed through the file-upload API (PUT /innsending) for this meldingsId. */
function sentIn(meldingsId: string) {
  return h.skatteetaten.processed().filter((r) => r.meldingsId === meldingsId);
}

describe("an A-melding over the threshold goes through the file-upload API", () => {
  it("uploads, waits for validation without holding the delivery, sends in, and records the ids as accepted", async () => {
    h.skatteetaten.setUploadValidationDelay(800);
    // A first pause long enough to see that no worker takes the submission before its next check.
    const deps = {
      ...h.deps,
      ameldingUpload: { ...h.deps.ameldingUpload, polling: { ...POLLING, firstDelayMs: 1_500, maxDelayMs: 1_500 } },
    };
    const melding = leveranse();
    const { submissionId, idempotencyKey } = await queue(melding);

    const uploaded = await deliverSubmission(deps, submissionId);
    expect(uploaded.outcome).toBe("continuing");
    let s = await history(submissionId);
    const uploadId = s.attempts[0]!.uploadId!;
    expect(uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(s).toMatchObject({
      status: "sending",
      statusReasonCode: "upload_validating",
      statusReasonParams: { uploadId },
    });
    expect(s.attempts[0]).toMatchObject({ step: "upload", outcome: "uploaded", requestMethod: "POST", idempotencyKey });
    expect(s.attempts[0]!.requestUrl).toBe(`${h.skatteetaten.ameldingFilopplastingBaseUrl}/opplastinger`);
    expect(s.attempts[0]!.requestHeaders).not.toHaveProperty("idempotencyKey");

    // Still validating: the delivery ends with the next check scheduled, nothing held meanwhile.
    const checkedAt = Date.now();
    const checked = await deliverSubmission(deps, submissionId);
    expect(checked).toMatchObject({ outcome: "continuing" });
    expect((checked as { nextAttemptAt: Date }).nextAttemptAt.getTime()).toBeGreaterThan(checkedAt);
    s = await history(submissionId);
    expect(s.attempts[1]).toMatchObject({
      step: "upload_status",
      outcome: "validating",
      uploadId,
      requestMethod: "GET",
    });
    expect(s.leaseUntil!.getTime()).toBe(s.nextAttemptAt!.getTime());
    // Not due yet: no worker takes it before its next check.
    expect((await deliverSubmission(deps, submissionId)).outcome).toBe("skipped");

    await new Promise((r) => setTimeout(r, s.nextAttemptAt!.getTime() - Date.now() + 10));
    expect((await deliverToEnd(deps, submissionId)).outcome).toBe("accepted");
    s = await history(submissionId);
    expect(s.status).toBe("accepted");
    expect(s.attempts.at(-2)).toMatchObject({ step: "upload_status", outcome: "validated", uploadId });
    expect(s.attempts.at(-1)).toMatchObject({
      step: "upload_submit",
      outcome: "accepted",
      uploadId,
      requestMethod: "PUT",
      responseStatus: 200,
    });
    expect(JSON.parse(s.attempts.at(-1)!.requestBody)).toEqual({ id: uploadId });
    expect(s.receivedIds).toEqual({
      dialogId: expect.any(String),
      forsendelseId: expect.any(String),
      meldingsId: melding.meldingsId,
    });
    expect(new Set(s.attempts.map((a) => a.uploadId))).toEqual(new Set([uploadId]));

    // Sent in once, under that upload, with the body the submission endpoint would have had.
    expect(sentIn(melding.meldingsId)).toEqual([
      expect.objectContaining({
        opplastingId: uploadId,
        idempotencyKey: null,
        forsendelseId: s.receivedIds!.forsendelseId,
      }),
    ]);
    const wire = h.deps.adapters.amelding.buildRequest(s.versions[0]!.payload, {
      idempotencyKey,
      orgnr: org().orgnr,
      existsAtSkatteetaten: false,
    });
    expect(s.attempts[0]!.requestBody).toBe(wire.body);
    expect(h.skatteetaten.received("amelding").find((r) => r.opplastingId === uploadId)!.body).toEqual(
      JSON.parse(wire.body),
    );

    // Then its feedback is followed as for any accepted A-melding.
    const fetched = (status: string | undefined) => status !== undefined && status !== "waiting";
    for (let round = 0; round < 10 && !fetched((await feedbackOf(submissionId))?.status); round++) {
      await db
        .update(ameldingFeedback)
        .set({ nextCheckAt: new Date(0) })
        .where(eq(ameldingFeedback.submissionId, submissionId));
      await runFeedbackRound({ ...h.feedbackDeps, batchSize: 500 });
    }
    const feedback = (await feedbackOf(submissionId))!;
    expect(feedback).toMatchObject({ dialogId: s.receivedIds!.dialogId, lastError: null });
    expect(["ok", "deviations"]).toContain(feedback.status);
  });

  it("sends an A-melding up to the threshold to the submission endpoint, and one byte more through the upload", async () => {
    const at = leveranse(1, "2026-05");
    const over = leveranse(1, "2026-06");
    const size = (l: Record<string, unknown>) =>
      Buffer.byteLength(
        h.deps.adapters.amelding.buildRequest(l, { idempotencyKey: "k", orgnr: "", existsAtSkatteetaten: false }).body,
      );
    const atThreshold = { ...h.deps, ameldingUpload: { ...h.deps.ameldingUpload, thresholdBytes: size(at) } };
    const overThreshold = { ...h.deps, ameldingUpload: { ...h.deps.ameldingUpload, thresholdBytes: size(over) - 1 } };

    const normal = await queue(at, 1);
    expect((await deliverToEnd(atThreshold, normal.submissionId)).outcome).toBe("accepted");
    expect(await steps(normal.submissionId)).toEqual([["send", "accepted"]]);
    expect((await history(normal.submissionId)).attempts[0]!.requestUrl).toBe(
      `${h.skatteetaten.ameldingBaseUrl}/innsending/2026-05/${org(1).orgnr}`,
    );
    expect(h.skatteetaten.processedCount({ idempotencyKey: normal.idempotencyKey })).toBe(1);

    const uploaded = await queue(over, 1);
    expect((await deliverToEnd(overThreshold, uploaded.submissionId)).outcome).toBe("accepted");
    expect(await steps(uploaded.submissionId)).toEqual([
      ["upload", "uploaded"],
      ["upload_status", "validated"],
      ["upload_submit", "accepted"],
    ]);
    expect(h.skatteetaten.processedCount({ idempotencyKey: uploaded.idempotencyKey })).toBe(0);
    expect(sentIn(over.meldingsId)).toHaveLength(1);
  });

  it("sends a real A-melding over 10 MB, which the submission endpoint refuses, through the upload with the default threshold", async () => {
    const big = generateLeveranse({
      opplysningspliktig: org(2).orgnr,
      virksomhet: org(2).orgnr,
      persons: 17_000,
      kalendermaaned: "2026-04",
    });
    const defaults = {
      ...createDeliveryDeps(db, h.tokens, { ...h.deliveryConfig, uploadThresholdBytes: undefined }),
      random: () => 0,
    };
    const { submissionId, idempotencyKey } = await queue(big, 2);
    const wire = defaults.adapters.amelding.buildRequest(big, {
      idempotencyKey,
      orgnr: org(2).orgnr,
      existsAtSkatteetaten: false,
    });
    expect(Buffer.byteLength(wire.body)).toBeGreaterThan(10 * 1024 * 1024);
    // The premise: the submission endpoint takes at most 10 MB.
    const token = (await h.tokens.getToken({ scopes: [AMELDING_SCOPE], systemUserOrg: org(2).orgnr })).accessToken;
    const direct = await fetch(wire.url, {
      method: "POST",
      headers: { ...wire.headers, Authorization: `Bearer ${token}` },
      body: wire.body,
    });
    expect(direct.status).toBe(413);

    expect((await deliverToEnd(defaults, submissionId)).outcome).toBe("accepted");
    const s = await history(submissionId);
    expect(s.attempts.map((a) => a.step)).toEqual(["upload", "upload_status", "upload_submit"]);
    expect(s.attempts[0]!.requestBody.length).toBe(wire.body.length);
    expect(sentIn(big.meldingsId)).toHaveLength(1);
  }, 120_000);

  it("sends a large A-melding under the threshold the normal way, and retries it byte for byte", async () => {
    // Megabytes of JSON: read and claimed on its own, outside the statements the others share.
    const large = generateLeveranse({
      opplysningspliktig: org(2).orgnr,
      virksomhet: org(2).orgnr,
      persons: 4_000,
      kalendermaaned: "2026-03",
    });
    const defaults = {
      ...createDeliveryDeps(db, h.tokens, { ...h.deliveryConfig, uploadThresholdBytes: undefined }),
      random: () => 0,
    };
    h.skatteetaten.setFaults([{ orgnr: org(2).orgnr, kind: "status", status: 500, code: "AMLD_001" }]);
    const { submissionId, idempotencyKey } = await queue(large, 2);
    const [first, small] = await Promise.all([
      deliverToEnd(defaults, submissionId),
      queue(leveranse(1, "2026-07"), 1).then((q) => deliverToEnd(defaults, q.submissionId)),
    ]);
    expect([first.outcome, small.outcome]).toEqual(["retrying", "accepted"]);
    await makeDue(submissionId);
    expect((await deliverToEnd(defaults, submissionId)).outcome).toBe("accepted");
    const s = await history(submissionId);
    expect(s.attempts.map((a) => [a.step, a.outcome])).toEqual([
      ["send", "retryable_error"],
      ["send", "accepted"],
    ]);
    expect(s.attempts[0]!.requestBody.length).toBeGreaterThan(2_000_000);
    expect(s.attempts[1]!.requestBody).toBe(s.attempts[0]!.requestBody);
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
  }, 60_000);

  it("is rejected when Skatteetaten's validation fails, with the feilliste decoded like any rejection, and never sent in", async () => {
    const melding = { ...leveranse(), meldingsId: "ikke gyldig!" };
    const { submissionId } = await queue(melding);
    expect((await deliverToEnd(deps, submissionId)).outcome).toBe("rejected");
    const s = await history(submissionId);
    const uploadId = s.attempts[0]!.uploadId!;
    expect(s).toMatchObject({
      status: "rejected",
      lastErrorCode: "AMLD_010",
      statusReasonCode: "upload_validation_failed",
      statusReasonParams: { uploadId, count: 1 },
    });
    expect(await steps(submissionId)).toEqual([
      ["upload", "uploaded"],
      ["upload_status", "rejected"],
    ]);
    const failed = s.attempts[1]!;
    expect(failed).toMatchObject({ errorCode: "AMLD_010", responseStatus: 200, uploadId });
    expect(failed.decodedError).toMatchObject({
      code: "AMLD_010",
      known: true,
      category: "validation",
      retryable: false,
      specifications: [
        { sti: "/leveranse/meldingsId", angittVerdi: "ikke gyldig!", melding: expect.stringContaining("MeldingsId") },
      ],
    });
    expect(sentIn("ikke gyldig!")).toHaveLength(0);
    expect((await deliverSubmission(deps, submissionId)).outcome).toBe("skipped");
  });
});

describe("a transient failure resumes the upload delivery at the step it failed in, and it is sent in once", () => {
  const failures: [string, (endpoint: UploadEndpoint) => SandboxFault, string][] = [
    ["a 5xx", (endpoint) => ({ endpoint, kind: "status", status: 500, code: "AMLD_017" }), "retryable_error"],
    [
      "a dropped connection after processing",
      (endpoint) => ({ endpoint, kind: "drop_after_processing" }),
      "network_error",
    ],
  ];
  const flows: Record<string, { endpoint: UploadEndpoint; expected: string[][] }> = {
    upload: {
      endpoint: "POST /opplastinger",
      expected: [
        ["upload", "<failure>"],
        ["upload", "uploaded"],
        ["upload_status", "validated"],
        ["upload_submit", "accepted"],
      ],
    },
    "status check": {
      endpoint: "GET /opplastinger/{id}",
      expected: [
        ["upload", "uploaded"],
        ["upload_status", "<failure>"],
        ["upload_status", "validated"],
        ["upload_submit", "accepted"],
      ],
    },
    "send-in": {
      endpoint: "PUT /innsending",
      expected: [
        ["upload", "uploaded"],
        ["upload_status", "validated"],
        ["upload_submit", "<failure>"],
        ["upload_submit", "accepted"],
      ],
    },
  };

  for (const [failure, fault, outcome] of failures) {
    for (const [name, { endpoint, expected }] of Object.entries(flows)) {
      it(`${failure} on the ${name}`, async () => {
        h.skatteetaten.setFaults([fault(endpoint)]);
        const melding = leveranse();
        const { submissionId } = await queue(melding);
        expect((await deliverToEnd(deps, submissionId)).outcome).toBe("retrying");
        expect(await history(submissionId)).toMatchObject({ status: "retrying" });
        await makeDue(submissionId);
        expect((await deliverToEnd(deps, submissionId)).outcome).toBe("accepted");
        expect(await steps(submissionId)).toEqual(expected.map(([step, o]) => [step, o === "<failure>" ? outcome : o]));
        const s = await history(submissionId);
        // After the upload, every step names the one upload that was sent in.
        const named = s.attempts.filter((a) => a.uploadId !== null);
        expect(new Set(named.map((a) => a.uploadId)).size).toBe(1);
        expect(sentIn(melding.meldingsId)).toEqual([expect.objectContaining({ opplastingId: named[0]!.uploadId })]);
      });
    }
  }

  it("honours Retry-After on a 429 and checks the same upload again", async () => {
    h.skatteetaten.setFaults([{ endpoint: "GET /opplastinger/{id}", kind: "rate_limit", retryAfterSeconds: 30 }]);
    const { submissionId } = await queue(leveranse());
    const before = Date.now();
    const result = await deliverToEnd(deps, submissionId);
    expect(result.outcome).toBe("retrying");
    expect((result as { nextAttemptAt: Date }).nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    await makeDue(submissionId);
    expect((await deliverToEnd(deps, submissionId)).outcome).toBe("accepted");
    expect(await steps(submissionId)).toEqual([
      ["upload", "uploaded"],
      ["upload_status", "retryable_error"],
      ["upload_status", "validated"],
      ["upload_submit", "accepted"],
    ]);
  });

  it("sends in again after a timeout, and Skatteetaten processes the upload once", async () => {
    h.skatteetaten.setFaults([{ endpoint: "PUT /innsending", kind: "slow", delayMs: 600 }]);
    const quick = { ...deps, requestTimeoutMs: 200 };
    const melding = leveranse();
    const { submissionId } = await queue(melding);
    expect((await deliverToEnd(quick, submissionId)).outcome).toBe("retrying");
    await new Promise((r) => setTimeout(r, 700)); // the slow PUT is still processed by the server
    await makeDue(submissionId);
    expect((await deliverToEnd(quick, submissionId)).outcome).toBe("accepted");
    expect((await steps(submissionId)).slice(2)).toEqual([
      ["upload_submit", "timeout"],
      ["upload_submit", "accepted"],
    ]);
    expect(sentIn(melding.meldingsId)).toHaveLength(1);
  });

  it("never takes a 2xx it cannot read as progress or success, on any step", async () => {
    for (const endpoint of ["POST /opplastinger", "GET /opplastinger/{id}", "PUT /innsending"] as const) {
      const [method, path] = endpoint.split(" ") as [string, string];
      let mangle = true;
      const proxy = await startGatewayProxy(h.skatteetaten.url, ({ request }) => {
        const matches = request.method === method && new RegExp(`${path.replace("{id}", "[^/]+")}$`).test(request.path);
        if (!mangle || !matches) return null;
        mangle = false;
        return {
          status: 200,
          headers: { "content-type": "text/html" },
          body: "<html><body>Service temporarily unavailable</body></html>",
        };
      });
      try {
        const gateway = {
          ...createDeliveryDeps(db, h.tokens, {
            ...h.deliveryConfig,
            ameldingFilopplastingApiUrl: `${proxy.url}/amelding-filopplasting/v1`,
          }),
          random: () => 0,
        };
        const melding = leveranse();
        const { submissionId } = await queue(melding);
        expect((await deliverToEnd(gateway, submissionId)).outcome, endpoint).toBe("retrying");
        expect(await history(submissionId)).toMatchObject({
          status: "retrying",
          statusReasonCode: "unreadable_answer",
          receivedIds: null,
        });
        await makeDue(submissionId);
        expect((await deliverToEnd(gateway, submissionId)).outcome, endpoint).toBe("accepted");
        expect(
          (await steps(submissionId)).filter(([, o]) => o === "unreadable_answer"),
          endpoint,
        ).toHaveLength(1);
        expect(sentIn(melding.meldingsId), endpoint).toHaveLength(1);
      } finally {
        await proxy.close();
      }
    }
  });
});

describe("an upload Skatteetaten no longer knows", () => {
  async function deleteUpload(uploadId: string, orgnr: string) {
    const token = (await h.tokens.getToken({ scopes: [AMELDING_SCOPE], systemUserOrg: orgnr })).accessToken;
    const res = await fetch(`${h.skatteetaten.ameldingFilopplastingBaseUrl}/opplastinger/${uploadId}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
  }

  it("is uploaded again when it expired before it was sent in, and the new upload is sent in once", async () => {
    const melding = leveranse();
    const { submissionId } = await queue(melding);
    expect((await deliverSubmission(deps, submissionId)).outcome).toBe("continuing");
    const first = (await history(submissionId)).attempts[0]!.uploadId!;
    await deleteUpload(first, org().orgnr);

    expect((await deliverToEnd(deps, submissionId)).outcome).toBe("retrying");
    expect(await history(submissionId)).toMatchObject({
      status: "retrying",
      statusReasonCode: "upload_not_found",
      statusReasonParams: { uploadId: first },
    });
    await makeDue(submissionId);
    expect((await deliverToEnd(deps, submissionId)).outcome).toBe("accepted");
    const s = await history(submissionId);
    expect(s.attempts.map((a) => [a.step, a.outcome])).toEqual([
      ["upload", "uploaded"],
      ["upload_status", "upload_not_found"],
      ["upload", "uploaded"],
      ["upload_status", "validated"],
      ["upload_submit", "accepted"],
    ]);
    const second = s.attempts[2]!.uploadId!;
    expect(second).not.toBe(first);
    expect(s.attempts[2]!.requestBody).toBe(s.attempts[0]!.requestBody);
    expect(sentIn(melding.meldingsId)).toEqual([expect.objectContaining({ opplastingId: second })]);
  });

  it("is uploaded again at most as often as the attempt limit allows", async () => {
    h.skatteetaten.setFaults([
      { endpoint: "GET /opplastinger/{id}", kind: "status", status: 404, code: "AMLD_021", count: Infinity },
    ]);
    const { submissionId } = await queue(leveranse());
    let result = await deliverToEnd(deps, submissionId);
    for (let i = 0; i < 10 && result.outcome === "retrying"; i++) {
      await makeDue(submissionId);
      result = await deliverToEnd(deps, submissionId);
    }
    expect(result.outcome).toBe("failed");
    const s = await history(submissionId);
    expect(s).toMatchObject({
      status: "failed",
      statusReasonCode: "gave_up",
      statusReasonParams: { attempts: h.deliveryConfig.maxAttempts },
    });
    expect(s.attempts.filter((a) => a.step === "upload")).toHaveLength(h.deliveryConfig.maxAttempts!);
  });

  it("fails, rather than being uploaded again, when a send-in of it may have arrived", async () => {
    h.skatteetaten.setFaults([
      { endpoint: "PUT /innsending", kind: "drop" },
      { endpoint: "PUT /innsending", kind: "status", status: 404, code: "AMLD_021" },
    ]);
    const melding = leveranse();
    const { submissionId } = await queue(melding);
    expect((await deliverToEnd(deps, submissionId)).outcome).toBe("retrying");
    await makeDue(submissionId);
    expect((await deliverToEnd(deps, submissionId)).outcome).toBe("failed");
    const s = await history(submissionId);
    expect(s).toMatchObject({
      status: "failed",
      statusReasonCode: "upload_gone_after_submit",
      statusReasonParams: { uploadId: s.attempts[0]!.uploadId },
    });
    expect(s.attempts.filter((a) => a.step === "upload")).toHaveLength(1);
  });
});

describe("an upload delivery waits a bounded time and fails alone", () => {
  it("fails with the reason when the upload is still being validated after the longest wait", async () => {
    h.skatteetaten.setUploadValidationDelay(60_000);
    const impatient = {
      ...deps,
      ameldingUpload: { ...deps.ameldingUpload, polling: { firstDelayMs: 20, maxDelayMs: 40, maxWaitMs: 150 } },
    };
    const { submissionId } = await queue(leveranse());
    expect((await deliverToEnd(impatient, submissionId)).outcome).toBe("failed");
    const s = await history(submissionId);
    expect(s).toMatchObject({
      status: "failed",
      statusReasonCode: "upload_not_validated",
      statusReasonParams: { uploadId: s.attempts[0]!.uploadId },
    });
    const checks = s.attempts.filter((a) => a.step === "upload_status");
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(checks.every((a) => a.outcome === "validating")).toBe(true);
    // The pauses between checks grow.
    const gaps = checks.slice(1).map((a, i) => a.startedAt.getTime() - checks[i]!.startedAt.getTime());
    expect(gaps.every((g) => g >= 20)).toBe(true);
  });

  it("a failing upload fails alone while the others delivered with it are accepted", async () => {
    const bad = await queue({ ...leveranse(0), meldingsId: "ikke gyldig!" });
    const good = [await queue(leveranse(1)), await queue(leveranse(2))];
    const small = { ...deps, ameldingUpload: { ...deps.ameldingUpload, thresholdBytes: 10_000_000 } };
    const normal = await queue(leveranse(1));
    const results = await Promise.all([
      deliverToEnd(deps, bad.submissionId),
      ...good.map((g) => deliverToEnd(deps, g.submissionId)),
      deliverToEnd(small, normal.submissionId),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["rejected", "accepted", "accepted", "accepted"]);
    expect(await steps(bad.submissionId)).toEqual([
      ["upload", "uploaded"],
      ["upload_status", "rejected"],
    ]);
    expect(await steps(normal.submissionId)).toEqual([["send", "accepted"]]);
  });
});
