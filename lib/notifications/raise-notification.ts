import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { NOTIFICATION_KINDS } from "./notification-kinds";

/*
 * THE way to raise a notification. Call it inside the transaction that makes the change the
 * notification is about (an outbox: the notification and its e-mail exist exactly when the change
 * committed). It runs the SQL function raise_notification (drizzle/0020_notifications.sql), which
 * the triggers for rejected submissions, severe feedback and failing tokens call too: one row per
 * active user granted the organisation (so each reader sees only notifications of organisations
 * they have), unless the user muted the kind or the organisation; the same kind and dedupe key
 * for the same user is raised at most once, however often this is called.
 */

export const raiseNotificationSchema = z.object({
  organisationId: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** What makes two raises the same subject, e.g. `amelding:2026-10` or `webhook:<id>`. */
  dedupeKey: z.string().min(1).max(200),
  /** Values for the notification's text (`notifications.kinds.<kind>`); never personal data. */
  params: z.record(z.string().max(64), z.union([z.string().max(200), z.number()])).default({}),
  /** Where the user fixes it: a path inside the app. */
  link: z
    .string()
    .max(500)
    .regex(/^\/(?!\/)[^\s\\]*$/, "must be a path inside the app"),
});
export type RaiseNotificationInput = z.input<typeof raiseNotificationSchema>;

/** Raises `kind` for every user of the organisation who wants it; returns how many users got a new notification. */
export async function raiseNotification(tx: DbOrTx, input: RaiseNotificationInput): Promise<number> {
  const n = raiseNotificationSchema.parse(input);
  const [row] = await tx.execute<{ raised: number }>(
    sql`select raise_notification(${n.organisationId}::uuid, ${n.kind}, ${n.dedupeKey}, ${JSON.stringify(n.params)}::jsonb, ${n.link}) as raised`,
  );
  return Number(row?.raised ?? 0);
}
