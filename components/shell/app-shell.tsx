import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/auth/auth";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";

const NAV: { href: string; key: string; permission: Permission }[] = [
  { href: "/", key: "overview", permission: "submission:read" },
  { href: "/innsendinger", key: "submissions", permission: "submission:read" },
  { href: "/feil", key: "errors", permission: "submission:read" },
  { href: "/oppdrag", key: "oppdrag", permission: "submission:read" },
  { href: "/a-melding", key: "amelding", permission: "submission:read" },
  { href: "/organisasjoner", key: "organisations", permission: "submission:read" },
  { href: "/revisjonslogg", key: "audit", permission: "audit:read" },
  { href: "/maskinporten", key: "maskinporten", permission: "maskinporten:diagnose" },
  { href: "/brukere", key: "users", permission: "user:manage" },
];

export async function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
          <span className="text-lg font-semibold">{t("app.name")}</span>
          <div className="flex flex-wrap items-center gap-4 text-sm">
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
        </div>
        <nav aria-label={t("nav.label")} className="mx-auto max-w-7xl px-3">
          <ul className="flex flex-wrap">
            {NAV.filter((item) => hasPermission(user.role, item.permission)).map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{t(`nav.${item.key}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">
        {children}
      </main>
    </div>
  );
}
