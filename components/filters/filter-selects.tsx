import { getTranslations } from "next-intl/server";

const LABEL = "block text-sm font-medium";
const INPUT = "mt-1 w-full rounded border border-muted px-2 py-1.5";

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
