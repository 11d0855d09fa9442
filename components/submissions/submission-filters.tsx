import { getTranslations } from "next-intl/server";
import { ExtraListFilters } from "@/components/errors/extra-list-filters";
import { KindSelect, OrganisationSelect } from "@/components/filters/filter-selects";
import { TimeRangeFields } from "@/components/filters/time-range-fields";
import { FilterForm, filterLabelClass, filterInputClass as input } from "@/components/ui/filter-form";
import { quickRangeBounds, type TimeRangeIssue } from "@/lib/filters/time-range";
import {
  filterToSearchParams,
  SUBMISSION_STATUSES,
  type SubmissionListFilter,
} from "@/lib/submissions/queries/list-filter";

/** A plain GET form: the filters become the URL, so a filtered view can be bookmarked and shared. */
export async function SubmissionFilters({
  filter,
  organisations,
  timeRange,
}: {
  filter: SubmissionListFilter;
  organisations: { id: string; name: string }[];
  /** The from/to the URL held and why they were not applied, if so (lib/filters/time-range.ts). */
  timeRange: { raw: { from?: string; to?: string }; issues: { from?: TimeRangeIssue; to?: TimeRangeIssue } };
}) {
  const t = await getTranslations();
  return (
    <FilterForm
      action="/innsendinger"
      label={t("submissions.filters")}
      submitLabel={t("submissions.apply")}
      resetLabel={t("submissions.clear")}
      after={<ExtraListFilters filter={filter} organisations={organisations} />}
    >
      <label className={filterLabelClass}>
        {t("submissions.status")}
        <select name="status" defaultValue={filter.status?.[0] ?? ""} className={input}>
          <option value="">{t("submissions.allStatuses")}</option>
          {SUBMISSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <KindSelect value={filter.kind} />
      <OrganisationSelect value={filter.org} organisations={organisations} />
      <label className={filterLabelClass}>
        {t("submissions.period")}
        <input name="period" defaultValue={filter.period ?? ""} pattern="\d{4}-\d{2}" className={input} />
      </label>
      <TimeRangeFields
        idPrefix="submissions"
        from={filter.from}
        to={filter.to}
        raw={timeRange.raw}
        issues={timeRange.issues}
        inputClass={input}
        quickRangeHref={(range) =>
          `/innsendinger?${filterToSearchParams({ ...filter, ...quickRangeBounds(range, new Date()), cursor: undefined })}`
        }
      />
      <label className={filterLabelClass}>
        {t("submissions.code")}
        <input name="code" defaultValue={filter.code ?? ""} className={`${input} font-mono`} />
      </label>
      <label className={filterLabelClass}>
        {t("submissions.search")}
        <input name="q" type="search" defaultValue={filter.q ?? ""} className={input} aria-describedby="q-hint" />
        <span id="q-hint" className="text-xs font-normal text-muted">
          {t("submissions.searchHint")}
        </span>
      </label>
    </FilterForm>
  );
}
