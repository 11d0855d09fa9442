import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export type AuditActor = { id: string; email: string } | null;

export type AuditEvent = {
  action: string;
  targetType: "user" | "organisation" | "submission" | "bulk_operation" | "system";
  targetId?: string | null;
  organisationId?: string | null;
  details?: Record<string, unknown>;
};

/** Pass the transaction that makes the change, so the change and its record commit together. */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, event: AuditEvent) {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    organisationId: event.organisationId ?? null,
    details: event.details ?? {},
  });
}
