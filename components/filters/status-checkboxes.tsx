import { getTranslations } from "next-intl/server";
import { SUBMISSION_STATUSES } from "@/lib/submissions/queries/list-filter";

/**
 * The status filter: any number of statuses (repeated `status` in the URL), as checkboxes in a
 * fieldset, so it works without JavaScript and every choice is visible. None checked: all.
 */
export async function StatusCheckboxes({ selected }: { selected: readonly string[] }) {
  const t = await getTranslations();
  return (
    <fieldset className="sm:col-span-2 lg:col-span-4" aria-describedby="status-hint">
      <legend className="text-sm font-medium">{t("submissions.status")}</legend>
      <p id="status-hint" className="text-xs text-muted">
        {t("filters.statusHint")}
      </p>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {SUBMISSION_STATUSES.map((s) => (
          <label key={s} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name="status" value={s} defaultChecked={selected.includes(s)} className="size-4" />
            {t(`status.${s}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
