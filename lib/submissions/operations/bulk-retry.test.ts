import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, bulkOperationMembers, bulkOperations, submissions } from "@/lib/db/schema";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { testOppdrag, testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { deliverSubmission } from "../engine/deliver";
import { errorGroupListFilter, listErrorGroups } from "../queries/error-groups";
import { parseSubmissionListFilter, type SubmissionListFilter } from "../queries/list-filter";
import { listSubmissions, SUBMISSION_PAGE_SIZE } from "../queries/list-submissions";
import { findSubmissionWithHistory } from "../queries/submission-history";
import { countBulkRetry, getBulkOperationProgress, startBulkRetry } from "./bulk-retry";
import { createSubmission } from "./operations";

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;

beforeAll(async () => {
  h = await startEngineHarness(db, { organisations: 2, delivery: { maxAttempts: 2 } });
});
afterAll(() => h.close());
beforeEach(() => h.skatteetaten.clearFaults());

const orgIds = () => h.orgs.map((o) => o.id);

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

/** Delivers until the engine settles, making each scheduled retry due at once instead of waiting. */
async function deliverUntilSettled(submissionId: string) {
  for (;;) {
    const result = await deliverSubmission(h.deps, submissionId);
    if (result.outcome !== "retrying") return result.outcome;
    await db
      .update(submissions)
      .set({ nextAttemptAt: new Date(Date.now() - 1) })
      .where(eq(submissions.id, submissionId));
  }
}

/** Failed submissions made directly in the database, for rules that do not need a delivery. */
async function failedSubmissions(organisationId: string, n: number, code = "OAR_006") {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await db.transaction((tx) =>
      createSubmission(tx, h.user, {
        organisationId,
        kind: "oar",
        subject: `OPP-${i}`,
        payload: testPayload("oar"),
        queue: false,
      }),
    );
    ids.push(c.submissionId);
  }
  await db.update(submissions).set({ status: "failed", lastErrorCode: code }).where(inArray(submissions.id, ids));
  return ids;
}

const statusOf = async (ids: string[]) =>
  (await db.select({ status: submissions.status }).from(submissions).where(inArray(submissions.id, ids))).map(
    (r) => r.status,
  );

describe("bulk retry against the sandbox over HTTP", () => {
  it("groups failures from a sandbox fault, retries the whole group once it is cleared, and each is processed once with its key", async () => {
    // A backend failure under its main code, answered to every request, until cleared.
    h.skatteetaten.setFaults([{ kind: "status", status: 500, code: "OAR_1009", count: Infinity }]);
    const created = [await queueOppdrag(0), await queueOppdrag(1), await queueOppdrag(1)];
    for (const c of created) expect(await deliverUntilSettled(c.submissionId)).toBe("failed");
    // A rejection in the same organisations is a group of its own and is never retried.
    h.skatteetaten.setFaults([{ kind: "status", status: 400, code: "OAR_005", count: 1 }]);
    const rejected = await queueOppdrag(0);
    expect(await deliverUntilSettled(rejected.submissionId)).toBe("rejected");

    const groups = await listErrorGroups(db, orgIds());
    const group = groups.find((g) => g.code === "OAR_010" && g.specCode === "OAR_1009")!;
    expect(group).toMatchObject({ status: "failed", count: 3, organisationCount: 2, retryable: true });
    expect(groups.find((g) => g.code === "OAR_005")).toMatchObject({ status: "rejected", count: 1, retryable: false });

    const filter = parseSubmissionListFilter(errorGroupListFilter(group));
    expect(await countBulkRetry(db, h.user.id, orgIds(), filter)).toBe(3);

    h.skatteetaten.clearFaults();
    const support = await createTestUser(db, "support");
    const { operationId, submissionIds } = await startBulkRetry(db, support, orgIds(), filter, { confirmedCount: 3 });
    expect(submissionIds.sort()).toEqual(created.map((c) => c.submissionId).sort());
    expect(await statusOf(submissionIds)).toEqual(["queued", "queued", "queued"]);
    expect(await getBulkOperationProgress(db, operationId, orgIds())).toMatchObject({
      status: "running",
      total: 3,
      succeeded: 0,
      failed: 0,
      pending: 3,
      finishedAt: null,
    });

    // One audit entry for the operation, naming its members.
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "submission.bulk_retry"), eq(auditLog.targetId, operationId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: support.id, targetType: "bulk_operation", organisationId: null });
    // It concerns both organisations, so only readers with both see it (lib/audit/queries.ts).
    expect([...audit[0]!.organisationIds].sort()).toEqual([...orgIds()].sort());
    expect((audit[0]!.details as { submissionIds: string[] }).submissionIds.sort()).toEqual([...submissionIds].sort());

    for (const id of submissionIds) expect(await deliverUntilSettled(id)).toBe("accepted");
    const progress = await getBulkOperationProgress(db, operationId, orgIds());
    expect(progress).toMatchObject({ status: "done", total: 3, succeeded: 3, failed: 0, pending: 0 });
    expect(progress!.finishedAt).toBeInstanceOf(Date);

    for (const c of created) {
      const s = (await findSubmissionWithHistory(db, c.submissionId, orgIds()))!;
      expect(s.status).toBe("accepted");
      expect(s.attempts.map((a) => a.outcome)).toEqual(["retryable_error", "retryable_error", "accepted"]);
      expect(new Set(s.attempts.map((a) => a.idempotencyKey))).toEqual(new Set([c.idempotencyKey]));
      expect(new Set(s.attempts.map((a) => a.requestBody)).size).toBe(1);
      expect(h.skatteetaten.processedCount({ idempotencyKey: c.idempotencyKey })).toBe(1);
    }
    expect((await findSubmissionWithHistory(db, rejected.submissionId, orgIds()))!.status).toBe("rejected");

    // The list shows the operation's members by outcome.
    const members = (q: Record<string, string | string[]>) =>
      listSubmissions(db, orgIds(), parseSubmissionListFilter({ bulk: operationId, ...q })).then((r) => r.rows.length);
    expect(await members({ status: "accepted" })).toBe(3);
    expect(await members({ status: ["failed", "rejected", "conflict"] })).toBe(0);
  });

  it("counts members that fail again as failed", async () => {
    h.skatteetaten.setFaults([
      { kind: "status", status: 503, code: "OAR_010", count: Infinity, orgnr: h.orgs[0]!.orgnr },
    ]);
    const a = await queueOppdrag(0);
    expect(await deliverUntilSettled(a.submissionId)).toBe("failed");
    const { operationId } = await startBulkRetry(
      db,
      h.user,
      [h.orgs[0]!.id],
      parseSubmissionListFilter({ org: h.orgs[0]!.id, code: "OAR_010" }),
    );
    expect(await deliverUntilSettled(a.submissionId)).toBe("failed");
    expect(await getBulkOperationProgress(db, operationId, orgIds())).toMatchObject({
      status: "done",
      succeeded: 0,
      failed: 1,
      pending: 0,
    });
  });
});

describe("bulk retry rules (real PostgreSQL)", () => {
  it("takes the whole filtered set, not one page, and only what a single retry accepts", async () => {
    const org = await createTestOrganisation(db, h.user.id);
    const failed = await failedSubmissions(org.id, SUBMISSION_PAGE_SIZE + 5, "OAR_010");
    const [rejected] = await failedSubmissions(org.id, 1, "OAR_010");
    await db.update(submissions).set({ status: "rejected" }).where(eq(submissions.id, rejected!));
    const firstPage = await listSubmissions(db, [org.id], parseSubmissionListFilter({ code: "OAR_010" }));
    expect(firstPage.nextCursor).not.toBeNull();

    const filter = parseSubmissionListFilter({ code: "OAR_010", cursor: firstPage.nextCursor! });
    expect(await countBulkRetry(db, h.user.id, [org.id], filter)).toBe(failed.length);
    const { operationId, submissionIds } = await startBulkRetry(db, h.user, [org.id], filter);
    expect(submissionIds.sort()).toEqual([...failed].sort());
    expect(await statusOf([rejected!])).toEqual(["rejected"]);
    const [operation] = await db.select().from(bulkOperations).where(eq(bulkOperations.id, operationId));
    expect(operation).toMatchObject({
      kind: "retry_same_key",
      total: failed.length,
      filter: { code: "OAR_010" },
      createdBy: h.user.id,
    });
    // Within one organisation, the audit entry is listed under it.
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, operationId));
    expect(audit!.organisationId).toBe(org.id);
  });

  it("refuses a set larger than the bound, an empty set, and a count other than the one confirmed, changing nothing", async () => {
    const org = await createTestOrganisation(db, h.user.id);
    const ids = await failedSubmissions(org.id, 3);
    const filter: SubmissionListFilter = parseSubmissionListFilter({ org: org.id });
    const membersBefore = await db
      .select()
      .from(bulkOperationMembers)
      .where(inArray(bulkOperationMembers.submissionId, ids));

    await expect(startBulkRetry(db, h.user, [org.id], filter, { limit: 2 })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "errorGroups.bulk.tooMany",
    });
    await expect(startBulkRetry(db, h.user, [org.id], filter, { confirmedCount: 2 })).rejects.toMatchObject({
      messageKey: "errorGroups.bulk.countChanged",
    });
    await expect(
      startBulkRetry(db, h.user, [org.id], parseSubmissionListFilter({ org: org.id, status: "rejected" })),
    ).rejects.toMatchObject({
      messageKey: "errorGroups.bulk.nothingToRetry",
    });
    expect(await statusOf(ids)).toEqual(["failed", "failed", "failed"]);
    expect(await db.select().from(bulkOperationMembers).where(inArray(bulkOperationMembers.submissionId, ids))).toEqual(
      membersBefore,
    );

    const { submissionIds } = await startBulkRetry(db, h.user, [org.id], filter, { limit: 3, confirmedCount: 3 });
    expect(submissionIds).toHaveLength(3);
  });

  it("never reaches organisations the user has not been granted", async () => {
    const mine = await createTestOrganisation(db, h.user.id);
    const theirs = await createTestOrganisation(db, null);
    const own = await failedSubmissions(mine.id, 2, "OAR_006");
    const other = await failedSubmissions(theirs.id, 2, "OAR_006");
    const filter = parseSubmissionListFilter({ code: "OAR_006", org: theirs.id });
    expect(await countBulkRetry(db, h.user.id, [mine.id], filter)).toBe(0);
    await expect(startBulkRetry(db, h.user, [mine.id], filter)).rejects.toMatchObject({
      messageKey: "errorGroups.bulk.nothingToRetry",
    });

    const { operationId, submissionIds } = await startBulkRetry(
      db,
      h.user,
      [mine.id],
      parseSubmissionListFilter({ code: "OAR_006" }),
    );
    expect(submissionIds.sort()).toEqual([...own].sort());
    expect(await statusOf(other)).toEqual(["failed", "failed"]);
    expect(await getBulkOperationProgress(db, operationId, [theirs.id])).toBeNull();
    expect(await getBulkOperationProgress(db, operationId, [mine.id])).toMatchObject({ total: 2, pending: 2 });
  });
});
