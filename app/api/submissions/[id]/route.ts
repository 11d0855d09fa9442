import { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { getDb } from "@/lib/db/client";
import { defineRoute } from "@/lib/routes/define-route";
import { submissionLiveStateSchema } from "@/lib/submissions/queries/live-state";
import { findSubmissionLiveState } from "@/lib/submissions/queries/submission-history";

export const dynamic = "force-dynamic";

/** What of a submission can change while its page is open, for that page's polling (components/live/live-submission.tsx). */
export const GET = defineRoute(
  {
    name: "submission-live-state",
    access: { session: ["submission:read"] },
    params: z.object({ id: z.uuid() }),
    output: submissionLiveStateSchema,
  },
  async ({ params }, { user }) => {
    const state = await findSubmissionLiveState(getDb(), params.id, user.organisationIds);
    if (!state) throw new SafeError("not_found", "errors.notFound");
    return state;
  },
);
