import { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { getDb } from "@/lib/db/client";
import { defineRoute } from "@/lib/routes/define-route";
import { bulkProgressViewSchema, toBulkProgressView } from "@/lib/submissions/operations/bulk-progress-view";
import { getBulkOperationProgress } from "@/lib/submissions/operations/bulk-retry";

export const dynamic = "force-dynamic";

/** A bulk operation's progress as JSON, for its page's polling; only members the user may see count. */
export const GET = defineRoute(
  {
    name: "bulk-operation-progress",
    access: { session: ["submission:read"] },
    params: z.object({ id: z.uuid() }),
    output: bulkProgressViewSchema,
  },
  async ({ params }, { user }) => {
    const progress = await getBulkOperationProgress(getDb(), params.id, user.organisationIds);
    if (!progress) throw new SafeError("not_found", "errors.notFound");
    return toBulkProgressView(progress);
  },
);
