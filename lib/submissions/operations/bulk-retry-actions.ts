"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { wakeDeliveryWorkers } from "../engine/queue-client";
import { parseSubmissionListFilter } from "../queries/list-filter";
import { startBulkRetry } from "./bulk-retry";
import { bulkRetryInputSchema } from "./bulk-retry-input";

/**
 * "Retry all (same key)" over the whole filtered set. The count the user confirmed must still be
 * the count now, so nobody retries more (or other) submissions than the confirmation stated.
 */
export const startBulkRetryAction = defineAction(
  { name: "startBulkRetry", permission: "submission:retry", schema: bulkRetryInputSchema },
  async (input, { user, db }) => {
    const filter = parseSubmissionListFilter(new URLSearchParams(input.query));
    const result = await startBulkRetry(db, user, user.organisationIds, filter, {
      confirmedCount: input.confirmedCount,
    });
    await wakeDeliveryWorkers(result.submissionIds);
    revalidatePath("/feil");
    return { operationId: result.operationId };
  },
);
