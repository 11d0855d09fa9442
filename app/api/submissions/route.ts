import { getLocale, getTranslations } from "next-intl/server";
import { getReadDb } from "@/lib/db/client";
import { defineRoute } from "@/lib/routes/define-route";
import { submissionListQuerySchema } from "@/lib/submissions/queries/list-filter";
import { submissionPageSchema } from "@/lib/submissions/queries/list-page";
import { toSubmissionPage } from "@/lib/submissions/queries/list-rows";
import { listSubmissions } from "@/lib/submissions/queries/list-submissions";

export const dynamic = "force-dynamic";

/** The submissions list as JSON, for the page's polling; same filters as the page URL. */
export const GET = defineRoute(
  {
    name: "submissions-list",
    access: { session: ["submission:read"] },
    query: submissionListQuerySchema,
    output: submissionPageSchema,
  },
  async ({ query }, { user }) =>
    toSubmissionPage(
      await listSubmissions(getReadDb(), user.organisationIds, query),
      await getTranslations(),
      await getLocale(),
    ),
);
