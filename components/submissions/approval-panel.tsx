"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { TextAreaField } from "@/components/forms/text-area-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { approveSubmissionAction, declineApprovalAction } from "@/lib/submissions/four-eyes/actions";
import { declineApprovalSchema } from "@/lib/submissions/four-eyes/validation";
import { ConfirmedSubmissionAction } from "./confirmed-submission-action";

/**
 * Four-eyes (docs/four-eyes.md): approving sends the version; declining keeps it a draft with a
 * reason for its preparer. Shown to users who may send and did not prepare it; the server refuses
 * the preparer whatever the page shows.
 */
export function ApprovalPanel({ submissionId }: { submissionId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const decline = useActionForm({
    action: declineApprovalAction,
    schema: declineApprovalSchema,
    onSuccess: () => router.refresh(),
    onError: () => router.refresh(),
  });
  return (
    <div className="flex flex-col gap-4" data-testid="approval-panel">
      <ConfirmedSubmissionAction
        submissionId={submissionId}
        action={approveSubmissionAction}
        texts={{
          open: "fourEyes.approve",
          confirm: "fourEyes.approveConfirm",
          yes: "fourEyes.approveYes",
          no: "detail.cancel",
          done: "fourEyes.approved",
        }}
      />
      <form onSubmit={decline.handleSubmit} noValidate className="flex max-w-xl flex-col gap-2">
        <input type="hidden" name="submissionId" value={submissionId} />
        <TextAreaField
          idPrefix="decline"
          name="reason"
          label={t("fourEyes.declineReason")}
          maxLength={500}
          errors={decline.fieldErrors.reason}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={decline.pending}>
            {t("fourEyes.decline")}
          </Button>
        </div>
        <ErrorMessage error={decline.error} />
      </form>
    </div>
  );
}
