import { getLocale, getTranslations } from "next-intl/server";
import { csvResponse } from "@/lib/csv/csv";
import { getDb, getReadDb } from "@/lib/db/client";
import { defineRoute, STREAMED } from "@/lib/routes/define-route";
import { startSubmissionsExport } from "@/lib/submissions/queries/export-csv";
import { submissionListQuerySchema } from "@/lib/submissions/queries/list-filter";

export const dynamic = "force-dynamic";

/** The whole filtered submissions list as CSV (same query parameters as /innsendinger), streamed. */
export const GET = defineRoute(
  {
    name: "submissions-export",
    access: { session: ["export:read", "submission:read"] },
    query: submissionListQuerySchema,
    output: STREAMED,
  },
  async ({ query }, { user }) => {
    const { stream } = await startSubmissionsExport(getDb(), user, query, {
      t: await getTranslations(),
      locale: await getLocale(),
      readDb: getReadDb(),
    });
    return csvResponse(stream, "innsendinger");
  },
);
