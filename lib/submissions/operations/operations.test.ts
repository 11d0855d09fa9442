import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, submissions } from "@/lib/db/schema";
import { testOppdrag, testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { findSubmissionWithHistory } from "../queries/submission-history";
import { createSubmission, retrySubmission, sendCorrectedVersion } from "./operations";

const db = connectTestDb();

async function setup() {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id);
  return { user, org };
}

describe("submission operations (real PostgreSQL)", () => {
  it("creates a queued submission with version 1, a fresh idempotency key and an audit row", async () => {
    const { user, org } = await setup();
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-10",
        payload: testPayload("amelding", org.orgnr),
        queue: true,
      }),
    );
    const s = await findSubmissionWithHistory(db, created.submissionId, [org.id]);
    expect(s!.status).toBe("queued");
    expect(s!.versions.map((v) => [v.versionNo, v.idempotencyKey])).toEqual([[1, created.idempotencyKey]]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, created.submissionId), eq(auditLog.action, "submission.submit")));
    expect(audit).toHaveLength(1);
  });

  it("hides a submission from users without access to its organisation", async () => {
    const { user, org } = await setup();
    const other = await createTestOrganisation(db, null);
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: "OPP-1",
        payload: testPayload("oar"),
        queue: false,
      }),
    );
    expect(await findSubmissionWithHistory(db, created.submissionId, [other.id])).toBeNull();
    await expect(
      db.transaction((tx) => retrySubmission(tx, user, created.submissionId, [other.id])),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("retries with the same key only from a failed state", async () => {
    const { user, org } = await setup();
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: "OPP-2",
        payload: testPayload("oar"),
        queue: false,
      }),
    );
    await expect(
      db.transaction((tx) => retrySubmission(tx, user, created.submissionId, [org.id])),
    ).rejects.toMatchObject({
      code: "conflict",
      messageKey: "errors.notRetryable",
    });
    await db.update(submissions).set({ status: "failed" }).where(eq(submissions.id, created.submissionId));
    await db.transaction((tx) => retrySubmission(tx, user, created.submissionId, [org.id]));
    const s = await findSubmissionWithHistory(db, created.submissionId, [org.id]);
    expect(s!.status).toBe("queued");
    expect(s!.versions).toHaveLength(1);
  });

  it("sends a corrected version with a new key and keeps the earlier version", async () => {
    const { user, org } = await setup();
    const [v1, v2] = [testOppdrag(org.orgnr), testOppdrag(org.orgnr)];
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, { organisationId: org.id, kind: "oar", subject: "OPP-3", payload: v1, queue: true }),
    );
    await expect(
      db.transaction((tx) => sendCorrectedVersion(tx, user, created.submissionId, [org.id], "oar", v2)),
    ).rejects.toMatchObject({ messageKey: "errors.notCorrectable" });
    await db
      .update(submissions)
      .set({ status: "rejected", lastErrorCode: "OAR_005" })
      .where(eq(submissions.id, created.submissionId));
    const corrected = await db.transaction((tx) =>
      sendCorrectedVersion(tx, user, created.submissionId, [org.id], "oar", v2),
    );
    const s = await findSubmissionWithHistory(db, created.submissionId, [org.id]);
    expect(s!.versions.map((v) => v.payload)).toEqual([v1, v2]);
    expect(corrected.idempotencyKey).not.toBe(created.idempotencyKey);
    expect(s!.currentVersionId).toBe(corrected.versionId);
    expect(s!.status).toBe("queued");
    expect(s!.lastErrorCode).toBeNull();
  });

  it("sends a never-sent draft as itself, audited as a submit, and a later one as a correction", async () => {
    const { user, org } = await setup();
    const auditActions = async (submissionId: string) =>
      (await db.select().from(auditLog).where(eq(auditLog.targetId, submissionId))).map((row) => row.action).sort();
    const draft = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: "OPP-6",
        payload: testOppdrag(org.orgnr),
        queue: false,
      }),
    );
    const sentPayload = testOppdrag(org.orgnr);
    const sent = await db.transaction((tx) =>
      sendCorrectedVersion(tx, user, draft.submissionId, [org.id], "oar", sentPayload),
    );
    expect(sent.versionId).toBe(draft.versionId);
    expect(await auditActions(draft.submissionId)).toEqual(["submission.create_draft", "submission.submit"]);

    await db.update(submissions).set({ status: "rejected" }).where(eq(submissions.id, draft.submissionId));
    await db.transaction((tx) =>
      sendCorrectedVersion(tx, user, draft.submissionId, [org.id], "oar", testOppdrag(org.orgnr)),
    );
    const s = await findSubmissionWithHistory(db, draft.submissionId, [org.id]);
    expect(s!.versions.map((v) => v.versionNo)).toEqual([1, 2]);
    expect(s!.versions[0]!.payload).toEqual(sentPayload);
    expect(await auditActions(draft.submissionId)).toEqual([
      "submission.create_draft",
      "submission.send_corrected_version",
      "submission.submit",
    ]);
  });

  describe("for an organisation without an accepted system user", () => {
    const refused = { code: "conflict", messageKey: "systemUsers.errors.submitWithoutSystemUser" };

    it("refuses queueing before anything is saved, but keeps drafts allowed", async () => {
      const user = await createTestUser(db, "admin");
      const org = await createTestOrganisation(db, user.id, { systemUser: "none" });
      await expect(
        db.transaction((tx) =>
          createSubmission(tx, user, {
            organisationId: org.id,
            kind: "oar",
            subject: "OPP-4",
            payload: testPayload("oar"),
            queue: true,
          }),
        ),
      ).rejects.toMatchObject(refused);
      expect(await db.select().from(submissions).where(eq(submissions.organisationId, org.id))).toHaveLength(0);
      expect(await db.select().from(auditLog).where(eq(auditLog.organisationId, org.id))).toHaveLength(0);

      const draft = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "oar",
          subject: "OPP-4",
          payload: testPayload("oar"),
          queue: false,
        }),
      );
      const v2 = testPayload("oar");
      await expect(
        db.transaction((tx) => sendCorrectedVersion(tx, user, draft.submissionId, [org.id], "oar", v2)),
      ).rejects.toMatchObject(refused);
      await db.transaction((tx) =>
        sendCorrectedVersion(tx, user, draft.submissionId, [org.id], "oar", v2, { queue: false }),
      );
      const s = await findSubmissionWithHistory(db, draft.submissionId, [org.id]);
      expect(s!.status).toBe("draft");
      // The draft's unsent version takes the new content; no second, never-sent version is kept.
      expect(s!.versions).toHaveLength(1);
      expect(s!.versions[0]!.payload).toEqual(v2);
    });

    it("refuses a retry with the same key", async () => {
      const user = await createTestUser(db, "admin");
      const org = await createTestOrganisation(db, user.id, { systemUser: "none" });
      const created = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "oar",
          subject: "OPP-5",
          payload: testPayload("oar"),
          queue: false,
        }),
      );
      await db.update(submissions).set({ status: "failed" }).where(eq(submissions.id, created.submissionId));
      await expect(
        db.transaction((tx) => retrySubmission(tx, user, created.submissionId, [org.id])),
      ).rejects.toMatchObject(refused);
      expect((await findSubmissionWithHistory(db, created.submissionId, [org.id]))!.status).toBe("failed");
    });
  });
});
