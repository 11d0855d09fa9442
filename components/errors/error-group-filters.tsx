import { KindSelect, OrganisationSelect } from "@/components/filters/filter-selects";
import { getTranslations } from "next-intl/server";
import type { ErrorGroupFilter } from "@/lib/submissions/queries/error-groups";

/** A plain GET form, like the submissions list's, so a narrowed view can be bookmarked and shared. */
export async function ErrorGroupFilters({ filter, organisations }: { filter: ErrorGroupFilter; organisations: { id: string; name: string }[] }) {
  const t = await getTranslations();
  const input = "mt-1 w-full rounded border border-muted px-2 py-1.5";
  return (
    <form method="get" action="/feil" className="mb-6 rounded border border-line bg-white p-4" aria-label={t("errorGroups.filters")}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <KindSelect value={filter.kind} />
        <OrganisationSelect value={filter.org} organisations={organisations} />
        <label className="block text-sm font-medium">
          {t("submissions.from")}
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
        </label>
        <label className="block text-sm font-medium">
          {t("submissions.to")}
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
        </label>
      </div>
      <div className="mt-4 flex gap-3">
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          {t("submissions.apply")}
        </button>
        <a href="/feil" className="px-2 py-2">
          {t("submissions.clear")}
        </a>
      </div>
    </form>
  );
}
