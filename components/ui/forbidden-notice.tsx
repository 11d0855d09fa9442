import { getTranslations } from "next-intl/server";
import { Alert } from "./alert";

export async function ForbiddenNotice() {
  const t = await getTranslations("forbidden");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-semibold text-brand">{t("title")}</h1>
      <Alert tone="warning">{t("body")}</Alert>
    </div>
  );
}
