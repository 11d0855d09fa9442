import type { AuditDetails } from "@/lib/audit/audit-events";
import type { DbOrTx } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

/**
 * Stores an audit entry as given, whatever its action and details: the log's readers must cope
 * with entries of actions no longer recorded, or recorded with other details. Production code
 * records through recordAudit (lib/audit/record-audit.ts), which takes only the events it knows.
 */
export async function storeAuditEntry(
  db: DbOrTx,
  actor: { id: string; email: string } | null,
  entry: {
    action: string;
    targetType: string;
    targetId?: string | null;
    organisationIds: string[];
    details?: Record<string, unknown>;
  },
) {
  const organisationIds = [...new Set(entry.organisationIds)];
  await db.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    organisationId: organisationIds.length === 1 ? organisationIds[0]! : null,
    organisationIds,
    details: (entry.details ?? {}) as AuditDetails,
  });
}
