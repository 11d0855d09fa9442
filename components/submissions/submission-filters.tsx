import { KindSelect, OrganisationSelect } from "@/components/filters/filter-selects";
import { getTranslations } from "next-intl/server";
import { ExtraListFilters } from "@/components/errors/extra-list-filters";
import { TimeRangeFields } from "@/components/filters/time-range-fields";
import { quickRangeBounds, type TimeRangeIssue } from "@/lib/filters/time-range";
import { filterToSearchParams, SUBMISSION_STATUSES, type SubmissionListFilter } from "@/lib/submissions/queries/list-filter";

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
  const input = "mt-1 w-full rounded border border-muted px-2 py-1.5";
  return (
    <form method="get" action="/innsendinger" className="mb-6 rounded border border-line bg-white p-4" aria-label={t("submissions.filters")}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="block text-sm font-medium">
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
        <label className="block text-sm font-medium">
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
        <label className="block text-sm font-medium">
          {t("submissions.code")}
          <input name="code" defaultValue={filter.code ?? ""} className={`${input} font-mono`} />
        </label>
        <label className="block text-sm font-medium">
          {t("submissions.search")}
          <input name="q" type="search" defaultValue={filter.q ?? ""} className={input} aria-describedby="q-hint" />
          <span id="q-hint" className="text-xs font-normal text-muted">
            {t("submissions.searchHint")}
          </span>
        </label>
      </div>
      <ExtraListFilters filter={filter} organisations={organisations} />
      <div className="mt-4 flex gap-3">
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          {t("submissions.apply")}
        </button>
        <a href="/innsendinger" className="px-2 py-2">
          {t("submissions.clear")}
        </a>
      </div>
    </form>
  );
}
