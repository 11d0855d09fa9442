import { SafeError } from "@/lib/actions/action-result";
import { decodeUpload } from "@/lib/amelding/import/decode-upload";
import { checkImport, MAX_IMPORT_BYTES, saveImport } from "@/lib/amelding/import/import-leveranse";
import { IMPORT_INTENTS, type ImportIntent, type ImportRejected } from "@/lib/amelding/import/import-result";
import { readLimitedBody } from "@/lib/amelding/import/read-limited-body";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { wakeDeliveryWorker } from "@/lib/submissions/queue-client";
import { logUnexpectedError } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Import of an A-melding file (JSON or XML) as the request body. `?intent=check` validates and
 * answers with a summary or every error by person; `draft` and `submit` validate the same file
 * again and create the submission. A route handler rather than a server action: a 10 000-person
 * file is several MB, far over the server-action body limit. (proxy.ts leaves this path alone,
 * as it would buffer and cut bodies over 10 MB.)
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  if (!hasPermission(user.role, "submission:edit") || isForeignOrigin(request.headers, env.AUTH_URL)) {
    return Response.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
  }
  const intent = new URL(request.url).searchParams.get("intent") as ImportIntent | null;
  if (!intent || !IMPORT_INTENTS.includes(intent)) return Response.json({ error: "intent" }, { status: 400, headers: NO_STORE });

  const bytes = await readLimitedBody(request, MAX_IMPORT_BYTES);
  if (!bytes) {
    const tooLarge: ImportRejected = {
      ok: false,
      format: null,
      documentErrors: [{ code: "too_large", maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 }],
      groups: [],
      errorCount: 1,
      personCount: 0,
      warnings: [],
    };
    return Response.json(tooLarge, { status: 413, headers: NO_STORE });
  }
  const text = decodeUpload(bytes, request.headers.get("content-type"));
  try {
    if (intent === "check") return Response.json(await checkImport(getDb(), user.organisationIds, text), { headers: NO_STORE });
    const result = await saveImport(getDb(), user, text, intent);
    if (result.ok && result.queued) await wakeDeliveryWorker(result.submissionId);
    return Response.json(result, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof SafeError && error.code === "forbidden") return Response.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
    const reference = logUnexpectedError({ scope: "amelding-import", intent }, error);
    return Response.json({ error: "internal", reference }, { status: 500, headers: NO_STORE });
  }
}
