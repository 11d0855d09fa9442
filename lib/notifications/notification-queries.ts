import "server-only";
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { DbOrTx } from "@/lib/db/client";
import { notificationSettings, notifications, organisations } from "@/lib/db/schema";
import type { NotificationKind } from "./notification-kinds";

/*
 * A user's notifications. Each read and change names the user and the organisations the user has
 * now (a notification of an organisation since taken away is no longer shown), in the WHERE clause.
 */

export const NOTIFICATION_PAGE_SIZE = 100;

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  organisationId: string;
  organisationName: string;
  params: Record<string, string | number>;
  link: string;
  createdAt: Date;
  readAt: Date | null;
};

/** The user's newest notifications (at most NOTIFICATION_PAGE_SIZE), newest first. */
export async function listNotifications(
  db: DbOrTx,
  user: { id: string; organisationIds: string[] },
): Promise<NotificationRow[]> {
  if (user.organisationIds.length === 0) return [];
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      organisationId: notifications.organisationId,
      organisationName: organisations.name,
      params: notifications.params,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(organisations, eq(organisations.id, notifications.organisationId))
    .where(and(eq(notifications.userId, user.id), inArray(notifications.organisationId, user.organisationIds)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE_SIZE);
}

/** How many of the user's notifications are unread (the bell). */
export async function countUnread(db: DbOrTx, user: { id: string; organisationIds: string[] }): Promise<number> {
  if (user.organisationIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, user.id),
        isNull(notifications.readAt),
        inArray(notifications.organisationId, user.organisationIds),
      ),
    );
  return row?.n ?? 0;
}

type Reader = { id: string; email: string; organisationIds: string[] };

/** Marks the given notifications (or, without ids, all) of the user as read; audited in the same transaction. */
export async function markNotificationsRead(tx: DbOrTx, user: Reader, ids: string[] | "all"): Promise<number> {
  if (user.organisationIds.length === 0) return 0;
  const marked = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, user.id),
        isNull(notifications.readAt),
        inArray(notifications.organisationId, user.organisationIds),
        ids === "all" ? undefined : inArray(notifications.id, ids),
      ),
    )
    .returning({ organisationId: notifications.organisationId });
  if (marked.length > 0) {
    await recordAudit(tx, userActor(user), {
      action: "notification.mark_read",
      targetType: "user",
      targetId: user.id,
      organisationIds: [...new Set(marked.map((m) => m.organisationId))],
      details: { marked: marked.length, all: ids === "all" },
    });
  }
  return marked.length;
}

export type NotificationSettingsInput = {
  emailEnabled: boolean;
  emailMode: "immediate" | "daily";
  mutedKinds: NotificationKind[];
  /** Null: every organisation the user has. */
  organisationIds: string[] | null;
};

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettingsInput = {
  emailEnabled: true,
  emailMode: "immediate",
  mutedKinds: [],
  organisationIds: null,
};

export async function getNotificationSettings(db: DbOrTx, userId: string): Promise<NotificationSettingsInput> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  if (!row) return DEFAULT_NOTIFICATION_SETTINGS;
  return {
    emailEnabled: row.emailEnabled,
    emailMode: row.emailMode,
    mutedKinds: row.mutedKinds,
    organisationIds: row.organisationIds,
  };
}

/**
 * Saves the user's choices (organisations limited to those the user has), audited. E-mails still
 * queued follow the new choice: a user who turns e-mail off gets none of those either.
 */
export async function saveNotificationSettings(tx: DbOrTx, user: Reader, input: NotificationSettingsInput) {
  const organisationIds =
    input.organisationIds === null ? null : input.organisationIds.filter((id) => user.organisationIds.includes(id));
  const values = { ...input, organisationIds, updatedAt: new Date() };
  await tx
    .insert(notificationSettings)
    .values({ userId: user.id, ...values })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: values });
  if (!input.emailEnabled) await skipQueuedMail(tx, user.id);
  await recordAudit(tx, userActor(user), {
    action: "notification.settings_update",
    targetType: "user",
    targetId: user.id,
    organisationIds: user.organisationIds,
    details: { ...input, organisationIds },
  });
}

/** The user's e-mails not yet sent (immediate or digest) will not be: they unsubscribed or turned e-mail off. */
export async function skipQueuedMail(tx: DbOrTx, userId: string) {
  await tx
    .update(notifications)
    .set({ emailStatus: "skipped", emailNextAt: null })
    .where(
      and(
        eq(notifications.userId, userId),
        or(
          inArray(notifications.emailStatus, ["pending", "digest"]),
          // One a worker holds whose lease ran out; one still held is sent (it may be on the wire).
          and(eq(notifications.emailStatus, "sending"), lt(notifications.emailNextAt, sql`now()`)),
        ),
      ),
    );
}
