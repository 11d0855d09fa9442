import "server-only";
import { SafeError } from "@/lib/actions/action-result";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Db } from "@/lib/db/client";
import { logUnexpectedError } from "@/lib/log/logger";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";
import type { DocumentError } from "./import-issues";
import { checkImport, saveImport } from "./import-leveranse";
import { MAX_IMPORT_BYTES } from "./import-limits";
import type { ImportIntent } from "./import-result";
import { rejected } from "./prepare-import";
import { withImportProcess, type ImportOutcome } from "./run-import-process";

const NO_STORE = { "Cache-Control": "no-store" };

/** A file that cannot be taken is answered with 4xx (or 503 when busy) and the reason, never with 500. */
const REFUSED: Record<Exclude<ImportOutcome["kind"], "prepared" | "failed">, { status: number; error: DocumentError; headers?: Record<string, string> }> = {
  too_large: { status: 413, error: { code: "too_large", maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 } },
  busy: { status: 503, error: { code: "busy" }, headers: { "Retry-After": "30" } },
  too_complex: { status: 422, error: { code: "too_complex" } },
  timeout: { status: 408, error: { code: "timeout" } },
  // The client stopped sending (went away); no one is likely to read this answer.
  aborted: { status: 400, error: { code: "timeout" } },
};

/**
 * The import route's work once the caller is authenticated and allowed (app/api/amelding/import):
 * the body is parsed and validated off the event loop (run-import-process.ts), then checked
 * against the database, and for `draft`/`submit` saved with its audit entries in one transaction.
 * Rejected files are answered 422 with every error by person and field.
 */
export async function answerImport(
  request: Request,
  options: { intent: ImportIntent; user: CurrentUser; db: Db },
): Promise<Response> {
  const { intent, user, db } = options;
  return withImportProcess(request, { payload: intent !== "check" }, async (outcome) => {
    if (outcome.kind === "failed") return internalError(intent, outcome.error);
    if (outcome.kind !== "prepared") {
      const refused = REFUSED[outcome.kind];
      return Response.json(rejected({ documentErrors: [refused.error], errorCount: 1 }), {
        status: refused.status,
        headers: { ...NO_STORE, ...refused.headers },
      });
    }
    try {
      const result =
        intent === "check"
          ? await checkImport(db, user.organisationIds, outcome.prepared)
          : await saveImport(db, user, outcome.prepared, outcome.payload, intent);
      if (result.ok && "queued" in result && result.queued) await wakeDeliveryWorker(result.submissionId);
      return Response.json(result, { status: result.ok ? 200 : 422, headers: NO_STORE });
    } catch (error) {
      // A replacement needs submission:resend (saveImport checks it).
      if (error instanceof SafeError && error.code === "forbidden") return Response.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
      return internalError(intent, error);
    }
  });
}

function internalError(intent: ImportIntent, error: unknown) {
  const reference = logUnexpectedError({ scope: "amelding-import", intent }, error);
  return Response.json({ error: "internal", reference }, { status: 500, headers: NO_STORE });
}
