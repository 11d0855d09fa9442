"use client";

import { useTranslations } from "next-intl";
import type { UnknownElementWarning } from "@/lib/amelding/import/import-issues";

/** XML elements that are not in A-melding v2.3: left out of the import, shown so nothing goes missing unnoticed. */
export function UnknownElements({ warnings }: { warnings: UnknownElementWarning[] }) {
  const t = useTranslations("ameldingImport");
  if (warnings.length === 0) return null;
  return (
    <div className="mt-4 border-l-4 border-warning bg-warning-light px-4 py-3" data-testid="import-unknown-elements">
      <h3 className="font-semibold">{t("unknownTitle")}</h3>
      <p className="text-sm">{t("unknownBody")}</p>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {warnings.map((w) => (
          <li key={w.element}>
            <code>{w.element}</code> {t("unknownCount", { count: w.count })}
          </li>
        ))}
      </ul>
    </div>
  );
}
