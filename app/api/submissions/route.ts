import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import { toSubmissionPage } from "@/lib/submissions/queries/list-rows";
import { listSubmissions } from "@/lib/submissions/queries/list-submissions";

export const dynamic = "force-dynamic";

/** The submissions list as JSON, for the page's polling; same filters as the page URL. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!hasPermission(user.role, "submission:read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const filter = parseSubmissionListFilter(new URL(request.url).searchParams);
  return Response.json(toSubmissionPage(await listSubmissions(getDb(), user.organisationIds, filter), await getTranslations(), await getLocale()), {
    headers: { "Cache-Control": "no-store" },
  });
}
