import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/db/schema";

// Messages are keys into `webhooks.validation.*`, so the browser and the server show the same text.
const subscriptionFields = {
  name: z.string().trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  url: z
    .string()
    .trim()
    .min(1, { message: "required" })
    .max(2000, { message: "tooLong" })
    .refine((u) => URL.canParse(u), { message: "urlInvalid" }),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { message: "eventInvalid" }))
    .max(WEBHOOK_EVENT_TYPES.length)
    .default([])
    .refine((e) => e.length > 0, { message: "eventRequired" })
    .transform((e) => WEBHOOK_EVENT_TYPES.filter((type) => e.includes(type))),
  organisationIds: z
    .array(z.uuid({ message: "organisationInvalid" }))
    .max(1000, { message: "tooLong" })
    .default([])
    .refine((ids) => ids.length > 0, { message: "organisationRequired" }),
};

export const createWebhookSchema = z.object(subscriptionFields);
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z.object({ subscriptionId: z.uuid({ message: "required" }), ...subscriptionFields });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookIdSchema = z.object({ subscriptionId: z.uuid({ message: "required" }) });

export const setWebhookEnabledSchema = z.object({
  subscriptionId: z.uuid({ message: "required" }),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const resendWebhookDeliverySchema = z.object({ deliveryId: z.uuid({ message: "required" }) });
