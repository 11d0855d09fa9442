"use client";

import { useTranslations } from "next-intl";
import type { AltinnErrorDetails } from "@/lib/system-users/request-system-user";

/** Altinn's answer in words: our explanation of its code (or of the failure), then what Altinn itself said. */
export function AltinnErrorView({ error, title }: { error: AltinnErrorDetails; title: string }) {
  const t = useTranslations("systemUsers.altinnError");
  const translate = useTranslations();
  const mp = error.maskinporten;
  const explanation =
    error.code && t.has(`codes.${error.code}`)
      ? t(`codes.${error.code}`)
      : error.setting
        ? t(error.setting === "ALTINN_SYSTEM_ID" ? "settingSystemId" : "setting", { variable: error.setting })
        : mp && translate.has(`maskinportenErrors.${mp.key}.explanation`)
          ? `${t("kind.token")} ${translate(`maskinportenErrors.${mp.key}.explanation`, mp.values)}`
          : t(`kind.${error.kind}`);
  const fieldErrors = Object.entries(error.fieldErrors);
  return (
    <div
      role="alert"
      className="mt-2 rounded border border-danger bg-danger-light p-3 text-sm"
      data-testid="altinn-error"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{explanation}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {error.code && (
          <>
            <dt>{t("code")}</dt>
            <dd className="font-mono">{error.code}</dd>
          </>
        )}
        {error.httpStatus !== undefined && (
          <>
            <dt>{t("httpStatus")}</dt>
            <dd className="font-mono">{error.httpStatus}</dd>
          </>
        )}
        {(error.title || error.detail) && (
          <>
            <dt>{t("altinnSays")}</dt>
            <dd lang="en">{[error.title, error.detail].filter(Boolean).join(" – ")}</dd>
          </>
        )}
        {fieldErrors.map(([field, messages]) => (
          <div key={field} className="contents">
            <dt>
              {t("field")} <code>{field}</code>
            </dt>
            <dd lang="en">{messages.join(" ")}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
