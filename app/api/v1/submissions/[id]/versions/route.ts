import { and, eq, inArray } from "drizzle-orm";
import { SafeError } from "@/lib/actions/action-result";
import { saveAmelding } from "@/lib/amelding/save-amelding";
import { API_BODY_LIMITS, correctedVersionSchema, createdSchema, submissionIdParams } from "@/lib/api/v1/schemas";
import { submissions } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { answer, defineRoute } from "@/lib/routes/define-route";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";

export const dynamic = "force-dynamic";

/**
 * A corrected version (new Skatteetaten idempotency key) of a rejected, failed or conflicting
 * A-melding, or the next save of a draft; through the builder's own operation.
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
    const [row] = await db
      .select({ organisationId: submissions.organisationId, kind: submissions.kind })
      .from(submissions)
      .where(and(eq(submissions.id, params.id), inArray(submissions.organisationId, api.organisationIds)));
    if (row?.kind !== "amelding") throw new SafeError("not_found", "errors.notFound");
    const result = await saveAmelding(
      db,
      { ...api.actor, organisationIds: api.organisationIds },
      {
        organisationId: row.organisationId,
        intent: body.intent,
        leveranse: body.leveranse,
        submissionId: params.id,
        ...(body.ruleOverride ? { ruleOverride: body.ruleOverride } : {}),
      },
    );
    if (result.queued) afterCommit(() => wakeDeliveryWorker(result.submissionId));
    return answer({ submissionId: result.submissionId, status: result.queued ? "queued" : "draft" }, { status: 201 });
  },
);
