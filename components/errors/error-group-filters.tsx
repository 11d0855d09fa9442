import { getTranslations } from "next-intl/server";
import { KindSelect, OrganisationSelect } from "@/components/filters/filter-selects";
import { FilterForm, filterLabelClass, filterInputClass as input } from "@/components/ui/filter-form";
import type { ErrorGroupFilter } from "@/lib/submissions/queries/error-groups";

/** A plain GET form, like the submissions list's, so a narrowed view can be bookmarked and shared. */
export async function ErrorGroupFilters({
  filter,
  organisations,
}: {
  filter: ErrorGroupFilter;
  organisations: { id: string; name: string }[];
}) {
  const t = await getTranslations();
  return (
    <FilterForm
      action="/feil"
      label={t("errorGroups.filters")}
      submitLabel={t("submissions.apply")}
      resetLabel={t("submissions.clear")}
    >
      <KindSelect value={filter.kind} />
      <OrganisationSelect value={filter.org} organisations={organisations} />
      <label className={filterLabelClass}>
        {t("submissions.from")}
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
      </label>
      <label className={filterLabelClass}>
        {t("submissions.to")}
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
      </label>
    </FilterForm>
  );
}
