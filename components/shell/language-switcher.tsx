"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/i18n/actions";

const NAMES = { nb: "Norsk (bokmål)", en: "English" } as const;

export function LanguageSwitcher({ current, tone = "light" }: { current: string; tone?: "light" | "dark" }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t("language")}</span>
      <select
        value={current}
        disabled={pending}
        onChange={(e) =>
          startTransition(async () => {
            await setLocaleAction(e.target.value);
            router.refresh();
          })
        }
        className={`rounded border px-2 py-1 ${tone === "dark" ? "border-white bg-brand-dark text-white" : "border-muted bg-white text-ink"}`}
      >
        {Object.entries(NAMES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
