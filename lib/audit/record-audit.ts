import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export type AuditActor = { id: string; email: string } | null;

export type AuditEvent = {
  action: string;
  targetType: "user" | "organisation" | "submission" | "bulk_operation" | "system";
  targetId?: string | null;
  /**
   * Every organisation the entry concerns. A reader sees the entry only with access to all of
   * them; an entry concerning none is shown to no one. For an entry about a user: the user's
   * organisations before and after the change.
   */
  organisationIds: readonly string[];
  details?: Record<string, unknown>;
};

/** Pass the transaction that makes the change, so the change and its record commit together. */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, event: AuditEvent) {
  const organisationIds = [...new Set(event.organisationIds)];
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    // The organisation shown with the entry, when there is exactly one.
    organisationId: organisationIds.length === 1 ? (organisationIds[0] ?? null) : null,
    organisationIds,
    details: event.details ?? {},
  });
}
