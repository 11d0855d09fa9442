"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { env } from "@/lib/env";
import { webhookSecretKey } from "./secret-at-rest";
import {
  createWebhook,
  deleteWebhook,
  resendWebhookDelivery,
  rotateWebhookSecret,
  setWebhookEnabled,
  updateWebhook,
} from "./subscriptions";
import { webhookUrlPolicy } from "./url-policy";
import {
  createWebhookSchema,
  resendWebhookDeliverySchema,
  setWebhookEnabledSchema,
  updateWebhookSchema,
  webhookIdSchema,
} from "./validation";

const options = () => ({
  urlPolicy: webhookUrlPolicy(env.APP_MODE),
  rotationGraceHours: env.WEBHOOK_SECRET_ROTATION_GRACE_HOURS,
  secretKey: webhookSecretKey(env.AUTH_SECRET ?? ""),
});

/** Creates a subscription for organisations the admin has; the answer carries the signing secret, shown once. */
export const createWebhookAction = defineAction(
  { name: "createWebhook", permission: "webhook:manage", schema: createWebhookSchema },
  async (input, { user, db }) => {
    const created = await db.transaction((tx) => createWebhook(tx, user, input, options()));
    revalidatePath("/webhooks");
    return created;
  },
);

export const updateWebhookAction = defineAction(
  { name: "updateWebhook", permission: "webhook:manage", schema: updateWebhookSchema },
  async (input, { user, db }) => {
    const updated = await db.transaction((tx) => updateWebhook(tx, user, input, options()));
    revalidatePath("/webhooks");
    return updated;
  },
);

export const setWebhookEnabledAction = defineAction(
  { name: "setWebhookEnabled", permission: "webhook:manage", schema: setWebhookEnabledSchema },
  async (input, { user, db }) => {
    const done = await db.transaction((tx) => setWebhookEnabled(tx, user, input.subscriptionId, input.enabled));
    revalidatePath("/webhooks");
    return done;
  },
);

export const deleteWebhookAction = defineAction(
  { name: "deleteWebhook", permission: "webhook:manage", schema: webhookIdSchema },
  async (input, { user, db }) => {
    const done = await db.transaction((tx) => deleteWebhook(tx, user, input.subscriptionId));
    revalidatePath("/webhooks");
    return done;
  },
);

/** A new secret, shown once; the previous one keeps signing beside it for the grace period. */
export const rotateWebhookSecretAction = defineAction(
  { name: "rotateWebhookSecret", permission: "webhook:manage", schema: webhookIdSchema },
  async (input, { user, db }) => {
    const rotated = await db.transaction((tx) => rotateWebhookSecret(tx, user, input.subscriptionId, options()));
    revalidatePath("/webhooks");
    return rotated;
  },
);

export const resendWebhookDeliveryAction = defineAction(
  { name: "resendWebhookDelivery", permission: "webhook:manage", schema: resendWebhookDeliverySchema },
  async (input, { user, db }) => {
    const done = await db.transaction((tx) => resendWebhookDelivery(tx, user, input.deliveryId));
    revalidatePath("/webhooks");
    return done;
  },
);
