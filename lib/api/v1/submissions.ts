import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { saveAmelding } from "@/lib/amelding/save-amelding";
import type { ApiCaller } from "@/lib/api-keys/api-keys";
import type { DbOrTx } from "@/lib/db/client";
import { ameldingFeedback, submissions, submissionVersions } from "@/lib/db/schema";
import { saveOppdrag } from "@/lib/oppdrag/save-oppdrag";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import { approvalStateOf, findWhoDidIt } from "@/lib/submissions/four-eyes/who-did-it";
import type { listSubmissions } from "@/lib/submissions/queries/list-submissions";
import { findSubmissionWithHistory } from "@/lib/submissions/queries/submission-history";
import type {
  correctedVersionSchema,
  createSubmissionSchema,
  submissionDetailSchema,
  submissionPageSchema,
} from "./schemas";

const editorOf = (api: ApiCaller) => ({ ...api.actor, organisationIds: api.organisationIds });

/** Creates an A-melding or an OAR report as a draft or queued, through the form's own operation. */
export async function createFromApi(tx: DbOrTx, api: ApiCaller, body: z.output<typeof createSubmissionSchema>) {
  const result =
    body.kind === "amelding"
      ? await saveAmelding(tx, editorOf(api), body)
      : await saveOppdrag(tx, editorOf(api), {
          organisationId: body.organisationId,
          intent: body.intent,
          oppdragsreferanse: body.oppdragsreferanse,
          fields: body.oar,
        });
  return { submissionId: result.submissionId, queued: result.queued, awaitingApproval: result.awaitingApproval };
}

async function findOwn(tx: DbOrTx, api: ApiCaller, submissionId: string) {
  const [row] = await tx
    .select({
      organisationId: submissions.organisationId,
      kind: submissions.kind,
      currentVersionId: submissions.currentVersionId,
    })
    .from(submissions)
    .where(and(eq(submissions.id, submissionId), inArray(submissions.organisationId, api.organisationIds)));
  if (!row) throw new SafeError("not_found", "errors.notFound");
  return row;
}

/** The report a version request carries must be of the submission's kind: `leveranse` or `oar`. */
function reportOf(kind: "amelding" | "oar", body: z.output<typeof correctedVersionSchema>) {
  const field = kind === "amelding" ? "leveranse" : "oar";
  const report = body[field];
  if (!report) throw new SafeError("validation", "errors.validation", { [field]: ["required"] });
  return report;
}

/**
 * A new version of a submission: the next save of a draft, or a corrected version (new
 * Skatteetaten idempotency key) of a rejected, failed or conflicting one.
 */
export async function newVersionFromApi(
  tx: DbOrTx,
  api: ApiCaller,
  submissionId: string,
  body: z.output<typeof correctedVersionSchema>,
) {
  const row = await findOwn(tx, api, submissionId);
  const report = reportOf(row.kind, body);
  const input = { organisationId: row.organisationId, intent: body.intent, submissionId };
  const result =
    row.kind === "amelding"
      ? await saveAmelding(tx, editorOf(api), {
          ...input,
          leveranse: report,
          ...(body.ruleOverride ? { ruleOverride: body.ruleOverride } : {}),
        })
      : await saveOppdrag(tx, editorOf(api), { ...input, fields: report });
  return { submissionId: result.submissionId, queued: result.queued, awaitingApproval: result.awaitingApproval };
}

/** Sends a draft as it is stored (e.g. after saving it in parts, or in the app), checked in full. */
export async function submitDraftFromApi(tx: DbOrTx, api: ApiCaller, submissionId: string) {
  const row = await findOwn(tx, api, submissionId);
  const [version] = row.currentVersionId
    ? await tx
        .select({ payload: submissionVersions.payload })
        .from(submissionVersions)
        .where(eq(submissionVersions.id, row.currentVersionId))
    : [];
  if (!version) throw new SafeError("conflict", "errors.notCorrectable");
  const stored = version.payload as Record<string, unknown>;
  const input = { organisationId: row.organisationId, intent: "submit" as const, submissionId };
  const result =
    row.kind === "amelding"
      ? await saveAmelding(tx, editorOf(api), { ...input, leveranse: stored })
      : await saveOppdrag(tx, editorOf(api), {
          ...input,
          oppdragsreferanse: typeof stored.oppdragsreferanse === "string" ? stored.oppdragsreferanse : undefined,
          fields: stored,
        });
  return { submissionId: result.submissionId, queued: result.queued, awaitingApproval: result.awaitingApproval };
}

/** A page of the UI's list query (same filters, same keyset cursor) as the API answers it. */
export function toApiPage(page: Awaited<ReturnType<typeof listSubmissions>>): z.input<typeof submissionPageSchema> {
  return {
    submissions: page.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      organisationId: r.organisationId,
      subject: r.subject,
      status: r.status,
      statusReasonCode: r.statusReasonCode,
      lastErrorCode: r.lastErrorCode,
      feedbackStatus: r.feedbackStatus,
      replacesSubmissionId: r.replacesSubmissionId,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

function decoded(error: DecodedSkatteetatenError | null) {
  if (!error) return null;
  return {
    code: error.code,
    httpStatus: error.httpStatus,
    melding: error.melding,
    korrelasjonsid: error.korrelasjonsid,
    category: error.category,
    retryable: error.retryable,
    hint: error.hintEn,
    specifications: error.specifications.map((s) => ({
      kode: s.kode,
      melding: s.melding,
      sti: s.sti,
      explanation: s.entry?.textEn ?? null,
    })),
  };
}

/**
 * One submission with its versions, attempts (each with its decoded error) and feedback; null
 * outside `organisationIds`. Reads through the submission page's own query.
 */
export async function findApiSubmission(
  db: DbOrTx,
  submissionId: string,
  organisationIds: string[],
): Promise<z.input<typeof submissionDetailSchema> | null> {
  const found = await findSubmissionWithHistory(db, submissionId, organisationIds);
  if (!found) return null;
  const who = new Map((await findWhoDidIt(db, submissionId, organisationIds)).map((w) => [w.versionNo, w]));
  const [feedback] = await db.select().from(ameldingFeedback).where(eq(ameldingFeedback.submissionId, found.id));
  return {
    id: found.id,
    kind: found.kind,
    organisationId: found.organisationId,
    subject: found.subject,
    status: found.status,
    statusReasonCode: found.statusReasonCode,
    lastErrorCode: found.lastErrorCode,
    feedbackStatus: feedback?.status ?? null,
    replacesSubmissionId: found.replacesSubmissionId,
    createdAt: found.createdAt.toISOString(),
    acceptedAt: found.acceptedAt?.toISOString() ?? null,
    receivedIds: found.receivedIds,
    versions: found.versions.map((v) => {
      const w = who.get(v.versionNo);
      return {
        versionNo: v.versionNo,
        idempotencyKey: v.idempotencyKey,
        createdAt: v.createdAt.toISOString(),
        preparedBy: w?.preparedBy ?? null,
        preparedByApiKey: w?.preparedByApiKey ?? null,
        approvalState: w?.approvedAt ? "approved" : (approvalStateOf(w) ?? "not_required"),
        approvedBy: w?.approvedBy ?? null,
        approvedAt: w?.approvedAt?.toISOString() ?? null,
        sentBy: w?.sentBy ?? null,
        sentByApiKey: w?.sentByApiKey ?? null,
        sentAt: w?.sentAt?.toISOString() ?? null,
      };
    }),
    attempts: found.attempts.map((a) => ({
      attemptNo: a.attemptNo,
      step: a.step,
      outcome: a.outcome,
      startedAt: a.startedAt.toISOString(),
      finishedAt: a.finishedAt?.toISOString() ?? null,
      responseStatus: a.responseStatus,
      errorCode: a.errorCode,
      korrelasjonsid: a.korrelasjonsid,
      decodedError: decoded(a.decodedError),
    })),
    feedback: feedback
      ? {
          status: feedback.status,
          receivedAt: feedback.receivedAt?.toISOString() ?? null,
          outcome: feedback.parsed?.outcome ?? null,
          deviations: (feedback.parsed?.deviations ?? []).map((d) => ({
            code: d.code,
            severity: d.severity,
            message: d.message,
            fieldPath: d.fieldPath,
            virksomhet: d.virksomhet,
          })),
        }
      : null,
  };
}
