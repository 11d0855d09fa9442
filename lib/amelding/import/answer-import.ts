import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { answer, type JsonAnswer } from "@/lib/routes/define-route";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";
import type { DocumentError } from "./import-issues";
import { checkImport, saveImport } from "./import-leveranse";
import { MAX_IMPORT_BYTES } from "./import-limits";
import type { ImportAnswer, ImportIntent } from "./import-result";
import { showPersons } from "./person-shown";
import { rejected } from "./prepare-import";
import { type ImportOutcome, withImportProcess } from "./run-import-process";

/** A file that cannot be taken is answered with 4xx (or 503 when busy) and the reason, never with 500. */
const REFUSED: Record<
  Exclude<ImportOutcome["kind"], "prepared" | "failed">,
  { status: number; error: DocumentError; headers?: Record<string, string> }
> = {
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
 * Rejected files are answered 422 with every error by person and field. A refusal (a
 * replacement needs submission:resend, which saveImport checks) or an unexpected error is thrown,
 * for defineRoute to answer (403, or 500 with a reference).
 */
export async function answerImport(
  request: Request,
  options: { intent: ImportIntent; user: CurrentUser; db: Db },
): Promise<JsonAnswer<ImportAnswer>> {
  const { intent, user, db } = options;
  return withImportProcess(request, { payload: intent !== "check" }, async (outcome) => {
    if (outcome.kind === "failed") throw outcome.error;
    if (outcome.kind !== "prepared") {
      const refused = REFUSED[outcome.kind];
      return answer(rejected({ documentErrors: [refused.error], errorCount: 1 }), {
        status: refused.status,
        headers: refused.headers,
      });
    }
    const result =
      intent === "check"
        ? await checkImport(db, user.organisationIds, outcome.prepared)
        : await saveImport(db, user, outcome.prepared, outcome.payload, intent);
    if (result.ok && "queued" in result && result.queued) await wakeDeliveryWorker(result.submissionId);
    if (!result.ok) {
      const identity = hasPermission(user.role, "personal_data:read_unmasked") ? "birthdate" : "masked";
      return answer<ImportAnswer>(showPersons(result, identity), { status: 422 });
    }
    return answer<ImportAnswer>(result, { status: 200 });
  });
}
