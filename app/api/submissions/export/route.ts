import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/csv/csv";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startSubmissionsExport } from "@/lib/submissions/queries/export-csv";
import { parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";

export const dynamic = "force-dynamic";

/** The whole filtered submissions list as CSV (same query parameters as /innsendinger), streamed. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!hasPermission(user.role, "export:read") || !hasPermission(user.role, "submission:read")) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const url = new URL(request.url);
  const filter = parseSubmissionListFilter(url.searchParams);
  const { stream } = await startSubmissionsExport(getDb(), user, filter, {
    t: await getTranslations(),
    locale: await getLocale(),
    origin: env.AUTH_URL ? new URL(env.AUTH_URL).origin : url.origin,
  });
  return csvResponse(stream, "innsendinger");
}
