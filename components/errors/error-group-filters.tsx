import { getTranslations } from "next-intl/server";
import { KindSelect, OrganisationSelect } from "@/components/filters/filter-selects";
import { TimeRangeFields } from "@/components/filters/time-range-fields";
import { FilterForm, filterInputClass as input } from "@/components/ui/filter-form";
import { quickRangeBounds, type TimeRangeInput } from "@/lib/filters/time-range";
import type { ErrorGroupFilter } from "@/lib/submissions/queries/error-groups";
import { filterToSearchParams } from "@/lib/submissions/queries/list-filter";
import { submissionFilterChips } from "./filter-summary";

/** A plain GET form, like the submissions list's, so a narrowed view can be bookmarked and shared. */
export async function ErrorGroupFilters({
  filter,
  organisations,
  timeRange,
}: {
  filter: ErrorGroupFilter;
  organisations: { id: string; name: string }[];
  timeRange: TimeRangeInput;
}) {
  const t = await getTranslations();
  return (
    <FilterForm
      action="/feil"
      label={t("errorGroups.filters")}
      submitLabel={t("submissions.apply")}
      resetLabel={t("submissions.clear")}
      chips={await submissionFilterChips("/feil", filter, organisations)}
      open={Boolean(timeRange.issues.from || timeRange.issues.to)}
    >
      <KindSelect value={filter.kind} />
      <OrganisationSelect value={filter.org} organisations={organisations} />
      <TimeRangeFields
        idPrefix="errors"
        from={filter.from}
        to={filter.to}
        raw={timeRange.raw}
        issues={timeRange.issues}
        inputClass={input}
        quickRangeHref={(range) =>
          `/feil?${filterToSearchParams({ ...filter, ...quickRangeBounds(range, new Date()) })}`
        }
      />
    </FilterForm>
  );
}
