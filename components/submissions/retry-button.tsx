"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { retrySubmissionAction } from "@/lib/submissions/operations/actions";
import { submissionIdSchema } from "@/lib/submissions/operations/validation";

/** "Retry (same key)" behind an explicit confirmation that says what will happen. */
export function RetryButton({ submissionId }: { submissionId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const answered = () => {
    setConfirming(false);
    router.refresh();
  };
  const form = useActionForm({
    action: retrySubmissionAction,
    schema: submissionIdSchema,
    onSuccess: answered,
    onError: answered,
  });
  if (!confirming) {
    return (
      <div>
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("detail.retry")}
        </Button>
        {form.succeeded && <Alert tone="success">{t("detail.retryQueued")}</Alert>}
        <ErrorMessage error={form.error} />
      </div>
    );
  }
  return (
    <fieldset aria-label={t("detail.retry")} className="rounded border border-warning bg-warning-light p-4">
      <p className="mb-3">{t("detail.retryConfirm")}</p>
      <div className="flex gap-3">
        <Button type="button" disabled={form.pending} onClick={() => form.submit({ submissionId })}>
          {t("detail.retryYes")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          {t("detail.cancel")}
        </Button>
      </div>
    </fieldset>
  );
}
