import { getTranslations } from "next-intl/server";
import { Alert } from "./alert";
import { PageHeader } from "./page-header";

/** Honest empty state for a section whose feature has not shipped yet. */
export async function NotYetAvailable({ titleKey, bodyKey }: { titleKey: string; bodyKey: string }) {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t(titleKey)} />
      <Alert>
        <p className="font-medium">{t("placeholder.notYet")}</p>
        <p>{t(bodyKey)}</p>
      </Alert>
    </>
  );
}
