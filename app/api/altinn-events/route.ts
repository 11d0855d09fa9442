import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { handleAltinnEvent } from "@/lib/submissions/feedback/altinn-events-webhook";

export const dynamic = "force-dynamic";

/**
 * Altinn Events pushes CloudEvents here (docs/architecture.md, "4. Feedback follower →
 * Dialogporten → feedback API"); no user session, a shared secret (defineRoute's sharedSecret access).
 */
export async function POST(request: Request) {
  return handleAltinnEvent(request, {
    db: getDb(),
    secret: env.ALTINN_EVENTS_WEBHOOK_SECRET,
    maxWaitMs: env.FEEDBACK_MAX_WAIT_HOURS * 3600_000,
  });
}
