import { API_BODY_LIMITS, correctedVersionSchema, createdSchema, submissionIdParams } from "@/lib/api/v1/schemas";
import { newVersionFromApi } from "@/lib/api/v1/submissions";
import { env } from "@/lib/env";
import { answer, defineRoute } from "@/lib/routes/define-route";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";

export const dynamic = "force-dynamic";

/**
 * A corrected version (new Skatteetaten idempotency key) of a rejected, failed or conflicting
 * A-melding or OAR report, or the next save of a draft; through the form's own operation.
 */
export const POST = defineRoute(
  {
    name: "api-v1-submission-version",
    access: { apiKey: { scope: "submit" } },
    idempotent: true,
    params: submissionIdParams,
    body: { schema: correctedVersionSchema, maxBytes: env.API_MAX_BODY_BYTES, limits: API_BODY_LIMITS },
    output: createdSchema,
  },
  async ({ params, body }, { api, db, afterCommit }) => {
    const result = await newVersionFromApi(db, api, params.id, body);
    if (result.queued) afterCommit(() => wakeDeliveryWorker(result.submissionId));
    return answer(
      {
        submissionId: result.submissionId,
        status: result.queued ? "queued" : "draft",
        awaitingApproval: result.awaitingApproval,
      },
      { status: 201 },
    );
  },
);
