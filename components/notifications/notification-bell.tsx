"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useLiveQuery } from "@/components/live/use-live-query";
import { unreadCountSchema } from "@/lib/notifications/unread-count";

/** How often the bell asks for the unread count: often enough for a deadline, cheap (one index probe). */
const BELL_POLL_MS = 30_000;

/** The header's link to /varsler with the unread count, kept current by the app's one polling mechanism. */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations("notifications");
  const { data } = useLiveQuery({
    // A new server render (e.g. after "mark all read") starts a new query from what it counted,
    // as components/live/live-submission.tsx does.
    queryKey: ["notifications-unread", initialUnread],
    url: "/api/notifications",
    schema: unreadCountSchema,
    initial: { unread: initialUnread },
    pollMs: () => BELL_POLL_MS,
  });
  const label = t("bellUnread", { count: data.unread });
  return (
    <Link
      href="/varsler"
      className="relative inline-flex items-center gap-1 rounded px-1 py-1 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="20"
        height="20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {data.unread > 0 ? (
        <span className="rounded-full bg-white px-1.5 text-xs font-bold text-brand" data-testid="notification-count">
          {data.unread > 99 ? "99+" : data.unread}
        </span>
      ) : null}
    </Link>
  );
}
