import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { toBulkProgressView } from "@/lib/submissions/operations/bulk-progress-view";
import { getBulkOperationProgress } from "@/lib/submissions/operations/bulk-retry";

export const dynamic = "force-dynamic";

/** A bulk operation's progress as JSON, for its page's polling; only members the user may see count. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!hasPermission(user.role, "submission:read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const { id } = await params;
  const progress = /^[0-9a-f-]{36}$/i.test(id) ? await getBulkOperationProgress(getDb(), id, user.organisationIds) : null;
  if (!progress) return Response.json({ error: "not_found" }, { status: 404 });
  return Response.json(toBulkProgressView(progress), { headers: { "Cache-Control": "no-store" } });
}
