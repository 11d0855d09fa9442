import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { SafeError } from "@/lib/actions/action-result";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { DbOrTx } from "@/lib/db/client";
import { submissions, submissionVersions, type ReportKind, type SubmissionStatus } from "@/lib/db/schema";
import { assertSystemUserAccepted } from "@/lib/system-users/submission-guard";

/**
 * Statuses from which "Retry (same key)" makes sense: the engine gave up after transient errors.
 * A submission still retrying on its own shows when its next attempt is.
 */
export const RETRYABLE_STATUSES: SubmissionStatus[] = ["failed"];
/** Statuses from which a corrected version (new key) may be sent. */
export const CORRECTABLE_STATUSES: SubmissionStatus[] = ["draft", "rejected", "failed", "conflict"];

/**
 * A payload the database builds itself, from what the caller has put there in the same
 * transaction. An imported A-melding of up to 50 MB goes so (import-leveranse.ts): the web
 * server's event loop never builds it as objects nor holds all of its text.
 */
export class PayloadInDatabase {
  constructor(readonly expression: SQL) {}
}

export async function createSubmission(
  tx: DbOrTx,
  actor: AuditActor,
  input: {
    organisationId: string;
    kind: ReportKind;
    subject: string;
    payload: Record<string, unknown> | PayloadInDatabase;
    queue: boolean;
    /** A-melding: the accepted submission this one replaces (its payload names it in erstatterMeldingsId). */
    replacesSubmissionId?: string;
  },
) {
  if (input.queue) await assertSystemUserAccepted(tx, input.organisationId);
  const now = new Date();
  // The version id is chosen here so the submission row points at it from the start.
  const versionId = randomUUID();
  const [submission] = await tx
    .insert(submissions)
    .values({
      currentVersionId: versionId,
      organisationId: input.organisationId,
      kind: input.kind,
      subject: input.subject,
      status: input.queue ? "queued" : "draft",
      queuedAt: input.queue ? now : null,
      nextAttemptAt: input.queue ? now : null,
      createdBy: actor?.id ?? null,
      replacesSubmissionId: input.replacesSubmissionId ?? null,
    })
    .returning();
  const [version] = await tx
    .insert(submissionVersions)
    .values({
      id: versionId,
      submissionId: submission!.id,
      versionNo: 1,
      payload: input.payload instanceof PayloadInDatabase ? input.payload.expression : input.payload,
      idempotencyKey: randomUUID(),
      createdBy: actor?.id ?? null,
    })
    // Not the payload: it can be large, and the caller has it.
    .returning({ id: submissionVersions.id, idempotencyKey: submissionVersions.idempotencyKey });
  await recordAudit(tx, actor, {
    action: input.queue ? "submission.submit" : "submission.create_draft",
    targetType: "submission",
    targetId: submission!.id,
    organisationId: input.organisationId,
    details: {
      kind: input.kind,
      subject: input.subject,
      versionNo: 1,
      idempotencyKey: version!.idempotencyKey,
      ...(input.replacesSubmissionId ? { replacesSubmissionId: input.replacesSubmissionId } : {}),
    },
  });
  return { submissionId: submission!.id, versionId: version!.id, idempotencyKey: version!.idempotencyKey };
}

async function lockSubmission(tx: DbOrTx, submissionId: string, organisationIds: string[]) {
  const [row] = await tx
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, submissionId), inArray(submissions.organisationId, organisationIds)))
    .for("update");
  if (!row) throw new SafeError("not_found", "errors.notFound");
  return row;
}

/**
 * Puts retryable submissions back in the queue with their current version, so the worker sends
 * the SAME idempotency key and body again; a fresh `queuedAt` starts a new round of attempts.
 * Only rows still in a retryable status change. The caller locks the rows and writes the audit.
 */
export async function requeueWithSameKey(tx: DbOrTx, submissionIds: string[]) {
  if (submissionIds.length === 0) return;
  await tx
    .update(submissions)
    .set({ status: "queued", queuedAt: sql`now()`, nextAttemptAt: sql`now()`, statusReason: null, updatedAt: sql`now()` })
    .where(and(inArray(submissions.id, submissionIds), inArray(submissions.status, RETRYABLE_STATUSES)));
}

/** Queues the current version again with the SAME idempotency key and body. */
export async function retrySubmission(tx: DbOrTx, actor: AuditActor, submissionId: string, organisationIds: string[]) {
  const row = await lockSubmission(tx, submissionId, organisationIds);
  if (!RETRYABLE_STATUSES.includes(row.status)) throw new SafeError("conflict", "errors.notRetryable");
  await assertSystemUserAccepted(tx, row.organisationId);
  await requeueWithSameKey(tx, [submissionId]);
  await recordAudit(tx, actor, {
    action: "submission.retry",
    targetType: "submission",
    targetId: submissionId,
    organisationId: row.organisationId,
    details: { fromStatus: row.status, versionId: row.currentVersionId },
  });
  return { submissionId };
}

/** Adds a corrected version with a NEW idempotency key and queues it; earlier versions stay. */
export async function sendCorrectedVersion(
  tx: DbOrTx,
  actor: AuditActor,
  submissionId: string,
  organisationIds: string[],
  payload: Record<string, unknown>,
  options: { queue: boolean } = { queue: true },
) {
  const row = await lockSubmission(tx, submissionId, organisationIds);
  if (!CORRECTABLE_STATUSES.includes(row.status)) throw new SafeError("conflict", "errors.notCorrectable");
  if (options.queue) await assertSystemUserAccepted(tx, row.organisationId);
  const [latest] = await tx
    .select({ versionNo: submissionVersions.versionNo })
    .from(submissionVersions)
    .where(eq(submissionVersions.submissionId, submissionId))
    .orderBy(desc(submissionVersions.versionNo))
    .limit(1);
  const [version] = await tx
    .insert(submissionVersions)
    .values({
      submissionId,
      versionNo: (latest?.versionNo ?? 0) + 1,
      payload,
      idempotencyKey: randomUUID(),
      createdBy: actor?.id ?? null,
    })
    .returning();
  await tx
    .update(submissions)
    .set({
      currentVersionId: version!.id,
      status: options.queue ? "queued" : "draft",
      queuedAt: options.queue ? sql`now()` : null,
      nextAttemptAt: options.queue ? sql`now()` : null,
      lastErrorCode: null,
      statusReason: null,
      updatedAt: sql`now()`,
    })
    .where(eq(submissions.id, submissionId));
  await recordAudit(tx, actor, {
    action: "submission.send_corrected_version",
    targetType: "submission",
    targetId: submissionId,
    organisationId: row.organisationId,
    details: { fromStatus: row.status, versionNo: version!.versionNo, idempotencyKey: version!.idempotencyKey },
  });
  return { submissionId, versionId: version!.id, idempotencyKey: version!.idempotencyKey };
}
