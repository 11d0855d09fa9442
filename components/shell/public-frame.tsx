import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/shell/language-switcher";

/** The frame of the pages reached without signing in (sign-in, unsubscribe): the name, the language and a narrow column. */
export async function PublicFrame({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-6 py-4">
          <span className="text-lg font-semibold">{t("name")}</span>
          <LanguageSwitcher current={await getLocale()} tone="dark" />
        </div>
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-6 py-12">{children}</main>
    </div>
  );
}
