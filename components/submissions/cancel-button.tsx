"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cancelSubmissionAction } from "@/lib/submissions/operations/actions";
import { submissionIdSchema } from "@/lib/submissions/operations/validation";

/** "Cancel submission" behind a confirmation that says what cancelling does and does not undo. */
export function CancelButton({ submissionId }: { submissionId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const answered = () => {
    setConfirming(false);
    router.refresh();
  };
  const form = useActionForm({
    action: cancelSubmissionAction,
    schema: submissionIdSchema,
    onSuccess: answered,
    onError: answered,
  });
  if (!confirming) {
    return (
      <div>
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("detail.cancelSubmission")}
        </Button>
        {form.succeeded && <Alert tone="success">{t("detail.cancelDone")}</Alert>}
        <ErrorMessage error={form.error} />
      </div>
    );
  }
  return (
    <fieldset aria-label={t("detail.cancelSubmission")} className="rounded border border-warning bg-warning-light p-4">
      <p className="mb-3">{t("detail.cancelConfirm")}</p>
      <div className="flex gap-3">
        <Button type="button" disabled={form.pending} onClick={() => form.submit({ submissionId })}>
          {t("detail.cancelYes")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          {t("detail.cancelNo")}
        </Button>
      </div>
    </fieldset>
  );
}
