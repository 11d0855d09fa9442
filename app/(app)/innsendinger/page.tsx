import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SubmissionFilters } from "@/components/submissions/submission-filters";
import { SubmissionsTable } from "@/components/submissions/submissions-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { filterToSearchParams, parseSubmissionListFilter } from "@/lib/submissions/list-filter";
import { toSubmissionPage } from "@/lib/submissions/list-rows";
import { listSubmissions } from "@/lib/submissions/list-submissions";

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
  const filter = parseSubmissionListFilter(await searchParams);
  const db = getDb();
  const [page, organisations] = await Promise.all([
    listSubmissions(db, user.organisationIds, filter),
    listOrganisationsForUser(db, user.organisationIds),
  ]);
  const query = filterToSearchParams(filter).toString();
  // Retrying applies to failed submissions; the confirmation counts them over all pages.
  const canBulkRetry = hasPermission(user.role, "submission:retry") && (!filter.status?.length || filter.status.includes("failed"));
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          canBulkRetry && (
            <Link href={`/feil/bulk/ny?${filterToSearchParams({ ...filter, cursor: undefined })}`} className="underline">
              {tErrors("listBulkRetry")}
            </Link>
          )
        }
      />
      <SubmissionFilters filter={filter} organisations={organisations} />
      <SubmissionsTable key={query} initial={toSubmissionPage(page, await getLocale())} query={query} />
      <nav className="mt-4 flex gap-4" aria-label={t("next")}>
        {filter.cursor && <Link href={`/innsendinger?${filterToSearchParams({ ...filter, cursor: undefined })}`}>{t("first")}</Link>}
        {page.nextCursor && (
          <Link href={`/innsendinger?${filterToSearchParams({ ...filter, cursor: page.nextCursor })}`}>{t("next")}</Link>
        )}
      </nav>
    </>
  );
}
