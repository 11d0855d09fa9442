import "server-only";
import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import {
  ameldingFeedback,
  bulkOperationMembers,
  organisations,
  submissions,
  submissionVersions,
} from "@/lib/db/schema";
import { timeRangeConditions } from "@/lib/filters/time-range-sql";
import { submissionSearchCondition } from "../search/search-sql";
import { errorCodeSql, failureCauseSql, specCodeSql } from "./failure-signature";
import { decodeCursor, encodeCursor, IN_FLIGHT_STATUSES, NO_SPEC_CODE, type SubmissionListFilter } from "./list-filter";

export const SUBMISSION_PAGE_SIZE = 50;

/**
 * The list's WHERE clause, scoped to the user's organisations. Shared with bulk operations, the
 * overview and the CSV export, so "retry/export everything in this filter" means exactly the
 * rows the list shows (on every page).
 */
export function submissionFilterConditions(organisationIds: string[], filter: Partial<SubmissionListFilter>): SQL[] {
  const conditions: SQL[] = [inArray(submissions.organisationId, organisationIds)];
  if (filter.status?.length) conditions.push(inArray(submissions.status, filter.status));
  if (filter.kind) conditions.push(eq(submissions.kind, filter.kind));
  if (filter.org) conditions.push(eq(submissions.organisationId, filter.org));
  if (filter.code) conditions.push(sql`${errorCodeSql} = ${filter.code.toUpperCase()}`);
  if (filter.spec) {
    conditions.push(
      filter.spec === NO_SPEC_CODE ? sql`${specCodeSql} is null` : sql`${specCodeSql} = ${filter.spec.toUpperCase()}`,
    );
  }
  if (filter.cause) conditions.push(sql`${failureCauseSql} = ${filter.cause}`);
  if (filter.bulk) {
    conditions.push(
      sql`exists (select 1 from ${bulkOperationMembers} m where m.operation_id = ${filter.bulk}::uuid and m.submission_id = ${submissions.id})`,
    );
  }
  conditions.push(...timeRangeConditions(submissions.createdAt, filter));
  if (filter.period) {
    conditions.push(
      or(
        and(eq(submissions.kind, "amelding"), eq(submissions.subject, filter.period)),
        and(
          eq(submissions.kind, "oar"),
          sql`to_char(${submissions.createdAt} at time zone 'Europe/Oslo', 'YYYY-MM') = ${filter.period}`,
        ),
      ) ?? sql`false`,
    );
  }
  if (filter.q) conditions.push(submissionSearchCondition(organisationIds, filter.q));
  return conditions;
}

/** created_at at full precision, for the keyset cursor (see encodeCursor). */
export const submissionCursorTime = sql<string>`to_char(${submissions.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows after the cursor in the newest-first order. */
export function afterSubmissionCursor(cursor: string | undefined): SQL[] {
  const decoded = decodeCursor(cursor);
  if (!decoded) return [];
  return [
    sql`(${submissions.createdAt}, ${submissions.id}) < (${decoded.createdAt}::timestamptz, ${decoded.id}::uuid)`,
  ];
}

/**
 * The list's query (newest first, keyset-paginated, scoped to the user's organisations in the
 * WHERE clause), unexecuted, so the search benchmark can EXPLAIN exactly what the list runs.
 */
export function listSubmissionsQuery(
  db: DbOrTx,
  organisationIds: string[],
  filter: SubmissionListFilter,
  limit: number,
) {
  const conditions = [...submissionFilterConditions(organisationIds, filter), ...afterSubmissionCursor(filter.cursor)];
  return db
    .select({
      id: submissions.id,
      kind: submissions.kind,
      subject: submissions.subject,
      status: submissions.status,
      organisationId: submissions.organisationId,
      organisationName: organisations.name,
      orgnr: organisations.orgnr,
      lastAttemptAt: submissions.lastAttemptAt,
      nextAttemptAt: submissions.nextAttemptAt,
      lastErrorCode: submissions.lastErrorCode,
      statusReasonCode: submissions.statusReasonCode,
      statusReasonParams: submissions.statusReasonParams,
      receivedIds: submissions.receivedIds,
      feedbackStatus: ameldingFeedback.status,
      createdAt: submissions.createdAt,
      cursorTime: submissionCursorTime,
      replacesSubmissionId: submissions.replacesSubmissionId,
      reportedForskuddstrekk: submissionVersions.reportedForskuddstrekk,
      reportedArbeidsgiveravgift: submissionVersions.reportedArbeidsgiveravgift,
      // An A-melding stops being the month's current message once a replacement is accepted.
      replacedById: sql<string | null>`(select r.id from ${submissions} r
        where r.replaces_submission_id = ${submissions.id} and r.status = 'accepted' order by r.accepted_at desc limit 1)`,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .leftJoin(ameldingFeedback, eq(ameldingFeedback.submissionId, submissions.id))
    .leftJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(and(...conditions))
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(limit + 1);
}

/** Newest first, keyset-paginated, scoped to the user's organisations in the WHERE clause. */
export async function listSubmissions(
  db: DbOrTx,
  organisationIds: string[],
  filter: SubmissionListFilter,
  limit = SUBMISSION_PAGE_SIZE,
) {
  if (organisationIds.length === 0) return { rows: [], nextCursor: null, inFlight: false };
  const rows = await listSubmissionsQuery(db, organisationIds, filter, limit);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursorTime, last.id) : null,
    inFlight: page.some((r) => (IN_FLIGHT_STATUSES as readonly string[]).includes(r.status)),
  };
}
