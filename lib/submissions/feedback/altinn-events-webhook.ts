import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { readJsonBody } from "@/lib/input/read-json-body";
import { createMissingFeedbackRows, markFeedbackDueForDialog } from "./feedback-rows";

export const VALIDATE_SUBSCRIPTION = "platform.events.validatesubscription";
export const TRANSMISSION_CREATED = "dialogporten.dialog.transmission.created.v1";

/** The CloudEvents 1.0 fields we read; Altinn sends more, which are ignored. */
const cloudEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  // Dialogporten puts the dialog id here (DOMAIN.md §4).
  resourceinstance: z.string().optional(),
});

/** Compares digests, so neither the length nor the content of the secret leaks through timing. */
function secretMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A CloudEvent from Altinn is a few hundred bytes; anything far larger is not one. */
const MAX_EVENT_BYTES = 64 * 1024;
const EVENT_LIMITS = { maxDepth: 16, maxNodes: 10_000, maxKeyLength: 200, maxStringLength: 10_000 };

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The Altinn Events webhook: answers Altinn's subscription validation, and for a new
 * transmission in a dialog makes that dialog's waiting A-melding feedback due at once, so the
 * follower need not wait for its next scheduled check. Altinn cannot send our credentials, so the
 * subscription's endpoint URL carries a shared secret: `…/api/altinn-events?secret=<secret>`.
 */
export async function handleAltinnEvent(request: Request, options: { db: DbOrTx; secret: string | undefined; maxWaitMs: number }): Promise<Response> {
  if (!options.secret) return json(404, { error: "The Altinn Events webhook is off: set ALTINN_EVENTS_WEBHOOK_SECRET" });
  if (!secretMatches(new URL(request.url).searchParams.get("secret"), options.secret)) return json(401, { error: "Wrong or missing secret" });

  const body = await readJsonBody(request, { maxBytes: MAX_EVENT_BYTES, limits: EVENT_LIMITS });
  if (!body.ok) {
    if (body.reason === "too_large") return json(413, { error: `The body must be a CloudEvent of at most ${MAX_EVENT_BYTES} bytes` });
    return json(400, { error: "The body must be a CloudEvent in JSON", ...(body.reason !== "malformed" ? { refused: body.reason } : {}) });
  }
  const event = cloudEventSchema.safeParse(body.value);
  if (!event.success) return json(400, { error: "The body must be a CloudEvent with id and type" });

  if (event.data.type === VALIDATE_SUBSCRIPTION) return json(200, { ok: true });
  if (event.data.type !== TRANSMISSION_CREATED || !event.data.resourceinstance) {
    // Acknowledged, so Altinn does not retry an event we have no use for.
    return json(200, { ok: true, ignored: event.data.type });
  }
  // The event can come before the follower's next round has created the submission's row.
  await createMissingFeedbackRows(options.db, options.maxWaitMs);
  const due = await markFeedbackDueForDialog(options.db, event.data.resourceinstance);
  return json(200, { ok: true, due });
}
