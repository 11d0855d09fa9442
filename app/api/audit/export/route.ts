import { getTranslations } from "next-intl/server";
import { startAuditExport } from "@/lib/audit/export-csv";
import { parseAuditListFilter } from "@/lib/audit/audit-filter";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/csv/csv";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** The filtered audit log as CSV (same query parameters as /revisjonslogg), streamed; details only with audit:read_details. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!hasPermission(user.role, "audit:read") || !hasPermission(user.role, "export:read")) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const filter = parseAuditListFilter(new URL(request.url).searchParams);
  const { stream } = await startAuditExport(getDb(), user, filter, await getTranslations());
  return csvResponse(stream, "revisjonslogg");
}
