import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submissions } from "@/lib/db/schema";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { testLeveranse, testOppdrag } from "@/lib/testing/report-fixtures";
import { connectTestDb } from "@/lib/testing/test-db";
import { createSubmission } from "../operations/operations";
import { findSubmissionWithHistory } from "../queries/submission-history";
import { deliverSubmission } from "./deliver";

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;

beforeAll(async () => {
  h = await startEngineHarness(db, { organisations: 2 });
});
afterAll(() => h.close());
beforeEach(() => h.skatteetaten.clearFaults());

async function queue(kind: "oar" | "amelding", payload: Record<string, unknown>, subject: string, orgIndex = 0) {
  return db.transaction((tx) =>
    createSubmission(tx, h.user, { organisationId: h.orgs[orgIndex]!.id, kind, subject, payload, queue: true }),
  );
}

async function history(id: string) {
  return (await findSubmissionWithHistory(
    db,
    id,
    h.orgs.map((o) => o.id),
  ))!;
}

/** Makes a scheduled retry due now, instead of waiting for its backoff. */
async function makeDue(id: string) {
  await db
    .update(submissions)
    .set({ nextAttemptAt: new Date(Date.now() - 1) })
    .where(eq(submissions.id, id));
}

const orgnr = () => h.orgs[0]!.orgnr;

describe("deliverSubmission against the sandbox over HTTP", () => {
  it("sends an A-melding, records the attempt before sending, and keeps the ids received", async () => {
    const leveranse = testLeveranse(orgnr(), h.orgs[1]!.orgnr);
    const { submissionId, idempotencyKey } = await queue("amelding", leveranse, leveranse.kalendermaaned);
    const result = await deliverSubmission(h.deps, submissionId);
    expect(result.outcome).toBe("accepted");
    const s = await history(submissionId);
    expect(s.status).toBe("accepted");
    expect(s.receivedIds).toMatchObject({
      meldingsId: leveranse.meldingsId,
      forsendelseId: expect.any(String),
      dialogId: expect.any(String),
    });
    const [attempt] = s.attempts;
    expect(attempt).toMatchObject({ outcome: "accepted", idempotencyKey, responseStatus: 200 });
    expect(attempt!.requestUrl).toMatch(new RegExp(`/innsending/${leveranse.kalendermaaned}/${orgnr()}$`));
    expect(attempt!.requestHeaders.idempotencyKey).toBe(idempotencyKey);
    expect(attempt!.requestHeaders.Authorization).toBe("Bearer [redacted]");
    expect(JSON.stringify(attempt)).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT anywhere in the stored attempt
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
  });

  it("reports an oppdrag as new first and as a change once Skatteetaten has accepted it", async () => {
    const oppdrag = testOppdrag(orgnr());
    const first = await queue("oar", oppdrag, oppdrag.oppdragsreferanse);
    expect((await deliverSubmission(h.deps, first.submissionId)).outcome).toBe("accepted");
    const change = await queue(
      "oar",
      { ...oppdrag, endringsdato: "2026-11-20", oppdrag: { ...oppdrag.oppdrag, kontraktsverdiNok: 500000 } },
      oppdrag.oppdragsreferanse,
    );
    expect((await deliverSubmission(h.deps, change.submissionId)).outcome).toBe("accepted");
    const bodies = [
      (await history(first.submissionId)).attempts[0]!,
      (await history(change.submissionId)).attempts[0]!,
    ].map((a) => JSON.parse(a.requestBody).innsendingstype);
    expect(bodies).toEqual(["NY", "ENDRING"]);
  });

  it("retries a 5xx with the same key and body, and ends accepted", async () => {
    h.skatteetaten.setFaults([{ kind: "status", status: 500, code: "OAR_006", count: 1 }]);
    const oppdrag = testOppdrag(orgnr());
    const { submissionId, idempotencyKey } = await queue("oar", oppdrag, oppdrag.oppdragsreferanse);
    const first = await deliverSubmission(h.deps, submissionId);
    expect(first.outcome).toBe("retrying");
    let s = await history(submissionId);
    expect(s).toMatchObject({ status: "retrying", lastErrorCode: "OAR_006" });
    expect(s.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    await makeDue(submissionId);
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("accepted");
    s = await history(submissionId);
    expect(s.attempts.map((a) => a.outcome)).toEqual(["retryable_error", "accepted"]);
    expect(new Set(s.attempts.map((a) => a.idempotencyKey))).toEqual(new Set([idempotencyKey]));
    expect(s.attempts[0]!.requestBody).toBe(s.attempts[1]!.requestBody);
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
  });

  it("retries a connection dropped after Skatteetaten processed the request, which then processes it once", async () => {
    h.skatteetaten.setFaults([{ kind: "drop_after_processing", count: 1 }]);
    const leveranse = testLeveranse(orgnr(), h.orgs[1]!.orgnr, "2026-09");
    const { submissionId, idempotencyKey } = await queue("amelding", leveranse, leveranse.kalendermaaned);
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("retrying");
    expect((await history(submissionId)).attempts[0]!.outcome).toBe("network_error");
    await makeDue(submissionId);
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("accepted");
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
  });

  it("treats a timeout as unknown outcome and retries with the same key", async () => {
    h.skatteetaten.setFaults([{ kind: "slow", delayMs: 600, count: 1 }]);
    const deps = { ...h.deps, requestTimeoutMs: 200 };
    const oppdrag = testOppdrag(orgnr());
    const { submissionId, idempotencyKey } = await queue("oar", oppdrag, oppdrag.oppdragsreferanse);
    expect((await deliverSubmission(deps, submissionId)).outcome).toBe("retrying");
    expect((await history(submissionId)).attempts[0]!.outcome).toBe("timeout");
    await new Promise((r) => setTimeout(r, 700)); // the slow request is still processed by the server
    await makeDue(submissionId);
    expect((await deliverSubmission(deps, submissionId)).outcome).toBe("accepted");
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
  });

  it("honours Retry-After on 429", async () => {
    h.skatteetaten.setFaults([{ kind: "rate_limit", retryAfterSeconds: 42, count: 1 }]);
    const oppdrag = testOppdrag(orgnr());
    const { submissionId } = await queue("oar", oppdrag, oppdrag.oppdragsreferanse);
    const before = Date.now();
    const result = await deliverSubmission(h.deps, submissionId);
    expect(result.outcome).toBe("retrying");
    expect((result as { nextAttemptAt: Date }).nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 42_000);
  });

  it("gives up after the bounded number of attempts and says why", async () => {
    h.skatteetaten.setFaults([{ kind: "status", status: 500, code: "OAR_010", count: Infinity }]);
    const oppdrag = testOppdrag(orgnr());
    const { submissionId, idempotencyKey } = await queue("oar", oppdrag, oppdrag.oppdragsreferanse);
    const outcomes = [];
    for (let i = 0; i < h.deliveryConfig.maxAttempts!; i++) {
      outcomes.push((await deliverSubmission(h.deps, submissionId)).outcome);
      await makeDue(submissionId);
    }
    expect(outcomes).toEqual(["retrying", "retrying", "retrying", "failed"]);
    const s = await history(submissionId);
    expect(s.status).toBe("failed");
    expect(s).toMatchObject({
      statusReasonCode: "gave_up",
      statusReasonParams: { attempts: 4, cause: { code: "skatteetaten_message" } },
    });
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(0);
  });

  it("makes a validation rejection final, decoded with Skatteetaten's path and value", async () => {
    const oppdrag = testOppdrag(orgnr(), {
      oppdrag: { ...testOppdrag(orgnr()).oppdrag, startdato: "2027-03-01", forventetSluttdato: "2027-01-01" },
    });
    const { submissionId } = await queue("oar", oppdrag, oppdrag.oppdragsreferanse);
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("rejected");
    const s = await history(submissionId);
    expect(s).toMatchObject({ status: "rejected", lastErrorCode: "OAR_005" });
    const decoded = s.attempts[0]!.decodedError as {
      category: string;
      retryable: boolean;
      korrelasjonsid: string;
      specifications: { sti: string }[];
    };
    expect(decoded).toMatchObject({ category: "validation", retryable: false });
    expect(decoded.korrelasjonsid).toBe(s.attempts[0]!.korrelasjonsid);
    expect(decoded.specifications.map((x) => x.sti)).toContain("/oppdrag/forventetSluttdato");
    // A rejected submission is not picked up again.
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("skipped");
  });

  it("shows a 409 as a conflict and never resends it", async () => {
    const oppdrag = testOppdrag(orgnr());
    const { submissionId, idempotencyKey } = await queue("oar", oppdrag, oppdrag.oppdragsreferanse);
    // Someone used this key before with another body.
    const token = await h.tokens.getToken({
      scopes: ["skatteetaten:innrapporteringoppdragtilutenlandske"],
      systemUserOrg: orgnr(),
    });
    const other = h.deps.adapters.oar.buildRequest(testOppdrag(orgnr()), {
      idempotencyKey,
      orgnr: orgnr(),
      existsAtSkatteetaten: false,
    });
    const res = await fetch(other.url, {
      method: "POST",
      headers: { ...other.headers, Authorization: `Bearer ${token.accessToken}` },
      body: other.body,
    });
    expect(res.status).toBe(200);
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("conflict");
    const s = await history(submissionId);
    expect(s.status).toBe("conflict");
    expect(s.attempts[0]!.responseStatus).toBe(409);
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("skipped");
  });

  it("takes over a submission whose worker died mid-request and sends it with the same key", async () => {
    const leveranse = testLeveranse(orgnr(), h.orgs[1]!.orgnr, "2026-08");
    const { submissionId, idempotencyKey } = await queue("amelding", leveranse, leveranse.kalendermaaned);
    // Worker A claims it, records its attempt, and its request reaches Skatteetaten; then A dies.
    const shortLease = { ...h.deps, leaseMs: 1, workerId: "worker-a" };
    const crashed = { ...shortLease, getAccessToken: async () => new Promise<string>(() => {}) };
    void deliverSubmission(crashed, submissionId);
    await new Promise((r) => setTimeout(r, 50));
    const recorded = (await history(submissionId)).attempts[0]!;
    expect(recorded).toMatchObject({ workerId: "worker-a", outcome: "in_flight", idempotencyKey });
    const token = await h.tokens.getToken({ scopes: ["skatteetaten:innrapporteringamelding"], systemUserOrg: orgnr() });
    await fetch(recorded.requestUrl, {
      method: "POST",
      headers: { ...recorded.requestHeaders, Authorization: `Bearer ${token.accessToken}` },
      body: recorded.requestBody,
    });
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);

    expect((await deliverSubmission({ ...h.deps, workerId: "worker-b" }, submissionId)).outcome).toBe("accepted");
    const s = await history(submissionId);
    expect(s.attempts.map((a) => [a.workerId, a.outcome])).toEqual([
      ["worker-a", "interrupted"],
      ["worker-b", "accepted"],
    ]);
    expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
  });

  it("fails without sending when Maskinporten refuses the system user, with the reason", async () => {
    const stranger = await (await import("@/lib/testing/test-db")).createTestOrganisation(db, h.user.id);
    const oppdrag = testOppdrag(stranger.orgnr);
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, h.user, {
        organisationId: stranger.id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: true,
      }),
    );
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("failed");
    const s = (await findSubmissionWithHistory(db, submissionId, [stranger.id]))!;
    expect(s.attempts[0]!.outcome).toBe("not_sent");
    expect(s.statusReasonCode).toBe("token_unavailable");
    expect(s.statusReasonParams).toMatchObject({ maskinporten: "authorization_details_values", mpCode: "MP-303" });
    expect(h.skatteetaten.processedCount({ orgnr: stranger.orgnr })).toBe(0);
  });
});
