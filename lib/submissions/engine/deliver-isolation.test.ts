import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submissions, submissionVersions } from "@/lib/db/schema";
import type { ReportingAdapter } from "@/lib/reporting/adapter";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { type GatewayAnswer, type ProxiedExchange, startGatewayProxy } from "@/lib/testing/gateway-proxy";
import { testLeveranse, testOppdrag } from "@/lib/testing/report-fixtures";
import { connectTestDb } from "@/lib/testing/test-db";
import { createSubmission } from "../operations/operations";
import { listErrorGroups } from "../queries/error-groups";
import { findSubmissionWithHistory } from "../queries/submission-history";
import { type DeliveryDeps, deliverSubmission } from "./deliver";
import { createDeliveryDeps } from "./delivery-deps";

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;

beforeAll(async () => {
  h = await startEngineHarness(db, { organisations: 4 });
});
afterAll(() => h.close());
beforeEach(() => h.skatteetaten.clearFaults());

const orgIds = () => h.orgs.map((o) => o.id);

async function queueAmelding(orgIndex: number, month = "2026-10") {
  const org = h.orgs[orgIndex]!;
  const leveranse = testLeveranse(org.orgnr, org.orgnr, month);
  return db.transaction((tx) =>
    createSubmission(tx, h.user, {
      organisationId: org.id,
      kind: "amelding",
      subject: leveranse.kalendermaaned,
      payload: leveranse,
      queue: true,
    }),
  );
}

async function queueOppdrag(orgIndex: number) {
  const org = h.orgs[orgIndex]!;
  const oppdrag = testOppdrag(org.orgnr);
  return db.transaction((tx) =>
    createSubmission(tx, h.user, {
      organisationId: org.id,
      kind: "oar",
      subject: oppdrag.oppdragsreferanse,
      payload: oppdrag,
      queue: true,
    }),
  );
}

/** Good submissions of the other organisations: an A-melding and an oppdrag each. */
async function queueGoodOnes() {
  const good = [];
  for (const i of [1, 2, 3]) good.push(await queueAmelding(i), await queueOppdrag(i));
  return good;
}

async function history(id: string) {
  return (await findSubmissionWithHistory(db, id, orgIds()))!;
}

async function makeDue(id: string) {
  await db
    .update(submissions)
    .set({ nextAttemptAt: new Date(Date.now() - 1) })
    .where(eq(submissions.id, id));
}

/** Delivers them all at once, so their claims and outcomes share the group commit's statements. */
function deliverTogether(deps: DeliveryDeps, ids: string[]) {
  return Promise.all(ids.map((id) => deliverSubmission(deps, id)));
}

async function expectDelivered(
  good: { submissionId: string; idempotencyKey: string }[],
  results: { outcome: string }[],
) {
  expect(results.map((r) => r.outcome)).toEqual(good.map(() => "accepted"));
  for (const g of good) {
    expect((await history(g.submissionId)).status).toBe("accepted");
    expect(h.skatteetaten.processedCount({ idempotencyKey: g.idempotencyKey })).toBe(1);
  }
}

/** A PostgreSQL trigger that refuses one submission's writes, as a constraint or a full column would. */
async function refuseWritesFor(table: "delivery_attempts", event: "insert" | "update", submissionId: string) {
  const name = `isolation_test_${randomBytes(4).toString("hex")}`;
  await db.execute(
    sql.raw(`
      create function ${name}() returns trigger language plpgsql as $$
      begin
        if new.submission_id = '${submissionId}' then raise exception 'refused by a test trigger'; end if;
        return new;
      end $$;
      create trigger ${name} before ${event} on ${table} for each row execute function ${name}();`),
  );
  return () => db.execute(sql.raw(`drop trigger ${name} on ${table}; drop function ${name}();`));
}

describe("one bad submission fails alone; the others in its batch are delivered at once", () => {
  it("an A-melding holding an oppdrag (wrong kind) fails with its reason, without blocking other organisations", async () => {
    const poisoned = await queueAmelding(0);
    // What the old saveOppdragAction allowed: an oppdrag stored as a version of an A-melding.
    await db
      .update(submissionVersions)
      .set({ payload: testOppdrag(h.orgs[0]!.orgnr) })
      .where(eq(submissionVersions.id, poisoned.versionId));
    const good = await queueGoodOnes();

    const [bad, ...results] = await deliverTogether(h.deps, [
      poisoned.submissionId,
      ...good.map((g) => g.submissionId),
    ]);
    await expectDelivered(good, results);
    expect(bad!.outcome).toBe("skipped");
    const s = await history(poisoned.submissionId);
    expect(s).toMatchObject({
      status: "failed",
      statusReasonCode: "payload_wrong_kind",
      statusReasonParams: { kind: "amelding" },
      nextAttemptAt: null,
    });
    expect(s.attempts).toHaveLength(0);
    expect(h.skatteetaten.processedCount({ orgnr: h.orgs[0]!.orgnr })).toBe(0);
    // The errors page groups it as never sent, so it is found and can be corrected or cancelled.
    const groups = await listErrorGroups(db, [h.orgs[0]!.id]);
    expect(groups).toContainEqual(
      expect.objectContaining({ status: "failed", code: null, cause: "unsendable", count: 1 }),
    );
  });

  it("a request the adapter cannot build fails that submission alone", async () => {
    const poisonedOrgnr = h.orgs[0]!.orgnr;
    const throwing = (adapter: ReportingAdapter): ReportingAdapter => ({
      ...adapter,
      // As a wire-format bug would, for one organisation's payloads only.
      buildRequest: (payload, ctx) => {
        if (ctx.orgnr === poisonedOrgnr) throw new TypeError("Cannot read properties of undefined (reading 'navn')");
        return adapter.buildRequest(payload, ctx);
      },
    });
    const deps: DeliveryDeps = {
      ...h.deps,
      adapters: { oar: throwing(h.deps.adapters.oar), amelding: throwing(h.deps.adapters.amelding) },
    };
    const poisoned = await queueOppdrag(0);
    const good = await queueGoodOnes();

    const [bad, ...results] = await deliverTogether(deps, [poisoned.submissionId, ...good.map((g) => g.submissionId)]);
    await expectDelivered(good, results);
    expect(bad!.outcome).toBe("skipped");
    expect(await history(poisoned.submissionId)).toMatchObject({
      status: "failed",
      statusReasonCode: "request_not_buildable",
      statusReasonParams: { detail: expect.stringContaining("navn") },
    });
  });

  it("a submission whose attempt PostgreSQL refuses to record is not sent and fails alone", async () => {
    const poisoned = await queueAmelding(0);
    const good = await queueGoodOnes();
    const drop = await refuseWritesFor("delivery_attempts", "insert", poisoned.submissionId);
    try {
      const [bad, ...results] = await deliverTogether(h.deps, [
        poisoned.submissionId,
        ...good.map((g) => g.submissionId),
      ]);
      await expectDelivered(good, results);
      expect(bad!.outcome).toBe("skipped");
    } finally {
      await drop();
    }
    expect(await history(poisoned.submissionId)).toMatchObject({
      status: "failed",
      statusReasonCode: "attempt_not_recordable",
    });
    expect(h.skatteetaten.processedCount({ idempotencyKey: poisoned.idempotencyKey })).toBe(0);
  });

  it("a submission whose outcome cannot be recorded ends failed with its reason; the others' outcomes are recorded", async () => {
    const poisoned = await queueAmelding(0);
    const good = await queueGoodOnes();
    const drop = await refuseWritesFor("delivery_attempts", "update", poisoned.submissionId);
    try {
      const [bad, ...results] = await deliverTogether(h.deps, [
        poisoned.submissionId,
        ...good.map((g) => g.submissionId),
      ]);
      await expectDelivered(good, results);
      expect(bad!.outcome).toBe("failed");
    } finally {
      await drop();
    }
    // Skatteetaten has it; a retry with the same key reads its answer from the idempotency store.
    expect(await history(poisoned.submissionId)).toMatchObject({
      status: "failed",
      statusReasonCode: "outcome_not_recordable",
    });
    expect(h.skatteetaten.processedCount({ idempotencyKey: poisoned.idempotencyKey })).toBe(1);
  });

  it("an answer with a NUL byte is stored cleaned for its submission alone, and resent with the same key", async () => {
    const poisonedOrgnr = h.orgs[0]!.orgnr;
    let mangle = true;
    const proxy = await startGatewayProxy(h.skatteetaten.url, ({ request, response }) =>
      mangle && new RegExp(`/${poisonedOrgnr}(\\?|$)`).test(request.path)
        ? { ...response, body: Buffer.concat([response.body, Buffer.from([0])]) }
        : null,
    );
    try {
      const deps = viaGateway(proxy.url);
      const poisoned = await queueAmelding(0);
      const good = await queueGoodOnes();
      const [bad, ...results] = await deliverTogether(deps, [
        poisoned.submissionId,
        ...good.map((g) => g.submissionId),
      ]);
      await expectDelivered(good, results);
      expect(bad!.outcome).toBe("retrying");
      let s = await history(poisoned.submissionId);
      expect(s).toMatchObject({ status: "retrying", statusReasonCode: "unreadable_answer" });
      expect(s.attempts[0]).toMatchObject({ outcome: "unreadable_answer", responseStatus: 200 });
      expect(s.attempts[0]!.responseBody).toMatch(/\uFFFD$/);

      mangle = false;
      await makeDue(poisoned.submissionId);
      expect((await deliverSubmission(deps, poisoned.submissionId)).outcome).toBe("accepted");
      s = await history(poisoned.submissionId);
      expect(new Set(s.attempts.map((a) => a.idempotencyKey))).toEqual(new Set([poisoned.idempotencyKey]));
      expect(s.attempts[0]!.requestBody).toBe(s.attempts[1]!.requestBody);
      expect(h.skatteetaten.processedCount({ idempotencyKey: poisoned.idempotencyKey })).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});

function viaGateway(url: string): DeliveryDeps {
  const deps = createDeliveryDeps(db, h.tokens, {
    ...h.deliveryConfig,
    oarApiUrl: `${url}/oar/v1`,
    ameldingApiUrl: `${url}/amelding/v1`,
  });
  return { ...deps, random: () => 0 };
}

describe("a 2xx whose body is not Skatteetaten's answer is never accepted", () => {
  const unreadable: Record<string, (exchange: ProxiedExchange) => GatewayAnswer> = {
    "an empty body": ({ response }) => ({ status: 200, headers: response.headers, body: "" }),
    "a gateway's HTML page": () => ({
      status: 200,
      headers: { "content-type": "text/html" },
      body: "<html><body>Service temporarily unavailable</body></html>",
    }),
    "JSON of another shape": () => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: '{"status":"ok"}',
    }),
    "ids that are not strings": () => ({
      status: 202,
      headers: { "content-type": "application/json" },
      body: '{"dialogId":1,"forsendelseId":null,"meldingsId":[]}',
    }),
  };

  for (const [what, answer] of Object.entries(unreadable)) {
    it(`resends after ${what} with the same key and body, and takes Skatteetaten's own answer`, async () => {
      let gatewayAnswers = 1;
      const proxy = await startGatewayProxy(h.skatteetaten.url, (exchange) =>
        gatewayAnswers-- > 0 ? answer(exchange) : null,
      );
      try {
        const deps = viaGateway(proxy.url);
        const { submissionId, idempotencyKey } = await queueAmelding(1);
        expect((await deliverSubmission(deps, submissionId)).outcome).toBe("retrying");
        let s = await history(submissionId);
        expect(s).toMatchObject({
          status: "retrying",
          receivedIds: null,
          acceptedAt: null,
          statusReasonCode: "unreadable_answer",
        });
        // The request did reach Skatteetaten, which processed it.
        expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);

        await makeDue(submissionId);
        expect((await deliverSubmission(deps, submissionId)).outcome).toBe("accepted");
        s = await history(submissionId);
        expect(s.attempts.map((a) => a.outcome)).toEqual(["unreadable_answer", "accepted"]);
        expect(s.attempts[0]!.requestBody).toBe(s.attempts[1]!.requestBody);
        expect(s.attempts[1]!.idempotencyKey).toBe(idempotencyKey);
        expect(s.receivedIds).toMatchObject({
          dialogId: expect.any(String),
          forsendelseId: expect.any(String),
          meldingsId: expect.any(String),
        });
        expect(h.skatteetaten.processedCount({ idempotencyKey })).toBe(1);
      } finally {
        await proxy.close();
      }
    });
  }

  it("gives up after the attempt limit with the reason, never accepted", async () => {
    // The sandbox itself answers 200 with an error body (a "status" fault with status 200).
    h.skatteetaten.setFaults([{ kind: "status", status: 200, code: "OAR_006", count: Infinity }]);
    const { submissionId } = await queueOppdrag(2);
    const outcomes = [];
    for (let i = 0; i < h.deliveryConfig.maxAttempts!; i++) {
      outcomes.push((await deliverSubmission(h.deps, submissionId)).outcome);
      await makeDue(submissionId);
    }
    expect(outcomes).toEqual(["retrying", "retrying", "retrying", "failed"]);
    expect(await history(submissionId)).toMatchObject({
      status: "failed",
      acceptedAt: null,
      receivedIds: null,
      statusReasonCode: "gave_up",
      statusReasonParams: { attempts: 4, cause: { code: "unreadable_answer", params: { status: 200 } } },
    });
  });
});

describe("Retry-After", () => {
  it("falls back to the normal schedule for a value it cannot use, without breaking the outcome", async () => {
    h.skatteetaten.setFaults([{ kind: "rate_limit", retryAfterSeconds: 99999999999999, count: 1 }]);
    const { submissionId } = await queueOppdrag(3);
    const before = Date.now();
    const result = await deliverSubmission(h.deps, submissionId);
    expect(result.outcome).toBe("retrying");
    const next = (result as { nextAttemptAt: Date }).nextAttemptAt.getTime();
    expect(next).toBeGreaterThanOrEqual(before + 1_000);
    expect(next).toBeLessThan(Date.now() + 2_500);
    expect((await history(submissionId)).nextAttemptAt!.getTime()).toBe(next);
  });

  it("caps a long Retry-After at DELIVERY_MAX_RETRY_AFTER_SECONDS", async () => {
    h.skatteetaten.setFaults([{ kind: "rate_limit", retryAfterSeconds: 86_400, count: 2 }]);
    const defaults = await queueOppdrag(3);
    const before = Date.now();
    const capped = (await deliverSubmission(h.deps, defaults.submissionId)) as { nextAttemptAt: Date };
    expect(capped.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(900_000);
    expect(capped.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual(900_000);

    const configured = {
      ...createDeliveryDeps(db, h.tokens, { ...h.deliveryConfig, maxRetryAfterSeconds: 60 }),
      random: () => 0,
    };
    const other = await queueOppdrag(3);
    const shorter = (await deliverSubmission(configured, other.submissionId)) as { nextAttemptAt: Date };
    expect(shorter.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  });
});
