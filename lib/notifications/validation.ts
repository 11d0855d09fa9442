import { z } from "zod/mini";
import { NOTIFICATION_KINDS } from "./notification-kinds";

/** Marking read: the given notifications, or all of the reader's. */
export const markNotificationsReadSchema = z.object({
  ids: z.union([z.literal("all"), z.array(z.uuid()).check(z.minLength(1), z.maxLength(100))]),
});

export const notificationSettingsSchema = z.object({
  emailEnabled: z.boolean(),
  emailMode: z.enum(["immediate", "daily"]),
  mutedKinds: z.array(z.enum(NOTIFICATION_KINDS)).check(z.maxLength(NOTIFICATION_KINDS.length)),
  /** Null: every organisation the user has. */
  organisationIds: z.nullable(z.array(z.uuid()).check(z.maxLength(5000))),
});
