import { getTranslations } from "next-intl/server";
import { submissionFilterChips } from "@/components/errors/filter-summary";
import { KindSelect, OrganisationSelect } from "@/components/filters/filter-selects";
import { StatusCheckboxes } from "@/components/filters/status-checkboxes";
import { TimeRangeFields } from "@/components/filters/time-range-fields";
import { FilterForm, filterLabelClass, filterInputClass as input } from "@/components/ui/filter-form";
import { quickRangeBounds, type TimeRangeInput } from "@/lib/filters/time-range";
import {
  filterToSearchParams,
  type SubmissionListFilter,
  submissionFilterFormValues,
} from "@/lib/submissions/queries/list-filter";

/**
 * A plain GET form: the filters become the URL, so a filtered view can be bookmarked and shared.
 * Its fields start from submissionFilterFormValues of the very filter the list was queried with,
 * so the form and the rows always agree and applying it unchanged shows the same rows.
 */
export async function SubmissionFilters({
  action = "/innsendinger",
  filter,
  organisations,
  timeRange,
  fields = "all",
  after,
}: {
  /** The list's path (/innsendinger, or /oppdrag with its own fields). */
  action?: string;
  filter: Partial<SubmissionListFilter>;
  organisations: { id: string; name: string }[];
  /** The from/to the URL held and why they were not applied, if so (lib/filters/time-range.ts). */
  timeRange: TimeRangeInput;
  /** `oar`: the fields /oppdrag offers (no kind, no error code; period is the oppdrag's own). */
  fields?: "all" | "oar";
  after?: React.ReactNode;
}) {
  const t = await getTranslations();
  const values = submissionFilterFormValues(filter);
  const hidden = Object.entries(values.hidden).filter(([, v]) => v !== undefined);
  return (
    <FilterForm
      action={action}
      label={t("submissions.filters")}
      submitLabel={t("submissions.apply")}
      resetLabel={t("submissions.clear")}
      chips={await submissionFilterChips(action, { ...filter, cursor: undefined }, organisations)}
      open={Boolean(timeRange.issues.from || timeRange.issues.to)}
      after={
        <>
          {after}
          {hidden.map(([key, v]) => (
            <input key={key} type="hidden" name={key} value={v} />
          ))}
        </>
      }
    >
      <StatusCheckboxes selected={values.status} />
      {fields === "all" && <KindSelect value={values.kind} />}
      <OrganisationSelect value={values.org} organisations={organisations} />
      <label className={filterLabelClass}>
        {fields === "oar" ? t("filters.oppdragPeriod") : t("submissions.period")}
        <input
          name="period"
          defaultValue={values.period}
          pattern="\d{4}-\d{2}"
          className={input}
          aria-describedby={fields === "oar" ? "period-hint" : undefined}
        />
        {fields === "oar" && (
          <span id="period-hint" className="text-xs font-normal text-muted">
            {t("filters.oppdragPeriodHint")}
          </span>
        )}
      </label>
      <TimeRangeFields
        idPrefix="submissions"
        from={filter.from}
        to={filter.to}
        raw={timeRange.raw}
        issues={timeRange.issues}
        inputClass={input}
        quickRangeHref={(range) =>
          `${action}?${filterToSearchParams({ ...filter, ...quickRangeBounds(range, new Date()), cursor: undefined })}`
        }
      />
      {fields === "all" && (
        <label className={filterLabelClass}>
          {t("submissions.code")}
          <input name="code" defaultValue={values.code} className={`${input} font-mono`} />
        </label>
      )}
      <label className={filterLabelClass}>
        {t("submissions.search")}
        <input name="q" type="search" defaultValue={values.q} className={input} aria-describedby="q-hint" />
        <span id="q-hint" className="text-xs font-normal text-muted">
          {t("submissions.searchHint")}
        </span>
      </label>
    </FilterForm>
  );
}
