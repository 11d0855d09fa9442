import { z } from "zod/mini";

/**
 * What a webhook subscription can be sent (lib/webhooks/events.ts describes each payload). Here
 * rather than in lib/db/schema.ts, which the browser must not load: the form lists them.
 */
export const WEBHOOK_EVENT_TYPES = [
  "submission.accepted",
  "submission.rejected",
  "submission.failed",
  "feedback.received",
  "deadline.approaching",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

// Messages are keys into `webhooks.validation.*`, so the browser and the server show the same text.
const subscriptionFields = {
  name: z.string().check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(100, { message: "tooLong" })),
  url: z.string().check(
    z.trim(),
    z.minLength(1, { message: "required" }),
    z.maxLength(2000, { message: "tooLong" }),
    z.refine((u) => URL.canParse(u), { message: "urlInvalid" }),
  ),
  events: z.pipe(
    z
      ._default(
        z
          .array(z.enum(WEBHOOK_EVENT_TYPES, { message: "eventInvalid" }))
          .check(z.maxLength(WEBHOOK_EVENT_TYPES.length)),
        [],
      )
      .check(z.refine((e) => e.length > 0, { message: "eventRequired" })),
    z.transform((e) => WEBHOOK_EVENT_TYPES.filter((type) => e.includes(type))),
  ),
  organisationIds: z
    ._default(z.array(z.uuid({ message: "organisationInvalid" })).check(z.maxLength(1000, { message: "tooLong" })), [])
    .check(z.refine((ids) => ids.length > 0, { message: "organisationRequired" })),
};

export const createWebhookSchema = z.object(subscriptionFields);
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z.object({ subscriptionId: z.uuid({ message: "required" }), ...subscriptionFields });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookIdSchema = z.object({ subscriptionId: z.uuid({ message: "required" }) });

export const setWebhookEnabledSchema = z.object({
  subscriptionId: z.uuid({ message: "required" }),
  enabled: z.pipe(
    z.enum(["true", "false"]),
    z.transform((v) => v === "true"),
  ),
});

export const resendWebhookDeliverySchema = z.object({ deliveryId: z.uuid({ message: "required" }) });
