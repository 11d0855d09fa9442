import { getTranslations } from "next-intl/server";
import { QUICK_RANGES, type QuickRange, type TimeRangeIssue, timeBoundInputValue } from "@/lib/filters/time-range";

const QUICK_RANGE_LABELS: Record<QuickRange, string> = { "24h": "last24h", "7d": "last7d", "30d": "last30d" };

/**
 * From/to date-and-time inputs of a GET filter form, with a field-level error when the URL held a
 * bound that could not be applied, and quick ranges as links (absolute bounds, so shareable).
 */
export async function TimeRangeFields({
  idPrefix,
  from,
  to,
  raw,
  issues,
  quickRangeHref,
  inputClass,
}: {
  idPrefix: string;
  from?: string;
  to?: string;
  /** The bounds as the URL had them, to quote in an error. */
  raw: { from?: string; to?: string };
  issues: { from?: TimeRangeIssue; to?: TimeRangeIssue };
  quickRangeHref: (range: QuickRange) => string;
  inputClass: string;
}) {
  const t = await getTranslations("history");
  const field = (side: "from" | "to", value: string | undefined) => {
    const id = `${idPrefix}-${side}`;
    const issue = issues[side];
    const describedBy = [`${idPrefix}-time-hint`, issue && `${id}-error`].filter(Boolean).join(" ");
    return (
      <div className="text-sm font-medium">
        <label htmlFor={id}>{t(side)}</label>
        <input
          id={id}
          type="datetime-local"
          name={side}
          defaultValue={timeBoundInputValue(value, side)}
          aria-invalid={issue ? true : undefined}
          aria-describedby={describedBy}
          className={`${inputClass} ${issue ? "border-2 border-danger" : ""}`}
        />
        {issue && (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger">
            {issue === "timeInvalid" ? t("timeInvalid", { value: raw[side] ?? "" }) : t("rangeReversed")}
          </p>
        )}
      </div>
    );
  };
  return (
    <>
      {field("from", from)}
      {field("to", to)}
      <div className="text-sm sm:col-span-2">
        <p id={`${idPrefix}-time-hint`} className="text-muted">
          {t("timeHint")}
        </p>
        <nav aria-label={t("quickRanges")} className="mt-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {(Object.keys(QUICK_RANGES) as QuickRange[]).map((range) => (
              <li key={range}>
                <a href={quickRangeHref(range)}>{t(QUICK_RANGE_LABELS[range])}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </>
  );
}
