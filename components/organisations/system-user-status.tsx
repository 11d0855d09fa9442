"use client";

import { useLocale, useTranslations } from "next-intl";
import { CopyValue } from "@/components/ui/copy-button";
import { Tag } from "@/components/ui/tag";
import { formatter } from "@/lib/i18n/format";
import type { OrganisationSystemUserRow } from "@/lib/system-users/organisation-rows";

const TONE = { none: "neutral", new: "warning", accepted: "success", rejected: "danger", timed_out: "danger" } as const;

/** Where the organisation's system user stands, with the link the customer must open while it is pending. */
export function SystemUserStatus({ row }: { row: OrganisationSystemUserRow }) {
  const t = useTranslations("systemUsers");
  const format = formatter(useLocale());
  const su = row.systemUser;
  const status = su?.status ?? "none";
  const date = (iso: string) => format.dateTime(new Date(iso));
  return (
    <div className="flex flex-col gap-1" data-testid={`system-user-${row.orgnr}`}>
      <span>
        <Tag tone={TONE[status]}>{t(`status.${status}`)}</Tag>
      </span>
      <span className="text-sm">{t(`help.${status}`)}</span>
      {su && (
        <span className="text-xs text-muted">
          {t("requestedAt", { date: date(su.requestedAt) })}
          {su.decidedAt && <> · {t("decidedAt", { date: date(su.decidedAt) })}</>}
          {su.status === "new" && su.lastCheckedAt && <> · {t("lastCheckedAt", { date: date(su.lastCheckedAt) })}</>}
        </span>
      )}
      {su?.status === "new" && su.confirmUrl && (
        <div className="mt-1 flex flex-col gap-1 text-sm">
          <a href={su.confirmUrl} target="_blank" rel="noopener noreferrer" className="text-interactive underline">
            {t("confirmLink")}
          </a>
          <CopyValue value={su.confirmUrl} label={t("confirmUrlLabel")} />
        </div>
      )}
    </div>
  );
}
