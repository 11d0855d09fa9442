import "server-only";
import type { listSubmissions } from "./list-submissions";

type ListResult = Awaited<ReturnType<typeof listSubmissions>>;

/** The list as sent to the browser: dates as ISO strings, errors as one short line. */
export function toSubmissionPage(result: ListResult) {
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
      errorSummary: r.statusReason,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: result.nextCursor,
    inFlight: result.inFlight,
  };
}
