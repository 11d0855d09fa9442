import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { saveAmelding } from "@/lib/amelding/save-amelding";
import { auditLog, deliveryAttempts, type SubmissionStatus, submissions, submissionVersions } from "@/lib/db/schema";
import { testLeveranse, testOppdrag, testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { findDueSubmissionIds } from "../engine/deliver";
import { readClaimable } from "../engine/delivery-statements";
import { cancelSubmission, createSubmission, sendCorrectedVersion } from "./operations";

const db = connectTestDb();

async function setup() {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id);
  return { user, org, orgIds: [org.id] };
}

async function versionsOf(submissionId: string) {
  return db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, submissionId));
}

async function row(submissionId: string) {
  const [r] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  return r!;
}

describe("the kind of a submission is checked on every write path", () => {
  it("refuses an A-melding's id where an oppdrag is saved as a corrected version, and stores nothing", async () => {
    const { user, org, orgIds } = await setup();
    const leveranse = testLeveranse(org.orgnr, org.orgnr);
    const amelding = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: leveranse.kalendermaaned,
        payload: leveranse,
        queue: false,
      }),
    );
    await expect(
      db.transaction((tx) =>
        sendCorrectedVersion(tx, user, amelding.submissionId, orgIds, "oar", testOppdrag(org.orgnr), { queue: true }),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await versionsOf(amelding.submissionId)).toHaveLength(1);
    expect(await row(amelding.submissionId)).toMatchObject({ status: "draft", kind: "amelding" });
  });

  it("refuses an oppdrag's id where an A-melding is saved (the builder's save)", async () => {
    const { user, org, orgIds } = await setup();
    const oppdrag = testOppdrag(org.orgnr);
    const oar = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: false,
      }),
    );
    await expect(
      db.transaction((tx) =>
        saveAmelding(
          tx,
          { ...user, organisationIds: orgIds },
          {
            organisationId: org.id,
            intent: "draft",
            submissionId: oar.submissionId,
            leveranse: testLeveranse(org.orgnr, org.orgnr),
          },
        ),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      db.transaction((tx) =>
        sendCorrectedVersion(tx, user, oar.submissionId, orgIds, "amelding", testLeveranse(org.orgnr, org.orgnr)),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await versionsOf(oar.submissionId)).toHaveLength(1);
  });

  it("refuses a payload that is not a report of the submission's kind, new or corrected", async () => {
    const { user, org, orgIds } = await setup();
    await expect(
      db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "amelding",
          subject: "2026-10",
          payload: testOppdrag(org.orgnr),
          queue: true,
        }),
      ),
    ).rejects.toMatchObject({ code: "validation", messageKey: "errors.payloadWrongKind" });
    expect(await db.select().from(submissions).where(eq(submissions.organisationId, org.id))).toHaveLength(0);

    const oppdrag = testOppdrag(org.orgnr);
    const oar = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: false,
      }),
    );
    await expect(
      db.transaction((tx) =>
        sendCorrectedVersion(tx, user, oar.submissionId, orgIds, "oar", testLeveranse(org.orgnr, org.orgnr)),
      ),
    ).rejects.toMatchObject({ messageKey: "errors.payloadWrongKind" });
    expect(await versionsOf(oar.submissionId)).toHaveLength(1);
  });

  it("refuses a replacement that names a submission of another kind or organisation", async () => {
    const { user, org } = await setup();
    const other = await createTestOrganisation(db, user.id);
    const oppdrag = testOppdrag(org.orgnr);
    const oar = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: false,
      }),
    );
    const foreign = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: other.id,
        kind: "amelding",
        subject: "2026-10",
        payload: testPayload("amelding", other.orgnr),
        queue: false,
      }),
    );
    for (const replacesSubmissionId of [oar.submissionId, foreign.submissionId]) {
      await expect(
        db.transaction((tx) =>
          createSubmission(tx, user, {
            organisationId: org.id,
            kind: "amelding",
            subject: "2026-10",
            payload: testPayload("amelding", org.orgnr),
            queue: false,
            replacesSubmissionId,
          }),
        ),
      ).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("cancelling a submission", () => {
  async function inStatus(status: SubmissionStatus, extra: Partial<typeof submissions.$inferInsert> = {}) {
    const { user, org, orgIds } = await setup();
    const oppdrag = testOppdrag(org.orgnr);
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: status !== "draft",
      }),
    );
    await db
      .update(submissions)
      .set({ status, ...extra })
      .where(eq(submissions.id, created.submissionId));
    return { user, org, orgIds, ...created };
  }

  it.each<SubmissionStatus>(["draft", "queued", "retrying", "failed", "rejected", "conflict"])(
    "cancels from %s, audited, and the submission is never claimed again",
    async (status) => {
      const s = await inStatus(status, { nextAttemptAt: status === "draft" ? null : new Date(Date.now() - 1000) });
      await db.transaction((tx) => cancelSubmission(tx, s.user, s.submissionId, s.orgIds));
      expect(await row(s.submissionId)).toMatchObject({
        status: "cancelled",
        nextAttemptAt: null,
        statusReasonCode: "cancelled",
      });
      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, s.submissionId), eq(auditLog.action, "submission.cancel")));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: s.user.id, organisationId: s.org.id, details: { fromStatus: status } });
      expect(await readClaimable(db, [s.submissionId], null)).toEqual([]);
      expect(await findDueSubmissionIds(db, 10_000)).not.toContain(s.submissionId);
    },
  );

  it("refuses an accepted or already cancelled submission", async () => {
    for (const status of ["accepted", "cancelled"] as const) {
      const s = await inStatus(status);
      await expect(
        db.transaction((tx) => cancelSubmission(tx, s.user, s.submissionId, s.orgIds)),
      ).rejects.toMatchObject({
        code: "conflict",
        messageKey: "errors.notCancellable",
      });
      expect((await row(s.submissionId)).status).toBe(status);
    }
  });

  it("refuses while a worker holds the lease, and cancels once the lease has run out, closing the open attempt", async () => {
    const s = await inStatus("sending", { leaseUntil: new Date(Date.now() + 60_000), attemptCount: 1 });
    await db.insert(deliveryAttempts).values({
      submissionId: s.submissionId,
      versionId: s.versionId,
      attemptNo: 1,
      idempotencyKey: s.idempotencyKey,
      requestMethod: "POST",
      requestUrl: "http://sandbox.invalid/oar/v1/innsending",
      requestHeaders: {},
      requestBody: "{}",
    });
    await expect(db.transaction((tx) => cancelSubmission(tx, s.user, s.submissionId, s.orgIds))).rejects.toMatchObject({
      code: "conflict",
      messageKey: "errors.cancelWhileSending",
    });
    expect((await row(s.submissionId)).status).toBe("sending");

    await db
      .update(submissions)
      .set({ leaseUntil: new Date(Date.now() - 1000) })
      .where(eq(submissions.id, s.submissionId));
    await db.transaction((tx) => cancelSubmission(tx, s.user, s.submissionId, s.orgIds));
    expect((await row(s.submissionId)).status).toBe("cancelled");
    const [attempt] = await db.select().from(deliveryAttempts).where(eq(deliveryAttempts.submissionId, s.submissionId));
    expect(attempt!.outcome).toBe("interrupted");
    expect(await readClaimable(db, [s.submissionId], null)).toEqual([]);
  });

  it("does not find or change another organisation's submission", async () => {
    const s = await inStatus("queued");
    const stranger = await setup();
    await expect(
      db.transaction((tx) => cancelSubmission(tx, stranger.user, s.submissionId, stranger.orgIds)),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await row(s.submissionId)).status).toBe("queued");
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, s.submissionId), eq(auditLog.action, "submission.cancel"))),
    ).toHaveLength(0);
  });
});
