import { getTranslations } from "next-intl/server";
import { NO_SPEC_CODE, type SubmissionListFilter } from "@/lib/submissions/queries/list-filter";

const ORDER = ["status", "kind", "org", "period", "from", "to", "code", "spec", "cause", "bulk", "q"] as const;
type Key = (typeof ORDER)[number];

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
    switch (key) {
      case "status":
        return filter.status?.length ? filter.status.map((s) => t(`status.${s}`)).join(", ") : undefined;
      case "kind":
        return filter.kind && t(`kind.${filter.kind}`);
      case "org":
        return filter.org && (organisations.find((o) => o.id === filter.org)?.name ?? filter.org);
      case "spec":
        return filter.spec === NO_SPEC_CODE ? t("errorGroups.filterLabels.specNone") : filter.spec;
      case "cause":
        return filter.cause && t(`errorGroups.causes.${filter.cause}`);
      case "bulk":
        return filter.bulk?.slice(0, 8);
      default:
        return filter[key];
    }
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
          <dd className={["code", "spec", "bulk"].includes(key) ? "font-mono" : ""}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
