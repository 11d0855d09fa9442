import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAmelding } from "@/lib/amelding/save-amelding";
import { createFromApi, findApiSubmission, submitDraftFromApi } from "@/lib/api/v1/submissions";
import { authenticateApiKey, createApiKey } from "@/lib/api-keys/api-keys";
import { auditLog, type Role, submissions, submissionVersions } from "@/lib/db/schema";
import { saveOppdrag } from "@/lib/oppdrag/save-oppdrag";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { saveImportText } from "@/lib/testing/import-text";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";
import { countBulkRetry, startBulkRetry } from "../operations/bulk-retry";
import { createSubmission, retrySubmission, sendCorrectedVersion } from "../operations/operations";
import { parseSubmissionListFilter } from "../queries/list-filter";
import { listSubmissions } from "../queries/list-submissions";
import { approveSubmission, declineApproval, setFourEyes } from "./four-eyes";

const db = connectTestDb();
type Actor = { id: string; email: string; role: Role; organisationIds: string[] };

/** Two admins (A prepares, B approves) of one organisation, and an API key A created. */
async function team(options: { fourEyes: boolean }) {
  const a = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, a.id);
  const b = await createTestUser(db, "admin");
  await db.execute(`insert into user_organisations (user_id, organisation_id) values ('${b.id}', '${org.id}')`);
  const userA: Actor = { ...a, organisationIds: [org.id] };
  const userB: Actor = { ...b, organisationIds: [org.id] };
  if (options.fourEyes) await db.transaction((tx) => setFourEyes(tx, userA, org.id, [org.id], true));
  const { key } = await db.transaction((tx) =>
    createApiKey(tx, userA, {
      name: "Lønnssystem",
      scopes: ["read", "submit"],
      organisationIds: [org.id],
      expiresInDays: 30,
    }),
  );
  const auth = await authenticateApiKey(db, `Bearer ${key}`);
  if (!auth.ok) throw new Error("key not accepted");
  return { org, userA, userB, api: auth.caller };
}

const oarFields = (orgnr: string) => {
  const { oppdragsreferanse: _ref, ...fields } = testOppdrag(orgnr);
  return fields;
};
const leveranse = (orgnr: string) => ({
  ...generateLeveranse({ opplysningspliktig: orgnr, virksomhet: randomOrgnr(), persons: 2, kalendermaaned: "2026-09" }),
  meldingsId: randomUUID(),
});

async function currentVersion(submissionId: string) {
  const [row] = await db
    .select({ status: submissions.status, version: submissionVersions })
    .from(submissions)
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(eq(submissions.id, submissionId));
  if (!row) throw new Error("no submission");
  return row;
}

const auditActions = async (submissionId: string) =>
  (
    await db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "submission"), eq(auditLog.targetId, submissionId)))
      .orderBy(auditLog.id)
  ).map((r) => r.action);

describe("who did it: prepared-by and sent-by on every send path (real PostgreSQL)", () => {
  let t: Awaited<ReturnType<typeof team>>;
  beforeAll(async () => {
    t = await team({ fourEyes: false });
  });

  it("the OAR form, the builder and the import record the user as preparer and sender", async () => {
    const oar = await db.transaction((tx) =>
      saveOppdrag(tx, t.userA, { organisationId: t.org.id, intent: "submit", fields: oarFields(t.org.orgnr) }),
    );
    const builder = await db.transaction((tx) =>
      saveAmelding(tx, t.userA, { organisationId: t.org.id, intent: "submit", leveranse: leveranse(t.org.orgnr) }),
    );
    const imported = await saveImportText(db, t.userA, JSON.stringify({ leveranse: leveranse(t.org.orgnr) }), "submit");
    if (!imported.ok) throw new Error("import refused");
    for (const id of [oar.submissionId, builder.submissionId, imported.submissionId]) {
      const { status, version } = await currentVersion(id);
      expect(status).toBe("queued");
      expect(version).toMatchObject({ preparedBy: t.userA.id, preparedByApiKeyId: null, sentBy: t.userA.id });
      expect(version.sentAt).toBeInstanceOf(Date);
    }
  });

  it("a draft saved by one user and sent by another: the last saver prepared it, the sender sent it", async () => {
    const draft = await db.transaction((tx) =>
      saveOppdrag(tx, t.userA, { organisationId: t.org.id, intent: "draft", fields: oarFields(t.org.orgnr) }),
    );
    expect((await currentVersion(draft.submissionId)).version).toMatchObject({ preparedBy: t.userA.id, sentBy: null });
    await db.transaction((tx) =>
      sendCorrectedVersion(tx, t.userB, draft.submissionId, [t.org.id], "oar", {
        ...testOppdrag(t.org.orgnr),
        oppdragsreferanse: draft.oppdragsreferanse,
      }),
    );
    expect((await currentVersion(draft.submissionId)).version).toMatchObject({
      preparedBy: t.userB.id,
      sentBy: t.userB.id,
    });
  });

  it("through the API the key and its creator are recorded, and the resource returns them", async () => {
    const created = await db.transaction((tx) =>
      createFromApi(tx, t.api, {
        kind: "oar",
        intent: "submit",
        organisationId: t.org.id,
        oar: oarFields(t.org.orgnr),
      }),
    );
    expect(created).toMatchObject({ queued: true, awaitingApproval: false });
    expect((await currentVersion(created.submissionId)).version).toMatchObject({
      preparedBy: t.userA.id,
      preparedByApiKeyId: t.api.keyId,
      sentBy: t.userA.id,
      sentByApiKeyId: t.api.keyId,
    });
    const resource = await findApiSubmission(db, created.submissionId, [t.org.id]);
    expect(resource?.versions[0]).toMatchObject({
      preparedBy: { email: t.userA.email },
      preparedByApiKey: "Lønnssystem",
      sentBy: { email: t.userA.email },
      sentByApiKey: "Lønnssystem",
      approvalState: "not_required",
    });
  });
});

describe("four-eyes, enforced on the server on every send path (real PostgreSQL)", () => {
  it("a send by the preparer waits for approval; the preparer cannot approve; another user approves and sends", async () => {
    const t = await team({ fourEyes: true });
    const sent = await db.transaction((tx) =>
      saveOppdrag(tx, t.userA, { organisationId: t.org.id, intent: "submit", fields: oarFields(t.org.orgnr) }),
    );
    expect(sent).toMatchObject({ queued: false, awaitingApproval: true });
    const waiting = await currentVersion(sent.submissionId);
    expect(waiting.status).toBe("draft");
    expect(waiting.version.approvalRequestedAt).toBeInstanceOf(Date);
    expect(waiting.version.sentBy).toBeNull();
    const listed = await listSubmissions(db, [t.org.id], parseSubmissionListFilter({}));
    expect(listed.rows.find((r) => r.id === sent.submissionId)?.awaitingApproval).toBe(true);

    await expect(
      db.transaction((tx) => approveSubmission(tx, t.userA, sent.submissionId, [t.org.id])),
    ).rejects.toMatchObject({ code: "forbidden", messageKey: "fourEyes.errors.selfApproval" });
    expect((await currentVersion(sent.submissionId)).status).toBe("draft");

    await db.transaction((tx) => approveSubmission(tx, t.userB, sent.submissionId, [t.org.id]));
    const approved = await currentVersion(sent.submissionId);
    expect(approved.status).toBe("queued");
    expect(approved.version).toMatchObject({ preparedBy: t.userA.id, approvedBy: t.userB.id, sentBy: t.userB.id });
    expect(await auditActions(sent.submissionId)).toEqual([
      "submission.create_draft",
      "submission.approval_requested",
      "submission.approve",
    ]);
  });

  it("the builder and the import under four-eyes store and wait as well", async () => {
    const t = await team({ fourEyes: true });
    const builder = await db.transaction((tx) =>
      saveAmelding(tx, t.userA, { organisationId: t.org.id, intent: "submit", leveranse: leveranse(t.org.orgnr) }),
    );
    const imported = await saveImportText(db, t.userA, JSON.stringify({ leveranse: leveranse(t.org.orgnr) }), "submit");
    expect(builder).toMatchObject({ queued: false, awaitingApproval: true });
    expect(imported).toMatchObject({ ok: true, queued: false, awaitingApproval: true });
    for (const id of [builder.submissionId, imported.ok ? imported.submissionId : ""])
      expect((await currentVersion(id)).status).toBe("draft");
  });

  it("an API key counts as its creator: its send waits, its creator cannot approve, another user can", async () => {
    const t = await team({ fourEyes: true });
    const draft = await db.transaction((tx) =>
      createFromApi(tx, t.api, { kind: "oar", intent: "draft", organisationId: t.org.id, oar: oarFields(t.org.orgnr) }),
    );
    const submitted = await db.transaction((tx) => submitDraftFromApi(tx, t.api, draft.submissionId));
    expect(submitted).toMatchObject({ queued: false, awaitingApproval: true });
    expect((await findApiSubmission(db, draft.submissionId, [t.org.id]))?.versions[0]?.approvalState).toBe("awaiting");
    await expect(
      db.transaction((tx) => approveSubmission(tx, t.userA, draft.submissionId, [t.org.id])),
    ).rejects.toMatchObject({ messageKey: "fourEyes.errors.selfApproval" });
    await db.transaction((tx) => approveSubmission(tx, t.userB, draft.submissionId, [t.org.id]));
    expect((await currentVersion(draft.submissionId)).status).toBe("queued");
  });

  it("a retry, single or bulk, of a version never approved is refused to its preparer and allowed to another", async () => {
    const t = await team({ fourEyes: false });
    const queued = await db.transaction((tx) =>
      createSubmission(tx, t.userA, {
        organisationId: t.org.id,
        kind: "oar",
        subject: "OPP-1",
        payload: testOppdrag(t.org.orgnr),
        queue: true,
      }),
    );
    await db
      .update(submissions)
      .set({ status: "failed", lastErrorCode: "OAR_010" })
      .where(eq(submissions.id, queued.submissionId));
    // Turned on after the version was sent without approval.
    await db.transaction((tx) => setFourEyes(tx, t.userA, t.org.id, [t.org.id], true));

    await expect(
      db.transaction((tx) => retrySubmission(tx, t.userA, queued.submissionId, [t.org.id])),
    ).rejects.toMatchObject({ messageKey: "fourEyes.errors.selfSend" });
    const filter = { code: "OAR_010" };
    expect(await countBulkRetry(db, t.userA.id, [t.org.id], filter)).toBe(0);
    await expect(startBulkRetry(db, t.userA, [t.org.id], filter)).rejects.toMatchObject({
      messageKey: "errorGroups.bulk.nothingToRetry",
    });
    expect(await countBulkRetry(db, t.userB.id, [t.org.id], filter)).toBe(1);
    await db.transaction((tx) => retrySubmission(tx, t.userB, queued.submissionId, [t.org.id]));
    expect((await currentVersion(queued.submissionId)).status).toBe("queued");
  });

  it("a new version after an approval needs a new approval; a decline keeps a draft with its reason", async () => {
    const t = await team({ fourEyes: true });
    const first = await db.transaction((tx) =>
      saveOppdrag(tx, t.userA, { organisationId: t.org.id, intent: "submit", fields: oarFields(t.org.orgnr) }),
    );
    await db.transaction((tx) => approveSubmission(tx, t.userB, first.submissionId, [t.org.id]));
    await db.update(submissions).set({ status: "rejected" }).where(eq(submissions.id, first.submissionId));
    const corrected = await db.transaction((tx) =>
      saveOppdrag(tx, t.userA, {
        organisationId: t.org.id,
        submissionId: first.submissionId,
        intent: "submit",
        fields: oarFields(t.org.orgnr),
      }),
    );
    expect(corrected).toMatchObject({ queued: false, awaitingApproval: true });
    const second = await currentVersion(first.submissionId);
    expect(second).toMatchObject({ status: "draft", version: { versionNo: 2, approvedBy: null } });

    await db.transaction((tx) => declineApproval(tx, t.userB, first.submissionId, [t.org.id], "Feil beløp"));
    expect((await currentVersion(first.submissionId)).version).toMatchObject({
      declinedBy: t.userB.id,
      declineReason: "Feil beløp",
    });
    await expect(
      db.transaction((tx) => approveSubmission(tx, t.userB, first.submissionId, [t.org.id])),
    ).rejects.toMatchObject({ messageKey: "fourEyes.errors.notAwaiting" });
  });

  it("an approval and its audit entry commit together, or neither does", async () => {
    const t = await team({ fourEyes: true });
    const sent = await db.transaction((tx) =>
      saveOppdrag(tx, t.userA, { organisationId: t.org.id, intent: "submit", fields: oarFields(t.org.orgnr) }),
    );
    await expect(
      db.transaction(async (tx) => {
        await approveSubmission(tx, t.userB, sent.submissionId, [t.org.id]);
        throw new Error("after the approval, before the commit");
      }),
    ).rejects.toThrow("before the commit");
    expect((await currentVersion(sent.submissionId)).version.approvedBy).toBeNull();
    expect(await auditActions(sent.submissionId)).not.toContain("submission.approve");
  });

  it("the setting is changed only for the caller's organisations, and audited (from, to) when it changes", async () => {
    const t = await team({ fourEyes: false });
    const other = await createTestOrganisation(db, null);
    await expect(
      db.transaction((tx) => setFourEyes(tx, t.userA, other.id, t.userA.organisationIds, true)),
    ).rejects.toMatchObject({ code: "not_found" });
    await db.transaction((tx) => setFourEyes(tx, t.userA, t.org.id, [t.org.id], true));
    await db.transaction((tx) => setFourEyes(tx, t.userA, t.org.id, [t.org.id], true));
    const entries = await db
      .select({ details: auditLog.details, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, "organisation.set_four_eyes"), eq(auditLog.targetId, t.org.id)));
    expect(entries).toEqual([
      { actorId: t.userA.id, details: { orgnr: t.org.orgnr, fourEyes: true, fromFourEyes: false } },
    ]);
  });
});
