import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { AuditActor, AuditEvent } from "./audit-events";

/** Pass the transaction that makes the change, so the change and its record commit together. */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, event: AuditEvent) {
  const organisationIds = [...new Set(event.organisationIds)];
  await tx.insert(auditLog).values({
    // The system is recorded as no user (lib/audit/audit-events.ts, AuditActor).
    actorId: actor.kind === "user" ? actor.id : null,
    actorEmail: actor.kind === "user" ? actor.email : null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    // The organisation shown with the entry, when there is exactly one.
    organisationId: organisationIds.length === 1 ? (organisationIds[0] ?? null) : null,
    organisationIds,
    details: event.details,
    apiKeyId: actor.kind === "user" ? (actor.apiKeyId ?? null) : null,
  });
}
