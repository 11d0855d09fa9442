import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { DownloadLink } from "@/components/ui/download-link";
import { PageHeader } from "@/components/ui/page-header";
import { auditFilterToSearchParams, parseAuditListFilter } from "@/lib/audit/audit-filter";
import { auditScopeFor, listAuditEntries } from "@/lib/audit/queries";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb, getReadDb } from "@/lib/db/client";
import { canonicalListUrl, withoutForeignOrganisation } from "@/lib/filters/search-params";
import { timeRangeInput } from "@/lib/filters/time-range";
import { listOrganisationsForUser } from "@/lib/organisations/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** Read-only by design: there is no way to change or delete an entry, here or anywhere. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "audit:read")) forbidden();
  const t = await getTranslations();
  const params = await searchParams;
  const canonical = canonicalListUrl("/revisjonslogg", params);
  if (canonical) redirect(canonical);
  const filter = withoutForeignOrganisation(parseAuditListFilter(params), user.organisationIds);
  const timeRange = timeRangeInput(params);
  const scope = auditScopeFor(user);
  const db = getDb();
  const [{ rows, nextBefore }, organisations] = await Promise.all([
    listAuditEntries(getReadDb(), scope, filter),
    listOrganisationsForUser(db, user.organisationIds),
  ]);
  const withoutCursor = { ...filter, before: undefined };
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        intro={scope.includeDetails ? t("auditLog.intro") : t("auditLog.introNoDetails")}
        actions={
          hasPermission(user.role, "export:read") && (
            <div className="max-w-sm">
              <DownloadLink
                href={`/api/audit/export?${auditFilterToSearchParams(withoutCursor)}`}
                describedBy="audit-export-hint"
              >
                {t("auditLog.exportCsv")}
              </DownloadLink>
              <p id="audit-export-hint" className="mt-1 text-sm text-muted">
                {t("auditLog.exportHint")}
              </p>
            </div>
          )
        }
      />
      <AuditFilters
        filter={filter}
        organisations={organisations}
        includeDetails={scope.includeDetails}
        timeRange={timeRange}
      />
      <AuditTable
        entries={rows}
        showDetails={scope.includeDetails}
        canManageUsers={hasPermission(user.role, "user:manage")}
      />
      <nav className="mt-4 flex gap-4" aria-label={t("auditLog.pagination")}>
        {filter.before && (
          <Link href={`/revisjonslogg?${auditFilterToSearchParams(withoutCursor)}`}>{t("auditLog.first")}</Link>
        )}
        {nextBefore && (
          <Link href={`/revisjonslogg?${auditFilterToSearchParams({ ...filter, before: nextBefore })}`}>
            {t("audit.older")}
          </Link>
        )}
      </nav>
    </>
  );
}
