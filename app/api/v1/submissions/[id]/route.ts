import { SafeError } from "@/lib/actions/action-result";
import { submissionDetailSchema, submissionIdParams } from "@/lib/api/v1/schemas";
import { findApiSubmission } from "@/lib/api/v1/submissions";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** One submission: status, versions, attempts with decoded errors, and an A-melding's feedback. */
export const GET = defineRoute(
  {
    name: "api-v1-submission",
    access: { apiKey: { scope: "read" } },
    params: submissionIdParams,
    output: submissionDetailSchema,
  },
  async ({ params }, { api, db }) => {
    const found = await findApiSubmission(db, params.id, api.organisationIds);
    if (!found) throw new SafeError("not_found", "errors.notFound");
    return found;
  },
);
