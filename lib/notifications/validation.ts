import { z } from "zod";
import { NOTIFICATION_KINDS } from "./notification-kinds";

/** Marking read: the given notifications, or all of the reader's. */
export const markNotificationsReadSchema = z.object({
  ids: z.union([z.literal("all"), z.array(z.uuid()).min(1).max(100)]),
});

export const notificationSettingsSchema = z.object({
  emailEnabled: z.boolean(),
  emailMode: z.enum(["immediate", "daily"]),
  mutedKinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
  /** Null: every organisation the user has. */
  organisationIds: z.array(z.uuid()).max(5000).nullable(),
});
