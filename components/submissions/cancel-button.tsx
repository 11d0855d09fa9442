"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cancelSubmissionAction } from "@/lib/submissions/operations/actions";

/** "Cancel submission" behind a confirmation that says what cancelling does and does not undo. */
export function CancelButton({ submissionId }: { submissionId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <div>
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("detail.cancelSubmission")}
        </Button>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </div>
    );
  }
  return (
    <fieldset aria-label={t("detail.cancelSubmission")} className="rounded border border-warning bg-warning-light p-4">
      <p className="mb-3">{t("detail.cancelConfirm")}</p>
      <div className="flex gap-3">
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const r = await cancelSubmissionAction({ submissionId });
              setConfirming(false);
              setMessage(r.ok ? { tone: "success", text: t("detail.cancelDone") } : { tone: "danger", text: t(r.error.messageKey) });
              router.refresh();
            })
          }
        >
          {t("detail.cancelYes")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          {t("detail.cancelNo")}
        </Button>
      </div>
    </fieldset>
  );
}
