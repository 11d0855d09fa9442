import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicFrame } from "@/components/shell/public-frame";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("unsubscribe.title") };
}

export const dynamic = "force-dynamic";

/**
 * Where the unsubscribe link in a notification e-mail leads, without signing in. Opening it
 * changes nothing (mail scanners open links); the button posts the token to
 * app/api/notifications/unsubscribe, which checks it and comes back here with the outcome.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; status?: string | string[] }>;
}) {
  const t = await getTranslations();
  const { token, status } = await searchParams;
  const tokenValue = typeof token === "string" && token.length <= 200 ? token : null;
  return (
    <PublicFrame>
      <h1 className="mb-4 text-2xl font-semibold text-brand">{t("notifications.unsubscribe.title")}</h1>
      {status === "done" ? (
        <p role="status">{t("notifications.unsubscribe.done")}</p>
      ) : status === "invalid" || !tokenValue ? (
        <p role="alert">{t("notifications.unsubscribe.invalid")}</p>
      ) : (
        <form method="post" action={`/api/notifications/unsubscribe?token=${encodeURIComponent(tokenValue)}`}>
          <p className="mb-4">{t("notifications.unsubscribe.confirm")}</p>
          <Button type="submit">{t("notifications.unsubscribe.button")}</Button>
        </form>
      )}
    </PublicFrame>
  );
}
