import "server-only";
import { eq } from "drizzle-orm";
import { userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { notificationSettings, userOrganisations, users } from "@/lib/db/schema";
import { skipQueuedMail } from "./notification-queries";
import { type UnsubscribeCheck, verifyUnsubscribeToken } from "./unsubscribe-token";

/**
 * Turns e-mail off for the user a valid unsubscribe link names (no sign-in: the signature is the
 * proof), skips the e-mails still queued for them, and records it in the audit log as the user's
 * own act, all in one transaction. An invalid, changed or expired link changes nothing.
 */
export async function unsubscribeByToken(db: Db, authSecret: string, token: unknown): Promise<UnsubscribeCheck> {
  const check = verifyUnsubscribeToken(authSecret, token);
  if (!check.ok) return check;
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, check.userId));
    if (!user) return;
    await tx
      .insert(notificationSettings)
      .values({ userId: user.id, emailEnabled: false })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { emailEnabled: false, updatedAt: new Date() } });
    await skipQueuedMail(tx, user.id);
    const orgs = await tx
      .select({ id: userOrganisations.organisationId })
      .from(userOrganisations)
      .where(eq(userOrganisations.userId, user.id));
    await recordAudit(tx, userActor(user), {
      action: "notification.unsubscribe",
      targetType: "user",
      targetId: user.id,
      organisationIds: orgs.map((o) => o.id),
      details: { via: "link" },
    });
  });
  return check;
}
