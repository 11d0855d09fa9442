import "server-only";
import { and, desc, eq, ilike, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import { auditLog, organisations, submissions, users } from "@/lib/db/schema";
import { timeRangeConditions } from "@/lib/filters/time-range-sql";
import type { AuditListFilter } from "./audit-filter";

export const AUDIT_PAGE_SIZE = 50;

/**
 * What a reader may see: entries all of whose organisations (`organisation_ids`) the reader has
 * been granted; an entry naming no organisation is shown to no one. The details only with
 * audit:read_details.
 */
export type AuditScope = { organisationIds: string[]; includeDetails: boolean };

export function auditScopeFor(user: Pick<CurrentUser, "role" | "organisationIds">): AuditScope {
  return { organisationIds: user.organisationIds, includeDetails: hasPermission(user.role, "audit:read_details") };
}

const likePattern = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;
const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

function auditConditions(scope: AuditScope, filter: AuditListFilter): SQL[] {
  const readable = sql`${sql.param(scope.organisationIds)}::uuid[]`;
  const conditions: SQL[] = [
    // Every organisation of the entry is the reader's, and it has one. Checked row by row while
    // walking the id index backwards (keyset pages stay cheap, see `npm run bench:audit`); an
    // overlap (&&) condition here would make PostgreSQL collect all of a reader's entries through
    // the GIN index and sort them, for every page.
    sql`${auditLog.organisationIds} <@ ${readable}`,
    sql`cardinality(${auditLog.organisationIds}) > 0`,
  ];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor) conditions.push(ilike(auditLog.actorEmail, likePattern(filter.actor)));
  if (filter.target) conditions.push(eq(auditLog.targetType, filter.target));
  // Entries concerning the organisation (possibly among others), found through the GIN index.
  if (filter.org) conditions.push(sql`${auditLog.organisationIds} @> array[${filter.org}]::uuid[]`);
  conditions.push(...timeRangeConditions(auditLog.createdAt, filter));
  if (filter.q) {
    // Searching the details would tell a reader without audit:read_details what they contain.
    const matches: SQL[] = [eq(auditLog.targetId, filter.q)];
    if (scope.includeDetails) matches.push(sql`${auditLog.details}::text ilike ${likePattern(filter.q)}`);
    conditions.push(or(...matches) ?? sql`false`);
  }
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  return conditions;
}

const targetUser = alias(users, "target_user");
const targetSubmission = alias(submissions, "target_submission");
/** The target id as a uuid when it is one; inside CASE, so a non-uuid id is never cast. */
const targetUuid = (type: string) =>
  sql`case when ${auditLog.targetType} = ${type} and ${auditLog.targetId} ~ ${UUID} then ${auditLog.targetId}::uuid end`;

/**
 * Audit entries visible in `scope`, newest first, keyset-paginated on id. Targets come with what
 * makes them recognisable (the user's e-mail, the submission's kind and subject). `upTo` bounds
 * an export to the entries that existed when it started.
 */
export async function listAuditEntries(
  db: DbOrTx,
  scope: AuditScope,
  filter: AuditListFilter,
  options: { limit?: number; upTo?: number } = {},
) {
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const conditions = auditConditions(scope, filter);
  if (options.upTo !== undefined) conditions.push(lte(auditLog.id, options.upTo));
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      organisationId: auditLog.organisationId,
      organisationName: organisations.name,
      orgnr: organisations.orgnr,
      targetUserEmail: targetUser.email,
      targetSubmissionKind: targetSubmission.kind,
      targetSubmissionSubject: targetSubmission.subject,
      // Not selected at all without the permission, so no caller can show what it may not.
      details: scope.includeDetails ? auditLog.details : sql<null>`null`,
    })
    .from(auditLog)
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .leftJoin(targetUser, eq(targetUser.id, targetUuid("user")))
    .leftJoin(targetSubmission, eq(targetSubmission.id, targetUuid("submission")))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextBefore: rows.length > limit && last ? last.id : null };
}

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>["rows"][number];

/** How many entries an export will hold, and the newest id it may include. */
export async function beginAuditExport(db: DbOrTx, scope: AuditScope, filter: AuditListFilter) {
  const row = firstRow(
    await db
      .select({
        rowCount: sql<number>`count(*)::int`,
        upTo: sql<number>`coalesce(max(${auditLog.id}), 0)::bigint`.mapWith(Number),
      })
      .from(auditLog)
      .where(and(...auditConditions(scope, filter))),
  );
  return { rowCount: row.rowCount, upTo: row.upTo };
}

/** Every matching entry up to `upTo`, one keyset page per iteration. */
export async function* auditExportPages(
  db: DbOrTx,
  scope: AuditScope,
  filter: AuditListFilter,
  upTo: number,
  pageSize = 500,
) {
  let before: number | undefined;
  for (;;) {
    const { rows, nextBefore } = await listAuditEntries(db, scope, { ...filter, before }, { limit: pageSize, upTo });
    if (rows.length > 0) yield rows;
    if (nextBefore === null) return;
    before = nextBefore;
  }
}
