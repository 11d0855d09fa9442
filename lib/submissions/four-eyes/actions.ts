"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { wakeDeliveryWorker } from "../engine/queue-client";
import { submissionIdSchema } from "../operations/validation";
import { approveSubmission, declineApproval, setFourEyes } from "./four-eyes";
import { declineApprovalSchema, setFourEyesSchema } from "./validation";

/** Approves a version awaiting approval (four-eyes, docs/four-eyes.md) and sends it: the approver is its sender. */
export const approveSubmissionAction = defineAction(
  { name: "approveSubmission", permission: "submission:edit", schema: submissionIdSchema },
  async (input, { user, db }) => {
    const result = await db.transaction((tx) => approveSubmission(tx, user, input.submissionId, user.organisationIds));
    await wakeDeliveryWorker(result.submissionId);
    revalidatePath(`/innsendinger/${result.submissionId}`);
    return result;
  },
);

/** Declines a version awaiting approval, with a reason for its preparer; it stays a draft. */
export const declineApprovalAction = defineAction(
  { name: "declineApproval", permission: "submission:edit", schema: declineApprovalSchema },
  async (input, { user, db }) => {
    const result = await db.transaction((tx) =>
      declineApproval(tx, user, input.submissionId, user.organisationIds, input.reason),
    );
    revalidatePath(`/innsendinger/${result.submissionId}`);
    return result;
  },
);

/** Turns an organisation's four-eyes rule on or off; admins only, audited in the same transaction. */
export const setFourEyesAction = defineAction(
  { name: "setFourEyes", permission: "organisation:manage", schema: setFourEyesSchema },
  async (input, { user, db }) => {
    const result = await db.transaction((tx) =>
      setFourEyes(tx, user, input.organisationId, user.organisationIds, input.fourEyes),
    );
    revalidatePath("/organisasjoner");
    return result;
  },
);
