import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SavedViews } from "@/components/filters/saved-views";
import { SubmissionFilters } from "@/components/submissions/submission-filters";
import { SubmissionsTable } from "@/components/submissions/submissions-table";
import { DownloadLink } from "@/components/ui/download-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb, getReadDb } from "@/lib/db/client";
import { canonicalListUrl, withoutForeignOrganisation } from "@/lib/filters/search-params";
import { timeRangeInput } from "@/lib/filters/time-range";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { filterToSearchParams, parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import { toSubmissionPage } from "@/lib/submissions/queries/list-rows";
import { listSubmissions } from "@/lib/submissions/queries/list-submissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions"))("title") };
}

export default async function SubmissionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const t = await getTranslations("submissions");
  const tErrors = await getTranslations("errorGroups");
  const th = await getTranslations("history");
  const params = await searchParams;
  const canonical = canonicalListUrl("/innsendinger", params);
  if (canonical) redirect(canonical);
  // The one filter both the query and the form are made from.
  const filter = withoutForeignOrganisation(parseSubmissionListFilter(params), user.organisationIds);
  const timeRange = timeRangeInput(params);
  const db = getDb();
  const [page, organisations, savedViews] = await Promise.all([
    listSubmissions(getReadDb(), user.organisationIds, filter),
    listOrganisationsForUser(db, user.organisationIds),
    listSavedViews(db, user.id, "submissions"),
  ]);
  const query = filterToSearchParams(filter).toString();
  const wholeSet = filterToSearchParams({ ...filter, cursor: undefined });
  // Retrying applies to failed submissions; the confirmation counts them over all pages.
  const canBulkRetry =
    hasPermission(user.role, "submission:retry") && (!filter.status?.length || filter.status.includes("failed"));
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <div className="flex max-w-md flex-col items-end gap-2 text-right">
            {hasPermission(user.role, "export:read") && (
              <div>
                <DownloadLink href={`/api/submissions/export?${wholeSet}`} describedBy="export-hint">
                  {th("exportCsv")}
                </DownloadLink>
                <p id="export-hint" className="mt-1 text-sm text-muted">
                  {hasPermission(user.role, "personal_data:read_unmasked") ? th("exportHint") : th("exportHintMasked")}
                </p>
              </div>
            )}
            {canBulkRetry && (
              <Link href={`/feil/bulk/ny?${wholeSet}`} className="underline">
                {tErrors("listBulkRetry")}
              </Link>
            )}
          </div>
        }
      />
      <SavedViews list="submissions" views={savedViews} currentQuery={wholeSet.toString()} />
      <SubmissionFilters filter={filter} organisations={organisations} timeRange={timeRange} />
      <SubmissionsTable
        key={query}
        initial={toSubmissionPage(page, await getTranslations(), await getLocale())}
        query={query}
      />
      <nav className="mt-4 flex gap-4" aria-label={t("next")}>
        {filter.cursor && <Link href={`/innsendinger?${wholeSet}`}>{t("first")}</Link>}
        {page.nextCursor && (
          <Link href={`/innsendinger?${filterToSearchParams({ ...filter, cursor: page.nextCursor })}`}>
            {t("next")}
          </Link>
        )}
      </nav>
    </>
  );
}
