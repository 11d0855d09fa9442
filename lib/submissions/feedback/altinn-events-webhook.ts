import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { defineRoute } from "@/lib/routes/define-route";
import { createMissingFeedbackRows, markFeedbackDueForDialog } from "./feedback-rows";

export const VALIDATE_SUBSCRIPTION = "platform.events.validatesubscription";
export const TRANSMISSION_CREATED = "dialogporten.dialog.transmission.created.v1";

/** The CloudEvents 1.0 fields we read; Altinn sends more, which are ignored. */
const cloudEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  // Dialogporten puts the dialog id here (docs/domain.md, "Dialogporten and Altinn Events").
  resourceinstance: z.string().optional(),
});

/** A CloudEvent from Altinn is a few hundred bytes; anything far larger is not one. */
const MAX_EVENT_BYTES = 64 * 1024;
const EVENT_LIMITS = { maxDepth: 16, maxNodes: 10_000, maxKeyLength: 200, maxStringLength: 10_000 };

const webhookAnswerSchema = z.object({
  ok: z.literal(true),
  ignored: z.string().optional(),
  due: z.number().int().optional(),
});

/**
 * The Altinn Events webhook: answers Altinn's subscription validation, and for a new
 * transmission in a dialog makes that dialog's waiting A-melding feedback due at once, so the
 * follower need not wait for its next scheduled check. Altinn cannot send our credentials, so the
 * subscription's endpoint URL carries a shared secret: `…/api/altinn-events?secret=<secret>`.
 * Built with defineRoute for each request, so its database and secret can be given (as its tests do).
 */
export async function handleAltinnEvent(
  request: Request,
  options: { db: DbOrTx; secret: string | undefined; maxWaitMs: number },
): Promise<Response> {
  const route = defineRoute(
    {
      name: "altinn-events",
      access: {
        sharedSecret: {
          param: "secret",
          secret: options.secret,
          whenUnset: "The Altinn Events webhook is off: set ALTINN_EVENTS_WEBHOOK_SECRET",
        },
      },
      body: {
        schema: cloudEventSchema,
        maxBytes: MAX_EVENT_BYTES,
        limits: EVENT_LIMITS,
        // Read by Altinn's operators in their delivery log, so sentences rather than our codes.
        messages: {
          tooLarge: `The body must be a CloudEvent of at most ${MAX_EVENT_BYTES} bytes`,
          notJson: "The body must be a CloudEvent in JSON",
          invalid: "The body must be a CloudEvent with id and type",
        },
      },
      output: webhookAnswerSchema,
    },
    async ({ body: event }) => {
      if (event.type === VALIDATE_SUBSCRIPTION) return { ok: true as const };
      if (event.type !== TRANSMISSION_CREATED || !event.resourceinstance) {
        // Acknowledged, so Altinn does not retry an event we have no use for.
        return { ok: true as const, ignored: event.type };
      }
      // The event can come before the follower's next round has created the submission's row.
      await createMissingFeedbackRows(options.db, options.maxWaitMs);
      const due = await markFeedbackDueForDialog(options.db, event.resourceinstance);
      return { ok: true as const, due };
    },
  );
  return route(request);
}
