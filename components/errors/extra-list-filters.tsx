import { getTranslations } from "next-intl/server";
import type { SubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import { FilterSummary } from "./filter-summary";

const EXTRA = ["spec", "cause", "bulk"] as const;

/**
 * The list filters that come from the error groups and bulk operations and have no field in the
 * filter form: shown in words and kept as hidden fields, so applying the form does not drop them.
 */
export async function ExtraListFilters({
  filter,
  organisations,
}: {
  filter: SubmissionListFilter;
  organisations: { id: string; name: string }[];
}) {
  if (!EXTRA.some((key) => filter[key])) return null;
  const t = await getTranslations("errorGroups");
  return (
    <div className="mt-4">
      <p className="text-sm font-medium">{t("listAlsoFiltered")}</p>
      <FilterSummary filter={filter} organisations={organisations} only={EXTRA} />
      {EXTRA.map((key) => filter[key] && <input key={key} type="hidden" name={key} value={filter[key]} />)}
    </div>
  );
}
