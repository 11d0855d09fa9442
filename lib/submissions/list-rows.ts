import "server-only";
import { lookupErrorCode } from "@/lib/reporting/errors/error-catalogue";
import type { listSubmissions } from "./list-submissions";

type ListResult = Awaited<ReturnType<typeof listSubmissions>>;

/**
 * The list as sent to the browser: dates as ISO strings, and the error as its catalogue text in
 * the reader's language (an unknown code keeps Skatteetaten's own message).
 */
export function toSubmissionPage(result: ListResult, locale: string) {
  const errorText = (code: string | null, reason: string | null) => {
    const entry = code ? lookupErrorCode(code) : undefined;
    if (entry) return locale === "nb" ? entry.textNb : entry.textEn;
    return reason;
  };
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
      errorSummary: errorText(r.lastErrorCode, r.statusReason),
      feedbackStatus: r.feedbackStatus,
      createdAt: r.createdAt.toISOString(),
      replacesSubmissionId: r.replacesSubmissionId,
      replacedById: r.replacedById,
      isCurrentAmelding: r.kind === "amelding" && r.status === "accepted" && !r.replacedById,
    })),
    nextCursor: result.nextCursor,
    inFlight: result.inFlight,
  };
}
