import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "./alert";

/** What a page a role may not open shows, inside the app's frame (app/(app)/forbidden.tsx, HTTP 403). */
export async function ForbiddenNotice() {
  const t = await getTranslations();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-semibold text-brand">{t("forbidden.title")}</h1>
      <Alert tone="warning">{t("forbidden.body")}</Alert>
      <p className="mt-6">
        <Link href="/">{t("frame.backToOverview")}</Link>
      </p>
    </div>
  );
}
