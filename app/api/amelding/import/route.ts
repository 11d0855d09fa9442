import { z } from "zod";
import { answerImport } from "@/lib/amelding/import/answer-import";
import { IMPORT_INTENTS, importAnswerSchema } from "@/lib/amelding/import/import-result";
import { getDb } from "@/lib/db/client";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/**
 * Import of an A-melding file (JSON or XML) as the request body. `?intent=check` validates and
 * answers with a summary or every error by person; `draft` and `submit` validate the same file
 * again and create the submission (lib/amelding/import/answer-import.ts; the file is parsed in a
 * child process, off this event loop). A route handler rather than a server action: a 10 000-person
 * file is several MB, far over the server-action body limit. The body is not read by defineRoute:
 * it is streamed to the import process, within the import's own limit. (proxy.ts leaves this path
 * alone, as it would buffer and cut bodies over 10 MB; defineRoute does the Origin check.)
 */
export const POST = defineRoute(
  {
    name: "amelding-import",
    access: { session: ["submission:edit"] },
    query: z.object({ intent: z.enum(IMPORT_INTENTS) }),
    output: importAnswerSchema,
  },
  async ({ request, query }, { user }) => answerImport(request, { intent: query.intent, user, db: getDb() }),
);
