import { getTranslations } from "next-intl/server";
import { auditListQuerySchema } from "@/lib/audit/audit-filter";
import { startAuditExport } from "@/lib/audit/export-csv";
import { csvResponse } from "@/lib/csv/csv";
import { getDb, getReadDb } from "@/lib/db/client";
import { defineRoute, STREAMED } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** The filtered audit log as CSV (same query parameters as /revisjonslogg), streamed; details only with audit:read_details. */
export const GET = defineRoute(
  {
    name: "audit-export",
    access: { session: ["audit:read", "export:read"] },
    query: auditListQuerySchema,
    output: STREAMED,
  },
  async ({ query }, { user }) => {
    const { stream } = await startAuditExport(getDb(), user, query, await getTranslations(), getReadDb());
    return csvResponse(stream, "revisjonslogg");
  },
);
