import { getTranslations } from "next-intl/server";
import { OrganisationSelect } from "@/components/filters/filter-selects";
import { TimeRangeFields } from "@/components/filters/time-range-fields";
import {
  type FilterChip,
  FilterForm,
  filterInputClass as input,
  filterLabelClass as label,
} from "@/components/ui/filter-form";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "@/lib/audit/audit-events";
import { type AuditListFilter, auditFilterToSearchParams } from "@/lib/audit/audit-filter";
import { auditActionLabel } from "@/lib/audit/audit-labels";
import { filterChipLinks } from "@/lib/filters/filter-chips";
import { quickRangeBounds, type TimeRangeInput } from "@/lib/filters/time-range";

/** A plain GET form: the filters become the URL, so a filtered view of the log can be shared. */
export async function AuditFilters({
  filter,
  organisations,
  includeDetails,
  timeRange,
}: {
  filter: AuditListFilter;
  organisations: { id: string; name: string }[];
  includeDetails: boolean;
  timeRange: TimeRangeInput;
}) {
  const t = await getTranslations();
  // An action the app no longer records (or not yet names) stays selectable when the URL has it.
  const actions: string[] = [...AUDIT_ACTIONS];
  if (filter.action && !actions.includes(filter.action)) actions.push(filter.action);
  const chipLabels: Record<string, string> = {
    actor: t("auditLog.actor"),
    action: t("auditLog.action"),
    target: t("auditLog.targetType"),
    org: t("auditLog.organisation"),
    from: t("history.from"),
    to: t("history.to"),
    q: t("auditLog.search"),
  };
  const chipText = (key: string, value: string) =>
    key === "action"
      ? auditActionLabel(t, value)
      : key === "target"
        ? t(`auditLog.targetTypes.${value}`)
        : key === "org"
          ? (organisations.find((o) => o.id === value)?.name ?? value)
          : value;
  const chips: FilterChip[] = filterChipLinks("/revisjonslogg", filter, ["before"]).map((chip) => ({
    ...chip,
    label: chipLabels[chip.key] ?? chip.key,
    text: chipText(chip.key, chip.value),
  }));
  return (
    <FilterForm
      action="/revisjonslogg"
      label={t("auditLog.filters")}
      submitLabel={t("auditLog.apply")}
      resetLabel={t("auditLog.clear")}
      chips={chips}
      open={Boolean(timeRange.issues.from || timeRange.issues.to)}
    >
      <label className={label}>
        {t("auditLog.actor")}
        <input name="actor" type="search" defaultValue={filter.actor ?? ""} className={input} />
      </label>
      <label className={label}>
        {t("auditLog.action")}
        <select name="action" defaultValue={filter.action ?? ""} className={input}>
          <option value="">{t("auditLog.allActions")}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(t, a)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("auditLog.targetType")}
        <select name="target" defaultValue={filter.target ?? ""} className={input}>
          <option value="">{t("auditLog.allTargetTypes")}</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`auditLog.targetTypes.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <OrganisationSelect
        value={filter.org}
        organisations={organisations}
        label={t("auditLog.organisation")}
        allLabel={t("auditLog.allOrganisations")}
      />
      <TimeRangeFields
        idPrefix="audit"
        from={filter.from}
        to={filter.to}
        raw={timeRange.raw}
        issues={timeRange.issues}
        inputClass={input}
        quickRangeHref={(range) =>
          `/revisjonslogg?${auditFilterToSearchParams({ ...filter, ...quickRangeBounds(range, new Date()), before: undefined })}`
        }
      />
      <label className={`${label} sm:col-span-2`}>
        {t("auditLog.search")}
        <input name="q" type="search" defaultValue={filter.q ?? ""} className={input} aria-describedby="audit-q-hint" />
        <span id="audit-q-hint" className="text-xs font-normal text-muted">
          {includeDetails ? t("auditLog.searchHintDetails") : t("auditLog.searchHint")}
        </span>
      </label>
    </FilterForm>
  );
}
