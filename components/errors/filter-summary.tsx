import { getTranslations } from "next-intl/server";
import type { FilterChip } from "@/components/ui/filter-form";
import { filterChipLinks } from "@/lib/filters/filter-chips";
import type { Translator } from "@/lib/i18n/translator";
import { NO_SPEC_CODE, type SubmissionListFilter } from "@/lib/submissions/queries/list-filter";

const ORDER = ["status", "kind", "org", "period", "from", "to", "code", "spec", "cause", "bulk", "q"] as const;
type Key = (typeof ORDER)[number];
const MONO: readonly string[] = ["code", "spec", "bulk"];

/** One value of a submissions list filter in words (a status in the reader's language, an organisation by name). */
function valueText(t: Translator, key: string, value: string, organisations: { id: string; name: string }[]) {
  switch (key) {
    case "status":
      return t(`status.${value}`);
    case "kind":
      return t(`kind.${value}`);
    case "org":
      return organisations.find((o) => o.id === value)?.name ?? value;
    case "spec":
      return value === NO_SPEC_CODE ? t("errorGroups.filterLabels.specNone") : value;
    case "cause":
      return t(`errorGroups.causes.${value}`);
    case "bulk":
      return value.slice(0, 8);
    default:
      return value;
  }
}

/**
 * Every active filter of a submissions list (or a narrower one, e.g. /feil's) as removable chips,
 * each value in words as FilterSummary says it.
 */
export async function submissionFilterChips(
  path: string,
  filter: Partial<SubmissionListFilter>,
  organisations: { id: string; name: string }[],
): Promise<FilterChip[]> {
  const t = await getTranslations();
  const ordered = Object.fromEntries(ORDER.map((key) => [key, filter[key]]));
  return filterChipLinks(path, ordered).map((chip) => ({
    ...chip,
    label: t(`errorGroups.filterLabels.${chip.key}`),
    text: valueText(t, chip.key, chip.value, organisations),
    mono: MONO.includes(chip.key),
  }));
}

/** A list filter in words, e.g. for a confirmation that must say exactly what it applies to. */
export async function FilterSummary({
  filter,
  organisations,
  only = ORDER,
}: {
  filter: Partial<SubmissionListFilter>;
  organisations: { id: string; name: string }[];
  only?: readonly Key[];
}) {
  const t = await getTranslations();
  const value = (key: Key): string | undefined => {
    const v = filter[key];
    if (v === undefined || v === "") return undefined;
    const values = Array.isArray(v) ? v : [v];
    return values.length > 0 ? values.map((item) => valueText(t, key, item, organisations)).join(", ") : undefined;
  };
  const items = only.flatMap((key) => {
    const v = value(key);
    return v ? [{ key, v }] : [];
  });
  if (items.length === 0) return <p>{t("errorGroups.filterLabels.all")}</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="filter-summary">
      {items.map(({ key, v }) => (
        <div key={key} className="contents">
          <dt className="font-medium">{t(`errorGroups.filterLabels.${key}`)}</dt>
          <dd className={MONO.includes(key) ? "font-mono" : ""}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
