import { answerImport } from "@/lib/amelding/import/answer-import";
import { IMPORT_INTENTS, type ImportIntent } from "@/lib/amelding/import/import-result";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isForeignOrigin } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Import of an A-melding file (JSON or XML) as the request body. `?intent=check` validates and
 * answers with a summary or every error by person; `draft` and `submit` validate the same file
 * again and create the submission (lib/amelding/import/answer-import.ts; the file is parsed in a
 * child process, off this event loop). A route handler rather than a server action: a 10 000-person
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

  return answerImport(request, { intent, user, db: getDb() });
}
