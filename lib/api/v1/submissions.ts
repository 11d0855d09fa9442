import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { ameldingFeedback } from "@/lib/db/schema";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import type { listSubmissions } from "@/lib/submissions/queries/list-submissions";
import { findSubmissionWithHistory } from "@/lib/submissions/queries/submission-history";
import type { submissionDetailSchema, submissionPageSchema } from "./schemas";

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
    versions: found.versions.map((v) => ({
      versionNo: v.versionNo,
      idempotencyKey: v.idempotencyKey,
      createdAt: v.createdAt.toISOString(),
    })),
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
