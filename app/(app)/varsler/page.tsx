import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { NotificationSettingsForm } from "@/components/notifications/notification-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { Tag } from "@/components/ui/tag";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translator } from "@/lib/i18n/translator";
import {
  getNotificationSettings,
  listNotifications,
  NOTIFICATION_PAGE_SIZE,
} from "@/lib/notifications/notification-queries";
import { notificationText } from "@/lib/notifications/notification-text";
import { listOrganisationsForUser } from "@/lib/organisations/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

/** The reader's notification centre: their own notifications of their organisations, and their settings. */
export default async function NotificationsPage() {
  const user = await requireUser();
  const db = getDb();
  const [t, tAll, locale, items, settings, organisations] = await Promise.all([
    getTranslations("notifications"),
    getTranslations(),
    getLocale(),
    listNotifications(db, user),
    getNotificationSettings(db, user.id),
    listOrganisationsForUser(db, user.organisationIds),
  ]);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} actions={unread > 0 ? <MarkReadButton ids="all" /> : null} />
      <div className="grid gap-8 xl:grid-cols-[2fr_1fr]">
        <section aria-label={t("listLabel")}>
          {items.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            <ul className="divide-y divide-line" data-testid="notification-list">
              {items.map((n) => (
                <li key={n.id} className="py-3" data-testid="notification" data-kind={n.kind}>
                  <div className="flex flex-wrap items-center gap-2">
                    {n.readAt ? null : <Tag tone="brand">{t("unread")}</Tag>}
                    <span className={n.readAt ? "" : "font-medium"}>
                      {notificationText(tAll as unknown as Translator, locale, n)}
                    </span>
                  </div>
                  <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-muted">
                    <span>{n.organisationName}</span>
                    <span>{formatDateTime(locale, n.createdAt)}</span>
                    <Link className="text-interactive underline" href={n.link}>
                      {t("fix")}
                    </Link>
                    {n.readAt ? null : <MarkReadButton ids={[n.id]} />}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {items.length === NOTIFICATION_PAGE_SIZE ? (
            <p className="mt-2 text-sm text-muted">{t("newest", { count: NOTIFICATION_PAGE_SIZE })}</p>
          ) : null}
        </section>
        <section>
          <h2 className="mb-3 text-lg font-semibold">{t("settings.title")}</h2>
          <NotificationSettingsForm settings={settings} organisations={organisations} />
        </section>
      </div>
    </>
  );
}
