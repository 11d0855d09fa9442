import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ErrorGroupFilters } from "@/components/errors/error-group-filters";
import { ErrorGroupsTable } from "@/components/errors/error-groups-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { canonicalListUrl, withoutForeignOrganisation } from "@/lib/filters/search-params";
import { timeRangeInput } from "@/lib/filters/time-range";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { listErrorGroups } from "@/lib/submissions/queries/error-groups";
import { parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errorGroups"))("title") };
}

export default async function ErrorGroupsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:read")) forbidden();
  const t = await getTranslations("errorGroups");
  const params = await searchParams;
  const canonical = canonicalListUrl("/feil", params);
  if (canonical) redirect(canonical);
  const { kind, org, from, to } = withoutForeignOrganisation(parseSubmissionListFilter(params), user.organisationIds);
  const filter = { kind, org, from, to };
  const timeRange = timeRangeInput(params);
  const db = getDb();
  const [groups, organisations] = await Promise.all([
    listErrorGroups(db, user.organisationIds, filter),
    listOrganisationsForUser(db, user.organisationIds),
  ]);
  const unmasked = hasPermission(user.role, "personal_data:read_unmasked");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <ErrorGroupFilters filter={filter} organisations={organisations} timeRange={timeRange} />
      <ErrorGroupsTable
        groups={groups}
        filter={filter}
        canRetry={hasPermission(user.role, "submission:retry")}
        mask={unmasked ? (text) => text : maskPersonalNumbers}
      />
    </>
  );
}
