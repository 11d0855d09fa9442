import { SafeError } from "@/lib/actions/action-result";
import { attemptListSchema, submissionIdParams } from "@/lib/api/v1/schemas";
import { findApiSubmission } from "@/lib/api/v1/submissions";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** A submission's delivery attempts, oldest first, each with Skatteetaten's answer decoded. */
export const GET = defineRoute(
  {
    name: "api-v1-submission-attempts",
    access: { apiKey: { scope: "read" } },
    params: submissionIdParams,
    output: attemptListSchema,
  },
  async ({ params }, { api, db }) => {
    const found = await findApiSubmission(db, params.id, api.organisationIds);
    if (!found) throw new SafeError("not_found", "errors.notFound");
    return { submissionId: found.id, attempts: found.attempts };
  },
);
