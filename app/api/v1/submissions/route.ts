import { API_BODY_LIMITS, createdSchema, createSubmissionSchema, submissionPageSchema } from "@/lib/api/v1/schemas";
import { createFromApi, toApiPage } from "@/lib/api/v1/submissions";
import { env } from "@/lib/env";
import { answer, defineRoute } from "@/lib/routes/define-route";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";
import { submissionListQuerySchema } from "@/lib/submissions/queries/list-filter";
import { listSubmissions } from "@/lib/submissions/queries/list-submissions";

export const dynamic = "force-dynamic";

/** The key's submissions: the UI list's query, filters and keyset pagination. */
export const GET = defineRoute(
  {
    name: "api-v1-submissions-list",
    access: { apiKey: { scope: "read" } },
    query: submissionListQuerySchema,
    output: submissionPageSchema,
  },
  async ({ query }, { api, db }) => toApiPage(await listSubmissions(db, api.organisationIds, query)),
);

/** Creates an A-melding or an OAR report as a draft or sends it (intent), through the form's own operation. */
export const POST = defineRoute(
  {
    name: "api-v1-submissions-create",
    access: { apiKey: { scope: "submit" } },
    idempotent: true,
    body: { schema: createSubmissionSchema, maxBytes: env.API_MAX_BODY_BYTES, limits: API_BODY_LIMITS },
    output: createdSchema,
  },
  async ({ body }, { api, db, afterCommit }) => {
    const result = await createFromApi(db, api, body);
    if (result.queued) afterCommit(() => wakeDeliveryWorker(result.submissionId));
    return answer(
      {
        submissionId: result.submissionId,
        status: result.queued ? "queued" : "draft",
        awaitingApproval: result.awaitingApproval,
      },
      { status: 201, headers: { Location: `/api/v1/submissions/${result.submissionId}` } },
    );
  },
);
