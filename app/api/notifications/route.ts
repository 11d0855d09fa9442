import { getDb } from "@/lib/db/client";
import { countUnread } from "@/lib/notifications/notification-queries";
import { unreadCountSchema } from "@/lib/notifications/unread-count";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** The caller's unread notifications, for the bell's polling (components/notifications/notification-bell.tsx). */
export const GET = defineRoute(
  { name: "notifications-unread", access: { session: ["submission:read"] }, output: unreadCountSchema },
  async (_input, { user }) => ({ unread: await countUnread(getDb(), user) }),
);
