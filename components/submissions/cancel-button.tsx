"use client";

import { cancelSubmissionAction } from "@/lib/submissions/operations/actions";
import { ConfirmedSubmissionAction } from "./confirmed-submission-action";

/** "Cancel submission" behind a confirmation that says what cancelling does and does not undo. */
export function CancelButton({ submissionId }: { submissionId: string }) {
  return (
    <ConfirmedSubmissionAction
      submissionId={submissionId}
      action={cancelSubmissionAction}
      texts={{
        open: "detail.cancelSubmission",
        confirm: "detail.cancelConfirm",
        yes: "detail.cancelYes",
        no: "detail.cancelNo",
        done: "detail.cancelDone",
      }}
    />
  );
}
