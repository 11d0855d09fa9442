import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { SafeError } from "@/lib/actions/action-result";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertPermission, type Principal } from "@/lib/auth/assert-permission";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import {
  deliveryAttempts,
  type ReportKind,
  type SubmissionStatus,
  submissions,
  submissionVersions,
} from "@/lib/db/schema";
import { writeOarObligations } from "@/lib/oppdrag/oar-obligations";
import { assertSystemUserAccepted } from "@/lib/system-users/submission-guard";
import { isLeaseOver } from "../engine/due-rule";
import { isFourEyesOn, mayRetryUnderFourEyes, preparedByColumns, sentByColumns } from "../four-eyes/four-eyes";
import { oarListColumns } from "../oar-list-columns";
import { payloadFitsKind, type StoredPayload } from "../payload-kind";
import { indexSubmissionVersion } from "../search/search-index";
import { queueNowColumns } from "./queue-now";

/**
 * Statuses from which "Retry (same key)" makes sense: the engine gave up after transient errors.
 * A submission still retrying on its own shows when its next attempt is.
 */
export const RETRYABLE_STATUSES: SubmissionStatus[] = ["failed"];
/** Statuses from which a corrected version (new key) may be sent. */
export const CORRECTABLE_STATUSES: SubmissionStatus[] = ["draft", "rejected", "failed", "conflict"];
/**
 * Statuses from which a submission may be cancelled: every one that has not ended, and the ended
 * unsuccessful ones (so they can be put aside). `sending` only once its lease has run out, i.e.
 * its worker is gone; while a request is under way its answer decides.
 */
export const CANCELLABLE_STATUSES: SubmissionStatus[] = [
  "draft",
  "queued",
  "retrying",
  "failed",
  "rejected",
  "conflict",
  "sending",
];

/** Whether a submission in this state may be cancelled now (see CANCELLABLE_STATUSES). */
export function isCancellable(row: { status: SubmissionStatus; leaseUntil: Date | null }, now = new Date()) {
  if (row.status === "sending") return isLeaseOver(row, now);
  return CANCELLABLE_STATUSES.includes(row.status);
}

/**
 * A payload the database builds itself, from what the caller has put there in the same
 * transaction. An imported A-melding of up to 50 MB goes so (import-leveranse.ts): the web
 * server's event loop never builds it as objects nor holds all of its text. Its producer has
 * validated it as a report of `kind` with the full schema, which covers payloadFitsKind.
 */
export class PayloadInDatabase {
  constructor(
    readonly kind: ReportKind,
    readonly expression: SQL,
  ) {}
}

/**
 * Refuses a payload that is not a report of the submission's kind, before anything is queued. A
 * draft holds whatever was filled in (its caller parsed it with the kind's lenient draft schema,
 * lib/oppdrag/oppdrag-draft-schema.ts, lib/amelding/leveranse-draft-schema.ts), so it is checked
 * when it is sent, not when it is saved; the submission row's kind keeps drafts of kinds apart.
 */
function assertPayloadFitsKind(
  kind: ReportKind,
  payload: Record<string, unknown> | PayloadInDatabase,
  queue: boolean,
): asserts payload is StoredPayload | PayloadInDatabase {
  if (!queue && !(payload instanceof PayloadInDatabase)) return;
  const fits = payload instanceof PayloadInDatabase ? payload.kind === kind : payloadFitsKind(kind, payload);
  if (!fits) throw new SafeError("validation", "errors.payloadWrongKind");
}

/** What an editor holds of the draft it loaded: the current version and how often it was saved over. */
export function draftToken(version: { id: string; revision: number }) {
  return `${version.id}:${version.revision}`;
}

/**
 * Refuses to save over a submission whose current version is not the one the editor loaded
 * (another tab or user saved since): nothing is written, and the answer says so, rather than
 * one silently overwriting the other.
 */
async function assertDraftToken(tx: DbOrTx, row: { currentVersionId: string | null }, expected: string | undefined) {
  if (expected === undefined || !row.currentVersionId) return;
  const [current] = await tx
    .select({ id: submissionVersions.id, revision: submissionVersions.revision })
    .from(submissionVersions)
    .where(eq(submissionVersions.id, row.currentVersionId));
  if (!current || draftToken(current) !== expected) throw new SafeError("conflict", "drafts.changedElsewhere");
}

/**
 * A version that was never sent takes new content in place; its revision moves on, so a draft
 * token read before (draftToken) no longer matches. Its idempotency key was never used. The one
 * saving is its preparer now, and an approval asked for earlier concerned other content.
 */
function overwriteUnsentVersion(
  tx: DbOrTx,
  actor: AuditUser,
  versionId: string,
  payload: Record<string, unknown>,
  send: SendDecision,
) {
  return tx
    .update(submissionVersions)
    .set({
      payload: payload as StoredPayload,
      revision: sql`${submissionVersions.revision} + 1`,
      ...preparedByColumns(actor, send.awaitingApproval),
      ...(send.queued ? sentByColumns(actor) : {}),
    })
    .where(eq(submissionVersions.id, versionId))
    .returning();
}

/**
 * What a request to send becomes: queued, or, under the organisation's four-eyes rule, saved and
 * awaiting another user's approval (docs/four-eyes.md). The one asking is always the version's
 * preparer on these paths, so with the rule on nothing they save leaves without an approval.
 */
type SendDecision = { queued: boolean; awaitingApproval: boolean };
async function decideSend(tx: DbOrTx, organisationId: string, queue: boolean): Promise<SendDecision> {
  if (!queue) return { queued: false, awaitingApproval: false };
  const fourEyes = await isFourEyesOn(tx, organisationId);
  return { queued: !fourEyes, awaitingApproval: fourEyes };
}

/**
 * Creates a submission (draft or queued). A replacement of an accepted A-melding is a resend and
 * needs submission:resend, checked here for every path that creates one (builder, import).
 */
export async function createSubmission(
  tx: DbOrTx,
  actor: AuditUser & Principal,
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
  assertPayloadFitsKind(input.kind, input.payload, input.queue);
  if (input.replacesSubmissionId) {
    assertPermission(actor, "submission:resend");
    await assertReplaceable(tx, input.replacesSubmissionId, input.organisationId, input.kind);
  }
  if (input.queue) await assertSystemUserAccepted(tx, input.organisationId);
  const send = await decideSend(tx, input.organisationId, input.queue);
  const now = new Date();
  // The version id is chosen here so the submission row points at it from the start.
  const versionId = randomUUID();
  const submission = firstRow(
    await tx
      .insert(submissions)
      .values({
        currentVersionId: versionId,
        organisationId: input.organisationId,
        kind: input.kind,
        subject: input.subject,
        status: send.queued ? "queued" : "draft",
        queuedAt: send.queued ? now : null,
        nextAttemptAt: send.queued ? now : null,
        createdBy: actor.id,
        replacesSubmissionId: input.replacesSubmissionId ?? null,
        // A payload built in the database is an imported A-melding, which has none of these.
        ...oarListColumns(input.kind, input.payload instanceof PayloadInDatabase ? null : input.payload),
      })
      .returning(),
  );
  const version = firstRow(
    await tx
      .insert(submissionVersions)
      .values({
        id: versionId,
        submissionId: submission.id,
        versionNo: 1,
        payload: input.payload instanceof PayloadInDatabase ? input.payload.expression : input.payload,
        idempotencyKey: randomUUID(),
        createdBy: actor.id,
        ...preparedByColumns(actor, send.awaitingApproval),
        ...(send.queued ? sentByColumns(actor) : {}),
      })
      // Not the payload: it can be large, and the caller has it.
      .returning({
        id: submissionVersions.id,
        idempotencyKey: submissionVersions.idempotencyKey,
        revision: submissionVersions.revision,
      }),
  );
  await indexSubmissionVersion(tx, version.id);
  await writeOarObligations(tx, version.id);
  await recordAudit(tx, userActor(actor), {
    action: send.queued ? "submission.submit" : "submission.create_draft",
    targetType: "submission",
    targetId: submission.id,
    organisationIds: [input.organisationId],
    details: {
      kind: input.kind,
      subject: input.subject,
      versionNo: 1,
      idempotencyKey: version.idempotencyKey,
      ...(input.replacesSubmissionId ? { replacesSubmissionId: input.replacesSubmissionId } : {}),
    },
  });
  if (send.awaitingApproval) await auditApprovalRequested(tx, actor, submission.id, input.organisationId, 1, version);
  return {
    submissionId: submission.id,
    versionId: version.id,
    idempotencyKey: version.idempotencyKey,
    draftToken: draftToken(version),
    ...send,
  };
}

function auditApprovalRequested(
  tx: DbOrTx,
  actor: AuditUser,
  submissionId: string,
  organisationId: string,
  versionNo: number,
  version: { idempotencyKey: string },
) {
  return recordAudit(tx, userActor(actor), {
    action: "submission.approval_requested",
    targetType: "submission",
    targetId: submissionId,
    organisationIds: [organisationId],
    details: { versionNo, idempotencyKey: version.idempotencyKey },
  });
}

/** A replacement names a submission of the same organisation and kind. */
async function assertReplaceable(tx: DbOrTx, replacesSubmissionId: string, organisationId: string, kind: ReportKind) {
  const [replaced] = await tx
    .select({ kind: submissions.kind })
    .from(submissions)
    .where(and(eq(submissions.id, replacesSubmissionId), eq(submissions.organisationId, organisationId)));
  if (!replaced || replaced.kind !== kind) throw new SafeError("not_found", "errors.notFound");
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
    .set(queueNowColumns())
    .where(and(inArray(submissions.id, submissionIds), inArray(submissions.status, RETRYABLE_STATUSES)));
}

/** Queues the current version again with the SAME idempotency key and body. */
export async function retrySubmission(tx: DbOrTx, actor: AuditUser, submissionId: string, organisationIds: string[]) {
  const row = await lockSubmission(tx, submissionId, organisationIds);
  if (!RETRYABLE_STATUSES.includes(row.status)) throw new SafeError("conflict", "errors.notRetryable");
  const [version] = row.currentVersionId
    ? await tx
        .select({ preparedBy: submissionVersions.preparedBy, approvedBy: submissionVersions.approvedBy })
        .from(submissionVersions)
        .where(eq(submissionVersions.id, row.currentVersionId))
    : [];
  if (version && !mayRetryUnderFourEyes(version, await isFourEyesOn(tx, row.organisationId), actor))
    throw new SafeError("forbidden", "fourEyes.errors.selfSend");
  await assertSystemUserAccepted(tx, row.organisationId);
  await requeueWithSameKey(tx, [submissionId]);
  await recordAudit(tx, userActor(actor), {
    action: "submission.retry",
    targetType: "submission",
    targetId: submissionId,
    organisationIds: [row.organisationId],
    details: { fromStatus: row.status, versionId: row.currentVersionId },
  });
  return { submissionId };
}

/**
 * Adds a corrected version with a NEW idempotency key and queues it; earlier versions stay. The
 * caller names the kind it is saving: an id of a submission of another kind is not found, so an
 * oppdrag can never become a version of an A-melding (or the reverse).
 * A draft that was never sent is sent as it is: its unsent version takes the content, and that
 * first send is audited as `submission.submit`, like a form sent without a draft. Any later
 * version is a correction and needs submission:resend (on top of the action's submission:edit),
 * checked here for every path.
 */
export async function sendCorrectedVersion(
  tx: DbOrTx,
  actor: AuditUser & Principal,
  submissionId: string,
  organisationIds: string[],
  kind: ReportKind,
  payload: Record<string, unknown>,
  options: { queue: boolean; expectedDraftToken?: string } = { queue: true },
) {
  const row = await lockSubmission(tx, submissionId, organisationIds);
  if (row.kind !== kind) throw new SafeError("not_found", "errors.notFound");
  assertPayloadFitsKind(kind, payload, options.queue);
  if (!CORRECTABLE_STATUSES.includes(row.status)) throw new SafeError("conflict", "errors.notCorrectable");
  await assertDraftToken(tx, row, options.expectedDraftToken);
  if (options.queue) await assertSystemUserAccepted(tx, row.organisationId);
  const send = await decideSend(tx, row.organisationId, options.queue);
  // A draft's current version that was never sent (autosave keeps one for every form in progress)
  // becomes the version sent, rather than staying behind as an unsent version in the history.
  const unsentDraft =
    row.status === "draft" && row.currentVersionId
      ? (
          await tx
            .select({ id: submissionVersions.id, versionNo: submissionVersions.versionNo })
            .from(submissionVersions)
            .where(
              and(
                eq(submissionVersions.id, row.currentVersionId),
                sql`not exists (select 1 from ${deliveryAttempts} where ${deliveryAttempts.versionId} = ${submissionVersions.id})`,
              ),
            )
        )[0]
      : undefined;
  const firstSend = unsentDraft?.versionNo === 1;
  if (!firstSend) assertPermission(actor, "submission:resend");
  const [latest] = unsentDraft
    ? []
    : await tx
        .select({ versionNo: submissionVersions.versionNo })
        .from(submissionVersions)
        .where(eq(submissionVersions.submissionId, submissionId))
        .orderBy(desc(submissionVersions.versionNo))
        .limit(1);
  const version = firstRow(
    unsentDraft
      ? await overwriteUnsentVersion(tx, actor, unsentDraft.id, payload, send)
      : await tx
          .insert(submissionVersions)
          .values({
            submissionId,
            versionNo: (latest?.versionNo ?? 0) + 1,
            payload,
            idempotencyKey: randomUUID(),
            createdBy: actor.id,
            ...preparedByColumns(actor, send.awaitingApproval),
            ...(send.queued ? sentByColumns(actor) : {}),
          })
          .returning(),
  );
  await tx
    .update(submissions)
    .set({
      currentVersionId: version.id,
      ...oarListColumns(kind, payload),
      status: send.queued ? "queued" : "draft",
      queuedAt: send.queued ? sql`now()` : null,
      nextAttemptAt: send.queued ? sql`now()` : null,
      lastErrorCode: null,
      statusReasonCode: null,
      statusReasonParams: null,
      updatedAt: sql`now()`,
    })
    .where(eq(submissions.id, submissionId));
  await indexSubmissionVersion(tx, version.id);
  await writeOarObligations(tx, version.id);
  const target = { targetType: "submission", targetId: submissionId, organisationIds: [row.organisationId] } as const;
  if (send.awaitingApproval)
    await auditApprovalRequested(tx, actor, submissionId, row.organisationId, version.versionNo, version);
  else
    await recordAudit(
      tx,
      userActor(actor),
      firstSend && send.queued
        ? {
            action: "submission.submit",
            ...target,
            details: {
              kind,
              subject: row.subject,
              versionNo: version.versionNo,
              idempotencyKey: version.idempotencyKey,
            },
          }
        : {
            action: "submission.send_corrected_version",
            ...target,
            details: { fromStatus: row.status, versionNo: version.versionNo, idempotencyKey: version.idempotencyKey },
          },
    );
  return {
    submissionId,
    versionId: version.id,
    idempotencyKey: version.idempotencyKey,
    draftToken: draftToken(version),
    ...send,
  };
}

/**
 * Saves an editor's draft of an existing submission. A draft's current version was never sent
 * (only the worker moves a submission out of `draft`, after queueing a new version), so it is
 * saved over in place: autosave every few seconds would otherwise add a version each time. A
 * rejected, failed or conflicting one gets a new draft version (new key), as before. Either way
 * the editor's token must match (see assertDraftToken). Audited as `submission.save_draft`.
 */
export async function saveDraft(
  tx: DbOrTx,
  actor: AuditUser & Principal,
  submissionId: string,
  organisationIds: string[],
  kind: ReportKind,
  payload: Record<string, unknown>,
  options: { subject: string; expectedDraftToken?: string },
) {
  const row = await lockSubmission(tx, submissionId, organisationIds);
  if (row.kind !== kind) throw new SafeError("not_found", "errors.notFound");
  if (row.status !== "draft") {
    return sendCorrectedVersion(tx, actor, submissionId, organisationIds, kind, payload, {
      queue: false,
      expectedDraftToken: options.expectedDraftToken,
    });
  }
  assertPermission(actor, "submission:edit");
  await assertDraftToken(tx, row, options.expectedDraftToken);
  if (!row.currentVersionId) throw new SafeError("conflict", "errors.notCorrectable");
  const version = firstRow(
    await overwriteUnsentVersion(tx, actor, row.currentVersionId, payload, { queued: false, awaitingApproval: false }),
  );
  await tx
    .update(submissions)
    .set({ subject: options.subject, ...oarListColumns(kind, payload), updatedAt: sql`now()` })
    .where(eq(submissions.id, submissionId));
  // The draft's content changed in place: /oppdrag's columns (above), its sums and search terms follow it.
  await indexSubmissionVersion(tx, version.id);
  await writeOarObligations(tx, version.id);
  await recordAudit(tx, userActor(actor), {
    action: "submission.save_draft",
    targetType: "submission",
    targetId: submissionId,
    organisationIds: [row.organisationId],
    details: { kind, subject: options.subject, versionNo: version.versionNo, revision: version.revision },
  });
  return {
    submissionId,
    versionId: version.id,
    draftToken: draftToken(version),
    queued: false,
    awaitingApproval: false,
  };
}

/**
 * Cancels a submission: it is never claimed again (the worker claims only queued, retrying and
 * abandoned sending rows). A submission whose request is under way cannot be cancelled until its
 * worker's lease runs out; then its open attempt is closed as interrupted, as a takeover would.
 * What Skatteetaten already received is not recalled: cancelling stops further attempts.
 */
export async function cancelSubmission(tx: DbOrTx, actor: AuditUser, submissionId: string, organisationIds: string[]) {
  const row = await lockSubmission(tx, submissionId, organisationIds);
  if (row.status === "sending" && !isCancellable(row)) throw new SafeError("conflict", "errors.cancelWhileSending");
  if (!isCancellable(row)) throw new SafeError("conflict", "errors.notCancellable");
  await tx
    .update(submissions)
    .set({
      status: "cancelled",
      nextAttemptAt: null,
      leaseUntil: null,
      statusReasonCode: "cancelled",
      statusReasonParams: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(submissions.id, submissionId), inArray(submissions.organisationId, organisationIds)));
  if (row.status === "sending") {
    await tx
      .update(deliveryAttempts)
      .set({
        outcome: "interrupted",
        finishedAt: sql`now()`,
        transportError: "Cancelled after the worker's lease ran out",
      })
      .where(and(eq(deliveryAttempts.submissionId, submissionId), eq(deliveryAttempts.outcome, "in_flight")));
  }
  await recordAudit(tx, userActor(actor), {
    action: "submission.cancel",
    targetType: "submission",
    targetId: submissionId,
    organisationIds: [row.organisationId],
    details: { fromStatus: row.status, versionId: row.currentVersionId },
  });
  return { submissionId };
}
