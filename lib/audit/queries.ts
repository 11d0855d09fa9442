import "server-only";
import { and, desc, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { auditLog, organisations } from "@/lib/db/schema";

export type AuditListFilter = { action?: string; before?: number; limit?: number };

/**
 * Audit entries visible to a user: those about the organisations they may see, and entries
 * about no organisation at all (users, system). Newest first, keyset-paginated on id.
 */
export async function listAuditEntries(db: DbOrTx, organisationIds: string[], filter: AuditListFilter = {}) {
  const conditions: SQL[] = [
    organisationIds.length
      ? (or(isNull(auditLog.organisationId), inArray(auditLog.organisationId, organisationIds)) as SQL)
      : isNull(auditLog.organisationId),
  ];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      organisationName: organisations.name,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 100);
}
