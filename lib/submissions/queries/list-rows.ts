import "server-only";
import type { Translator } from "@/lib/i18n/translator";
import { lookupErrorCode } from "@/lib/reporting/errors/error-catalogue";
import { describeStatusReason, type StatusReasonParams } from "../status-reason";
import type { listSubmissions } from "./list-submissions";

type ListResult = Awaited<ReturnType<typeof listSubmissions>>;

type ReasonFields = {
  lastErrorCode: string | null;
  statusReasonCode: string | null;
  statusReasonParams: StatusReasonParams | null;
};

/**
 * The error as its catalogue text in the reader's language; without a known code, the status
 * reason in the reader's language (which keeps Skatteetaten's own message for an unknown code).
 */
export function errorSummary(row: ReasonFields, t: Translator, locale: string) {
  const entry = row.lastErrorCode ? lookupErrorCode(row.lastErrorCode) : undefined;
  if (entry) return locale === "nb" ? entry.textNb : entry.textEn;
  return describeStatusReason(t, row.statusReasonCode, row.statusReasonParams);
}

/** The list as sent to the browser: dates as ISO strings, the error as errorSummary. */
export function toSubmissionPage(result: ListResult, t: Translator, locale: string) {
  return {
    rows: result.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subject: r.subject,
      status: r.status,
      organisationName: r.organisationName,
      orgnr: r.orgnr,
      lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
      lastErrorCode: r.lastErrorCode,
      errorSummary: errorSummary(r, t, locale),
      feedbackStatus: r.feedbackStatus,
      awaitingApproval: r.awaitingApproval,
      createdAt: r.createdAt.toISOString(),
      replacesSubmissionId: r.replacesSubmissionId,
      replacedById: r.replacedById,
      reportedForskuddstrekk: r.reportedForskuddstrekk,
      reportedArbeidsgiveravgift: r.reportedArbeidsgiveravgift,
      isCurrentAmelding: r.kind === "amelding" && r.status === "accepted" && !r.replacedById,
    })),
    nextCursor: result.nextCursor,
    inFlight: result.inFlight,
  };
}
