import { createdSchema, submissionIdParams } from "@/lib/api/v1/schemas";
import { submitDraftFromApi } from "@/lib/api/v1/submissions";
import { answer, defineRoute } from "@/lib/routes/define-route";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";

export const dynamic = "force-dynamic";

/** Sends a draft as it is stored, every field checked; a draft with errors answers them all (400). */
export const POST = defineRoute(
  {
    name: "api-v1-submission-submit",
    access: { apiKey: { scope: "submit" } },
    idempotent: true,
    params: submissionIdParams,
    output: createdSchema,
  },
  async ({ params }, { api, db, afterCommit }) => {
    const result = await submitDraftFromApi(db, api, params.id);
    if (result.queued) afterCommit(() => wakeDeliveryWorker(result.submissionId));
    return answer(
      {
        submissionId: result.submissionId,
        status: result.queued ? "queued" : "draft",
        awaitingApproval: result.awaitingApproval,
      },
      { status: 200 },
    );
  },
);
