import { SafeError } from "@/lib/actions/action-result";
import { submissionFeedbackSchema, submissionIdParams } from "@/lib/api/v1/schemas";
import { findApiSubmission } from "@/lib/api/v1/submissions";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** An A-melding's feedback (tilbakemelding): its status and deviations by severity, once fetched. */
export const GET = defineRoute(
  {
    name: "api-v1-submission-feedback",
    access: { apiKey: { scope: "read" } },
    params: submissionIdParams,
    output: submissionFeedbackSchema,
  },
  async ({ params }, { api, db }) => {
    const found = await findApiSubmission(db, params.id, api.organisationIds);
    if (!found) throw new SafeError("not_found", "errors.notFound");
    return { submissionId: found.id, feedback: found.feedback };
  },
);
