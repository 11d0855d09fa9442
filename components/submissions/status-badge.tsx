"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Tag } from "@/components/ui/tag";
import type { SubmissionStatus } from "@/lib/db/schema";

const TONE: Record<SubmissionStatus, "neutral" | "brand" | "success" | "danger" | "warning"> = {
  draft: "neutral",
  queued: "brand",
  sending: "brand",
  retrying: "warning",
  accepted: "success",
  rejected: "danger",
  conflict: "danger",
  failed: "danger",
};

export function StatusBadge({ status, nextAttemptAt }: { status: SubmissionStatus; nextAttemptAt?: string | null }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <span className="inline-flex flex-col gap-0.5">
      <Tag tone={TONE[status]}>{t(`status.${status}`)}</Tag>
      {status === "retrying" && nextAttemptAt && (
        <span className="text-xs text-muted">
          {t("statusHelp.retryingAt", { time: format.dateTime(new Date(nextAttemptAt), { timeStyle: "medium" }) })}
        </span>
      )}
    </span>
  );
}
