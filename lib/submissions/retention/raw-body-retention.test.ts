import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ameldingFeedback, auditLog, type DeliveryAttempt, deliveryAttempts } from "@/lib/db/schema";
import { decodeSkatteetatenError } from "@/lib/reporting/errors/decode-skatteetaten-error";
import { storeAuditEntry } from "@/lib/testing/audit-entries";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { createSubmission } from "../operations/operations";
import { pruneRawBodies } from "./raw-body-retention";

const db = connectTestDb();
const RETENTION = { retentionMonths: 18, batchSize: 1 };

const RESPONSE_BODY = JSON.stringify({ kode: "OAR_005", melding: "Ugyldig oppdrag", korrelasjonsid: "korr-123" });
// Stored as JSON, read back as JSON: compare with the same round trip.
const decoded = JSON.parse(
  JSON.stringify(
    decodeSkatteetatenError({ status: 400, contentType: "application/json", body: RESPONSE_BODY, api: "oar" }),
  ),
);

/** An organisation with one submission whose attempts started the given number of months ago. */
async function submissionWithAttempts(attempts: { monthsAgo: number; outcome: DeliveryAttempt["outcome"] }[]) {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id);
  const created = await db.transaction((tx) =>
    createSubmission(tx, user, {
      organisationId: org.id,
      kind: "amelding",
      subject: "2024-01",
      payload: testPayload("amelding"),
      queue: false,
    }),
  );
  const ids: string[] = [];
  for (const [i, a] of attempts.entries()) {
    const [row] = await db
      .insert(deliveryAttempts)
      .values({
        submissionId: created.submissionId,
        versionId: created.versionId,
        attemptNo: i + 1,
        idempotencyKey: created.idempotencyKey,
        outcome: a.outcome,
        startedAt: sql`now() - make_interval(months => ${a.monthsAgo}::int)`,
        finishedAt: a.outcome === "in_flight" ? null : sql`now() - make_interval(months => ${a.monthsAgo}::int)`,
        requestMethod: "POST",
        requestUrl: "http://sandbox/amelding",
        requestHeaders: { "content-type": "application/xml", authorization: "Bearer [removed]" },
        requestBody: "<melding>01017012345</melding>",
        responseStatus: a.outcome === "in_flight" ? null : 400,
        responseHeaders: a.outcome === "in_flight" ? null : { "content-type": "application/json" },
        responseBody: a.outcome === "in_flight" ? null : RESPONSE_BODY,
        errorCode: a.outcome === "in_flight" ? null : "OAR_005",
        decodedError: a.outcome === "in_flight" ? null : decoded,
        korrelasjonsid: a.outcome === "in_flight" ? null : "korr-123",
      })
      .returning({ id: deliveryAttempts.id });
    ids.push(row!.id);
  }
  return { org, submissionId: created.submissionId, attemptIds: ids };
}

async function attemptsById(ids: string[]) {
  const rows = await db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

async function retentionEntries(organisationId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "retention.raw_bodies_pruned"), eq(auditLog.organisationId, organisationId)));
}

describe("raw body retention", () => {
  it("empties the bodies of attempts past retention, keeps what was read from them, and audits per organisation", async () => {
    const a = await submissionWithAttempts([
      { monthsAgo: 30, outcome: "rejected" },
      { monthsAgo: 19, outcome: "rejected" },
      { monthsAgo: 17, outcome: "rejected" },
    ]);
    const b = await submissionWithAttempts([{ monthsAgo: 20, outcome: "network_error" }]);

    // Batches of one: the job must go on until nothing past retention is left.
    const total = await pruneRawBodies(db, RETENTION);
    expect(total.attempts).toBeGreaterThanOrEqual(3);

    const rows = await attemptsById([...a.attemptIds, ...b.attemptIds]);
    for (const id of [a.attemptIds[0]!, a.attemptIds[1]!, b.attemptIds[0]!]) {
      const row = rows.get(id)!;
      expect(row.requestBody).toBe("");
      expect(row.responseBody).toBeNull();
      expect(row.rawBodiesPrunedAt).toBeInstanceOf(Date);
    }
    // The decoded result stays: status, headers, code, decoded error, korrelasjonsid.
    const old = rows.get(a.attemptIds[0]!)!;
    expect(old).toMatchObject({
      outcome: "rejected",
      responseStatus: 400,
      responseHeaders: { "content-type": "application/json" },
      errorCode: "OAR_005",
      korrelasjonsid: "korr-123",
      decodedError: decoded,
    });
    // Younger than the retention age: untouched.
    const young = rows.get(a.attemptIds[2]!)!;
    expect(young.requestBody).toBe("<melding>01017012345</melding>");
    expect(young.responseBody).toContain("OAR_005");
    expect(young.rawBodiesPrunedAt).toBeNull();

    // One entry per organisation, by the system, saying how many of its attempts.
    const entriesA = await retentionEntries(a.org.id);
    expect(entriesA.every((e) => e.actorId === null && e.actorEmail === null && e.targetType === "system")).toBe(true);
    expect(entriesA.every((e) => e.organisationIds.length === 1 && e.organisationIds[0] === a.org.id)).toBe(true);
    expect(entriesA.reduce((n, e) => n + (e.details as { attempts: number }).attempts, 0)).toBe(2);
    expect(entriesA[0]!.details).toMatchObject({ retentionMonths: 18 });
    const entriesB = await retentionEntries(b.org.id);
    expect(entriesB.reduce((n, e) => n + (e.details as { attempts: number }).attempts, 0)).toBe(1);

    // A second run finds nothing of these and records nothing more.
    await pruneRawBodies(db, RETENTION);
    expect(await retentionEntries(a.org.id)).toHaveLength(entriesA.length);
  });

  it("leaves an attempt still in flight alone, however old", async () => {
    const s = await submissionWithAttempts([{ monthsAgo: 24, outcome: "in_flight" }]);
    await pruneRawBodies(db, RETENTION);
    const row = (await attemptsById(s.attemptIds)).get(s.attemptIds[0]!)!;
    expect(row.requestBody).toBe("<melding>01017012345</melding>");
    expect(row.rawBodiesPrunedAt).toBeNull();
    expect(await retentionEntries(s.org.id)).toHaveLength(0);
  });

  it("removes a feedback document past retention and keeps its parsed result", async () => {
    const old = await submissionWithAttempts([]);
    const recent = await submissionWithAttempts([]);
    const parsed = { outcome: "accepted", deviations: [], sums: null };
    for (const [s, monthsAgo] of [
      [old, 19],
      [recent, 6],
    ] as const) {
      await db.insert(ameldingFeedback).values({
        submissionId: s.submissionId,
        status: "ok",
        receivedAt: sql`now() - make_interval(months => ${monthsAgo}::int)`,
        document: { tilbakemelding: { fnr: "01017012345" } },
        parsed: parsed as never,
      });
    }
    await pruneRawBodies(db, RETENTION);
    const rows = await db
      .select()
      .from(ameldingFeedback)
      .where(inArray(ameldingFeedback.submissionId, [old.submissionId, recent.submissionId]));
    const oldRow = rows.find((r) => r.submissionId === old.submissionId)!;
    const recentRow = rows.find((r) => r.submissionId === recent.submissionId)!;
    expect(oldRow.document).toBeNull();
    expect(oldRow.documentPrunedAt).toBeInstanceOf(Date);
    expect(oldRow.parsed).toEqual(parsed);
    expect(oldRow.status).toBe("ok");
    expect(recentRow.document).toEqual({ tilbakemelding: { fnr: "01017012345" } });
    expect(recentRow.documentPrunedAt).toBeNull();
    const entries = await retentionEntries(old.org.id);
    expect(entries.reduce((n, e) => n + (e.details as { feedbackDocuments: number }).feedbackDocuments, 0)).toBe(1);
  });

  it("never prunes the audit log, however old its entries", async () => {
    const s = await submissionWithAttempts([{ monthsAgo: 40, outcome: "rejected" }]);
    await storeAuditEntry(db, null, {
      action: "submission.submit",
      targetType: "submission",
      targetId: s.submissionId,
      organisationIds: [s.org.id],
      details: { kind: "amelding", subject: "2023-07", versionNo: 1, idempotencyKey: "k" },
    });
    await db
      .update(auditLog)
      .set({ createdAt: sql`now() - interval '10 years'` })
      .where(and(eq(auditLog.targetId, s.submissionId), eq(auditLog.action, "submission.submit")));
    const before = await db.select().from(auditLog).where(eq(auditLog.targetId, s.submissionId));

    await pruneRawBodies(db, { retentionMonths: 18, batchSize: 50 });

    const after = await db.select().from(auditLog).where(eq(auditLog.targetId, s.submissionId));
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it("refuses to delete audit entries, whoever asks", async () => {
    const s = await submissionWithAttempts([]);
    await storeAuditEntry(db, null, {
      action: "organisation.create",
      targetType: "organisation",
      targetId: s.org.id,
      organisationIds: [s.org.id],
    });
    await expect(db.delete(auditLog).where(eq(auditLog.targetId, s.org.id))).rejects.toThrow();
    expect(await db.select().from(auditLog).where(eq(auditLog.targetId, s.org.id))).toHaveLength(1);
  });
});
