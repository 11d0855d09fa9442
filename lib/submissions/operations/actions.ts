"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { wakeDeliveryWorker } from "../engine/queue-client";
import { cancelSubmission, retrySubmission } from "./operations";
import { submissionIdSchema } from "./validation";

/** "Retry (same key)": for transport failures, 429 and 5xx; sends the same body with the same key. */
export const retrySubmissionAction = defineAction(
  { name: "retrySubmission", permission: "submission:retry", schema: submissionIdSchema },
  async (input, { user, db }) => {
    const result = await db.transaction((tx) => retrySubmission(tx, user, input.submissionId, user.organisationIds));
    await wakeDeliveryWorker(result.submissionId);
    revalidatePath(`/innsendinger/${result.submissionId}`);
    return result;
  },
);

/**
 * Cancels a submission that has not been accepted: stops further attempts, or puts aside a draft
 * or an unsuccessful one. Scoped to the user's organisations and audited in the same transaction.
 */
export const cancelSubmissionAction = defineAction(
  { name: "cancelSubmission", permission: "submission:cancel", schema: submissionIdSchema },
  async (input, { user, db }) => {
    const result = await db.transaction((tx) => cancelSubmission(tx, user, input.submissionId, user.organisationIds));
    revalidatePath(`/innsendinger/${result.submissionId}`);
    return result;
  },
);
