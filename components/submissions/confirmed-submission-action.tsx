"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action-result";
import { submissionIdSchema } from "@/lib/submissions/operations/validation";

/** Message keys of one confirmed action: its button, the confirmation, the answers and the result. */
export type ConfirmedActionTexts = { open: string; confirm: string; yes: string; no: string; done: string };

/**
 * A submission action (retry, cancel) behind a confirmation that says what it will do. After
 * either answer the page is rendered again, so it shows the submission's new state.
 */
export function ConfirmedSubmissionAction({
  submissionId,
  action,
  texts,
}: {
  submissionId: string;
  action: (input: { submissionId: string }) => Promise<ActionResult<unknown>>;
  texts: ConfirmedActionTexts;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const answered = () => {
    setConfirming(false);
    router.refresh();
  };
  const form = useActionForm({ action, schema: submissionIdSchema, onSuccess: answered, onError: answered });
  if (!confirming) {
    return (
      <div>
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t(texts.open)}
        </Button>
        {form.succeeded && <Alert tone="success">{t(texts.done)}</Alert>}
        <ErrorMessage error={form.error} />
      </div>
    );
  }
  return (
    <fieldset aria-label={t(texts.open)} className="rounded border border-warning bg-warning-light p-4">
      <p className="mb-3">{t(texts.confirm)}</p>
      <div className="flex gap-3">
        <Button type="button" disabled={form.pending} onClick={() => form.submit({ submissionId })}>
          {t(texts.yes)}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          {t(texts.no)}
        </Button>
      </div>
    </fieldset>
  );
}
