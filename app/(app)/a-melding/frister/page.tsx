import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeadlineTable } from "@/components/amelding/deadline-table";
import { PageHeader } from "@/components/ui/page-header";
import { type DeadlineFilter, getDeadlineOverview, parseDeadlineFilter } from "@/lib/amelding/deadline-overview";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ameldingDeadlines"))("title") };
}

/** `/a-melding/frister` with the filter's query (the first page leaves `page` out). */
function deadlinesHref({ page, only }: DeadlineFilter) {
  const query = new URLSearchParams();
  if (only) query.set("only", only);
  if (page > 1) query.set("page", String(page));
  return query.size ? `/a-melding/frister?${query}` : "/a-melding/frister";
}

/** Which months each organisation has reported, on time or late, and what is missing or due soon. */
export default async function AmeldingDeadlinesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:read")) forbidden();
  const t = await getTranslations("ameldingDeadlines");
  const filter = parseDeadlineFilter(await searchParams);
  const overview = await getDeadlineOverview(getDb(), user.organisationIds, { filter });
  const views = [
    { only: undefined, label: t("viewAll") },
    { only: "action" as const, label: t("viewAction") },
  ];
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {user.organisationIds.length === 0 ? (
        <p className="rounded border border-line bg-white p-4">{t("noOrganisations")}</p>
      ) : (
        <>
          <nav aria-label={t("viewLabel")} className="mb-4 flex flex-wrap gap-4 text-sm">
            {views.map((view) => (
              <Link
                key={view.only ?? "all"}
                href={deadlinesHref({ page: 1, only: view.only })}
                aria-current={filter.only === view.only ? "page" : undefined}
                className={filter.only === view.only ? "font-semibold" : undefined}
              >
                {view.label}
              </Link>
            ))}
          </nav>
          {overview.organisations.length === 0 ? (
            <p className="rounded border border-line bg-white p-4" data-testid="deadline-none">
              {filter.only ? t("noneNeedAction") : t("noOrganisations")}
            </p>
          ) : (
            <DeadlineTable overview={overview} pageHref={(page) => deadlinesHref({ ...filter, page })} />
          )}
        </>
      )}
    </>
  );
}
