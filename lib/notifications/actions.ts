"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { markNotificationsRead, saveNotificationSettings } from "./notification-queries";
import { markNotificationsReadSchema, notificationSettingsSchema } from "./validation";

/*
 * A user's own notifications and settings: every role has them (submission:read is every role's
 * permission); the queries limit each change to the caller's own rows of their organisations.
 */

export const markNotificationsReadAction = defineAction(
  { name: "markNotificationsRead", permission: "submission:read", schema: markNotificationsReadSchema },
  async (input, { user, db }) => {
    const marked = await db.transaction((tx) => markNotificationsRead(tx, user, input.ids));
    revalidatePath("/varsler");
    return { marked };
  },
);

export const saveNotificationSettingsAction = defineAction(
  { name: "saveNotificationSettings", permission: "submission:read", schema: notificationSettingsSchema },
  async (input, { user, db }) => {
    await db.transaction((tx) => saveNotificationSettings(tx, user, input));
    revalidatePath("/varsler");
    return { saved: true };
  },
);
