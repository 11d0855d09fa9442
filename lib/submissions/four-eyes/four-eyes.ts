import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { SafeError } from "@/lib/actions/action-result";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertPermission, type Principal } from "@/lib/auth/assert-permission";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, submissions, submissionVersions } from "@/lib/db/schema";
import { assertSystemUserAccepted } from "@/lib/system-users/submission-guard";
import { queueNowColumns } from "../operations/queue-now";

/*
 * Who did it, and the four-eyes rule (docs/four-eyes.md). Every path that queues a version goes
 * through lib/submissions/operations/operations.ts (createSubmission, sendCorrectedVersion,
 * retrySubmission) or the bulk retry, and each asks this module. An API key acts as its creator.
 */

/** Whether the organisation's versions need a second person before they are sent. */
export async function isFourEyesOn(tx: DbOrTx, organisationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ fourEyes: organisations.fourEyes })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.fourEyes ?? false;
}

/**
 * The columns a version gets whenever its content is saved: the actor is its preparer, and any
 * approval asked for, given or declined concerned other content, so it is gone.
 */
export function preparedByColumns(actor: AuditUser, approvalRequested: boolean) {
  return {
    preparedBy: actor.id,
    preparedByApiKeyId: actor.apiKeyId ?? null,
    approvalRequestedAt: approvalRequested ? sql`now()` : null,
    approvedBy: null,
    approvedAt: null,
    declinedBy: null,
    declinedAt: null,
    declineReason: null,
  };
}

/** The columns a version gets when it is queued for its first send. */
export function sentByColumns(actor: AuditUser) {
  return { sentBy: actor.id, sentByApiKeyId: actor.apiKeyId ?? null, sentAt: sql`now()` };
}

/**
 * A retry sends a version already queued once. Under four-eyes a version never approved (queued
 * before the rule was turned on) goes again only when someone other than its preparer asks.
 */
export function mayRetryUnderFourEyes(
  version: { preparedBy: string | null; approvedBy: string | null },
  fourEyes: boolean,
  actor: AuditUser,
) {
  return !fourEyes || version.approvedBy !== null || version.preparedBy !== actor.id;
}

/** The submission and its current version, locked, when that version awaits approval. */
async function lockAwaitingApproval(tx: DbOrTx, submissionId: string, organisationIds: string[]) {
  const [row] = await tx
    .select({
      submissionId: submissions.id,
      organisationId: submissions.organisationId,
      status: submissions.status,
      versionId: submissionVersions.id,
      versionNo: submissionVersions.versionNo,
      idempotencyKey: submissionVersions.idempotencyKey,
      preparedBy: submissionVersions.preparedBy,
      approvalRequestedAt: submissionVersions.approvalRequestedAt,
      approvedAt: submissionVersions.approvedAt,
      declinedAt: submissionVersions.declinedAt,
    })
    .from(submissions)
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(and(eq(submissions.id, submissionId), inArray(submissions.organisationId, organisationIds)))
    .for("update", { of: submissions });
  if (!row) throw new SafeError("not_found", "errors.notFound");
  if (row.status !== "draft" || !row.approvalRequestedAt || row.approvedAt || row.declinedAt)
    throw new SafeError("conflict", "fourEyes.errors.notAwaiting");
  return row;
}

/** Refuses the preparer (or the key of the preparer) deciding on their own version. */
function assertNotPreparer(actor: AuditUser, preparedBy: string | null) {
  if (preparedBy === actor.id) throw new SafeError("forbidden", "fourEyes.errors.selfApproval");
}

/**
 * Approves the current version awaiting approval and queues it: the approver is its sender.
 * A correction (version 2 onwards) needs submission:resend, as sending it directly would.
 */
export async function approveSubmission(
  tx: DbOrTx,
  actor: AuditUser & Principal,
  submissionId: string,
  organisationIds: string[],
) {
  const row = await lockAwaitingApproval(tx, submissionId, organisationIds);
  assertNotPreparer(actor, row.preparedBy);
  if (row.versionNo > 1) assertPermission(actor, "submission:resend");
  await assertSystemUserAccepted(tx, row.organisationId);
  await tx
    .update(submissionVersions)
    .set({ approvedBy: actor.id, approvedAt: sql`now()`, ...sentByColumns(actor) })
    .where(eq(submissionVersions.id, row.versionId));
  await tx
    .update(submissions)
    .set({ ...queueNowColumns(), lastErrorCode: null })
    .where(eq(submissions.id, row.submissionId));
  await recordAudit(tx, userActor(actor), {
    action: "submission.approve",
    targetType: "submission",
    targetId: row.submissionId,
    organisationIds: [row.organisationId],
    details: { versionNo: row.versionNo, idempotencyKey: row.idempotencyKey, preparedBy: row.preparedBy },
  });
  return { submissionId: row.submissionId };
}

/** Declines the current version awaiting approval, with a reason the preparer sees; it stays a draft. */
export async function declineApproval(
  tx: DbOrTx,
  actor: AuditUser & Principal,
  submissionId: string,
  organisationIds: string[],
  reason: string,
) {
  const row = await lockAwaitingApproval(tx, submissionId, organisationIds);
  assertNotPreparer(actor, row.preparedBy);
  await tx
    .update(submissionVersions)
    .set({ declinedBy: actor.id, declinedAt: sql`now()`, declineReason: reason })
    .where(eq(submissionVersions.id, row.versionId));
  await tx.update(submissions).set({ updatedAt: sql`now()` }).where(eq(submissions.id, row.submissionId));
  await recordAudit(tx, userActor(actor), {
    action: "submission.decline_approval",
    targetType: "submission",
    targetId: row.submissionId,
    organisationIds: [row.organisationId],
    details: { versionNo: row.versionNo, declineReason: reason },
  });
  return { submissionId: row.submissionId };
}

/** Turns the organisation's four-eyes rule on or off (the caller checked organisation:manage). */
export async function setFourEyes(
  tx: DbOrTx,
  actor: AuditUser,
  organisationId: string,
  organisationIds: string[],
  fourEyes: boolean,
) {
  const [row] = await tx
    .select({ orgnr: organisations.orgnr, fourEyes: organisations.fourEyes })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), inArray(organisations.id, organisationIds)))
    .for("update");
  if (!row) throw new SafeError("not_found", "errors.notFound");
  if (row.fourEyes === fourEyes) return { organisationId, fourEyes };
  await tx.update(organisations).set({ fourEyes }).where(eq(organisations.id, organisationId));
  await recordAudit(tx, userActor(actor), {
    action: "organisation.set_four_eyes",
    targetType: "organisation",
    targetId: organisationId,
    organisationIds: [organisationId],
    details: { orgnr: row.orgnr, fourEyes, fromFourEyes: row.fourEyes },
  });
  return { organisationId, fourEyes };
}

/** The four-eyes setting of each of the caller's organisations, by name. */
export function listFourEyesSettings(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      orgnr: organisations.orgnr,
      fourEyes: organisations.fourEyes,
    })
    .from(organisations)
    .where(inArray(organisations.id, organisationIds))
    .orderBy(asc(organisations.name));
}
