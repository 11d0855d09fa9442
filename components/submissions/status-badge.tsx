"use client";

import { useLocale, useTranslations } from "next-intl";
import { Tag } from "@/components/ui/tag";
import type { FeedbackStatus, SubmissionStatus } from "@/lib/db/schema";
import { formatter } from "@/lib/i18n/format";

const TONE: Record<SubmissionStatus, "neutral" | "brand" | "success" | "danger" | "warning"> = {
  draft: "neutral",
  queued: "brand",
  sending: "brand",
  retrying: "warning",
  accepted: "success",
  rejected: "danger",
  conflict: "danger",
  failed: "danger",
  cancelled: "neutral",
};

const FEEDBACK_TONE: Record<FeedbackStatus, "neutral" | "brand" | "success" | "danger" | "warning"> = {
  waiting: "neutral",
  ok: "success",
  deviations: "warning",
  rejected: "danger",
  error: "danger",
};

/** The delivery status, and for an accepted A-melding where its feedback from Skatteetaten stands. */
export function StatusBadge({
  status,
  nextAttemptAt,
  feedbackStatus,
  awaitingApproval,
}: {
  status: SubmissionStatus;
  nextAttemptAt?: string | null;
  feedbackStatus?: FeedbackStatus | null;
  /** Four-eyes (docs/four-eyes.md): a draft whose current version waits for another user's approval. */
  awaitingApproval?: boolean;
}) {
  const t = useTranslations();
  const format = formatter(useLocale());
  return (
    <span className="inline-flex flex-col gap-0.5">
      <Tag tone={TONE[status]}>{t(`status.${status}`)}</Tag>
      {status === "draft" && awaitingApproval && <Tag tone="warning">{t("fourEyes.awaiting")}</Tag>}
      {status === "retrying" && nextAttemptAt && (
        <span className="text-xs text-muted">
          {t("statusHelp.retryingAt", { time: format.time(nextAttemptAt, { seconds: true }) })}
        </span>
      )}
      {status === "accepted" && feedbackStatus && (
        <span data-testid="feedback-status">
          <Tag tone={FEEDBACK_TONE[feedbackStatus]}>{t(`feedback.list.${feedbackStatus}`)}</Tag>
        </span>
      )}
    </span>
  );
}
