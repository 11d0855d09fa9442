"use client";

import { retrySubmissionAction } from "@/lib/submissions/operations/actions";
import { ConfirmedSubmissionAction } from "./confirmed-submission-action";

/** "Retry (same key)" behind an explicit confirmation that says what will happen. */
export function RetryButton({ submissionId }: { submissionId: string }) {
  return (
    <ConfirmedSubmissionAction
      submissionId={submissionId}
      action={retrySubmissionAction}
      texts={{
        open: "detail.retry",
        confirm: "detail.retryConfirm",
        yes: "detail.retryYes",
        no: "detail.cancel",
        done: "detail.retryQueued",
      }}
    />
  );
}
