import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What a missing page or record shows (app/not-found.tsx, app/(app)/not-found.tsx; HTTP 404). */
export async function NotFoundNotice() {
  const t = await getTranslations();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-semibold text-brand">{t("frame.notFound.title")}</h1>
      <p>{t("frame.notFound.body")}</p>
      <p className="mt-6">
        <Link href="/">{t("frame.backToOverview")}</Link>
      </p>
    </div>
  );
}
