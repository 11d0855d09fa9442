import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SavedViews } from "@/components/filters/saved-views";
import { OppdragListTable } from "@/components/oppdrag/oppdrag-list-table";
import { SubmissionFilters } from "@/components/submissions/submission-filters";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb, getReadDb } from "@/lib/db/client";
import { canonicalListUrl, withoutForeignOrganisation } from "@/lib/filters/search-params";
import { timeRangeInput } from "@/lib/filters/time-range";
import { listOppdrag } from "@/lib/oppdrag/list-oppdrag";
import { parseOppdragListFilter } from "@/lib/oppdrag/oppdrag-list-filter";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { filterToSearchParams } from "@/lib/submissions/queries/list-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("oppdrag") };
}

export default async function OppdragPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const t = await getTranslations();
  const params = await searchParams;
  const canonical = canonicalListUrl("/oppdrag", params);
  if (canonical) redirect(canonical);
  // The one filter both the query and the form are made from.
  const filter = withoutForeignOrganisation(parseOppdragListFilter(params), user.organisationIds);
  const timeRange = timeRangeInput(params);
  const db = getDb();
  const [page, organisations, savedViews] = await Promise.all([
    listOppdrag(getReadDb(), user.organisationIds, filter),
    listOrganisationsForUser(db, user.organisationIds),
    listSavedViews(db, user.id, "oppdrag"),
  ]);
  const wholeSet = filterToSearchParams({ ...filter, cursor: undefined });
  return (
    <>
      <PageHeader
        title={t("nav.oppdrag")}
        intro={t("oppdragForm.intro")}
        actions={
          hasPermission(user.role, "submission:edit") ? (
            <Link
              href="/oppdrag/ny"
              className="rounded bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-dark"
            >
              {t("oppdragForm.titleNew")}
            </Link>
          ) : undefined
        }
      />
      <SavedViews list="oppdrag" views={savedViews} currentQuery={wholeSet.toString()} />
      <SubmissionFilters
        action="/oppdrag"
        fields="oar"
        filter={filter}
        organisations={organisations}
        timeRange={timeRange}
      />
      <OppdragListTable rows={page.rows} />
      <nav className="mt-4 flex gap-4" aria-label={t("submissions.next")}>
        {filter.cursor && <Link href={`/oppdrag?${wholeSet}`}>{t("submissions.first")}</Link>}
        {page.nextCursor && (
          <Link href={`/oppdrag?${filterToSearchParams({ ...filter, cursor: page.nextCursor })}`}>
            {t("submissions.next")}
          </Link>
        )}
      </nav>
    </>
  );
}
