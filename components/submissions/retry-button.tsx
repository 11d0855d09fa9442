"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { retrySubmissionAction } from "@/lib/submissions/operations/actions";

/** "Retry (same key)" behind an explicit confirmation that says what will happen. */
export function RetryButton({ submissionId }: { submissionId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <div>
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("detail.retry")}
        </Button>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </div>
    );
  }
  return (
    <fieldset aria-label={t("detail.retry")} className="rounded border border-warning bg-warning-light p-4">
      <p className="mb-3">{t("detail.retryConfirm")}</p>
      <div className="flex gap-3">
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const r = await retrySubmissionAction({ submissionId });
              setConfirming(false);
              setMessage(r.ok ? { tone: "success", text: t("detail.retryQueued") } : { tone: "danger", text: t(r.error.messageKey) });
              router.refresh();
            })
          }
        >
          {t("detail.retryYes")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          {t("detail.cancel")}
        </Button>
      </div>
    </fieldset>
  );
}
