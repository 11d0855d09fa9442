import { getTranslations } from "next-intl/server";
import { filterInputClass as INPUT, filterLabelClass as LABEL } from "@/components/ui/filter-form";

/** The organisation choice every filter form shares (name `org`, empty = all the user may see). */
export async function OrganisationSelect({
  value,
  organisations,
  label,
  allLabel,
}: {
  value: string | undefined;
  organisations: { id: string; name: string }[];
  label?: string;
  allLabel?: string;
}) {
  const t = await getTranslations("submissions");
  return (
    <label className={LABEL}>
      {label ?? t("organisation")}
      <select name="org" defaultValue={value ?? ""} className={INPUT}>
        <option value="">{allLabel ?? t("allOrganisations")}</option>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The report kind choice (name `kind`, empty = both). */
export async function KindSelect({ value }: { value: string | undefined }) {
  const t = await getTranslations();
  return (
    <label className={LABEL}>
      {t("submissions.kind")}
      <select name="kind" defaultValue={value ?? ""} className={INPUT}>
        <option value="">{t("submissions.allKinds")}</option>
        <option value="oar">{t("kind.oar")}</option>
        <option value="amelding">{t("kind.amelding")}</option>
      </select>
    </label>
  );
}
