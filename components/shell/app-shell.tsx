import { getLocale, getTranslations } from "next-intl/server";
import { type ReactNode, Suspense } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/auth/auth";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { countUnread } from "@/lib/notifications/notification-queries";
import { LanguageSwitcher } from "./language-switcher";
import { MenuFrame } from "./menu-frame";
import { NavLink } from "./nav-link";
import { NavigationProgress } from "./navigation-progress";

const NAV: { href: string; key: string; permission: Permission }[] = [
  { href: "/", key: "overview", permission: "submission:read" },
  { href: "/tavle", key: "board", permission: "board:read" },
  { href: "/innsendinger", key: "submissions", permission: "submission:read" },
  { href: "/feil", key: "errors", permission: "submission:read" },
  { href: "/oppdrag", key: "oppdrag", permission: "submission:read" },
  { href: "/a-melding", key: "amelding", permission: "submission:read" },
  { href: "/organisasjoner", key: "organisations", permission: "submission:read" },
  { href: "/revisjonslogg", key: "audit", permission: "audit:read" },
  { href: "/maskinporten", key: "maskinporten", permission: "maskinporten:diagnose" },
  { href: "/brukere", key: "users", permission: "user:manage" },
  { href: "/api-nokler", key: "apiKeys", permission: "api_key:manage" },
  { href: "/webhooks", key: "webhooks", permission: "webhook:manage" },
];

/**
 * The frame of every signed-in page: the header with the navigation (folded behind a menu button
 * on a phone, at most 64 px tall there) and the notification bell, a progress bar for slow
 * navigations, and the main area.
 */
export async function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const [t, unread] = await Promise.all([getTranslations(), countUnread(getDb(), user)]);
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <Suspense fallback={null}>
        <NavigationProgress label={t("frame.loading")} />
      </Suspense>
      <header className="bg-brand text-white" data-testid="app-header">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 px-4 md:px-6">
          <span className="py-3 text-lg font-semibold">{t("app.name")}</span>
          <MenuFrame openLabel={t("frame.menu")}>
            <nav aria-label={t("nav.label")} className="md:order-2 md:-mx-3 md:basis-full">
              <ul className="flex flex-col md:flex-row md:flex-wrap">
                {NAV.filter((item) => hasPermission(user.role, item.permission)).map((item) => (
                  <li key={item.href}>
                    <NavLink href={item.href}>{t(`nav.${item.key}`)}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex flex-wrap items-center gap-4 text-sm md:order-1 md:ml-auto md:py-3">
              <NotificationBell initialUnread={unread} />
              <LanguageSwitcher current={await getLocale()} tone="dark" />
              <span data-testid="signed-in-user">
                {t("nav.signedInAs")} <strong>{user.name}</strong> ({t(`roles.${user.role}`)})
              </span>
              <form
                action={async () => {
                  "use server";
                  await signOut({ redirectTo: "/login" });
                }}
              >
                <Button type="submit" variant="inverse" size="sm">
                  {t("nav.signOut")}
                </Button>
              </form>
            </div>
          </MenuFrame>
        </div>
      </header>
      <main id="main" className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 md:px-6 md:py-8">
        {children}
      </main>
    </div>
  );
}
