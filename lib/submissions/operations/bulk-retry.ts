import "server-only";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { SafeError } from "@/lib/actions/action-result";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import {
  bulkOperationMembers,
  bulkOperations,
  organisations,
  submissions,
  submissionVersions,
  users,
} from "@/lib/db/schema";
import { IN_FLIGHT_STATUSES, type SubmissionListFilter } from "../queries/list-filter";
import { submissionFilterConditions } from "../queries/list-submissions";
import { RETRYABLE_STATUSES, requeueWithSameKey } from "./operations";

/** At most this many submissions per bulk retry, so one click cannot flood Skatteetaten or the queue. */
export const BULK_RETRY_LIMIT = 1000;
export const BULK_RETRY_KIND = "retry_same_key";

/** The filter as the operation keeps it: the whole set, never one page of it. */
function wholeSet(filter: Partial<SubmissionListFilter>): Partial<SubmissionListFilter> {
  return { ...filter, cursor: undefined };
}

/**
 * The list's filter, narrowed to what "Retry (same key)" accepts from this actor: under an
 * organisation's four-eyes rule, a version never approved that the actor prepared is left out
 * (retrySubmission refuses it alone; docs/four-eyes.md), so it never blocks the others.
 */
function retryableConditions(actorId: string, organisationIds: string[], filter: Partial<SubmissionListFilter>): SQL[] {
  return [
    sql`not (${organisations.fourEyes} and exists (
      select 1 from ${submissionVersions}
      where ${submissionVersions.id} = ${submissions.currentVersionId}
        and ${submissionVersions.approvedBy} is null
        and ${submissionVersions.preparedBy} = ${actorId}
    ))`,
    ...submissionFilterConditions(organisationIds, wholeSet(filter)),
    inArray(submissions.status, RETRYABLE_STATUSES),
  ];
}

/** How many submissions a bulk retry of this filter would send again (what the confirmation states). */
export async function countBulkRetry(
  db: DbOrTx,
  actorId: string,
  organisationIds: string[],
  filter: Partial<SubmissionListFilter>,
): Promise<number> {
  if (organisationIds.length === 0) return 0;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(...retryableConditions(actorId, organisationIds, filter)));
  return row?.count ?? 0;
}

/**
 * Retries every retryable submission of the filter (all pages) with the same key and body, as
 * one audited operation. In one transaction: the rows are locked, the operation and its members
 * are recorded, each member is queued again exactly as a single retry would, and ONE audit entry
 * lists the members. The caller wakes the workers afterwards.
 *
 * Refused when the set is empty, larger than `limit`, or no longer the size the user confirmed.
 */
export async function startBulkRetry(
  db: Db,
  actor: AuditUser,
  organisationIds: string[],
  filter: Partial<SubmissionListFilter>,
  options: { confirmedCount?: number; limit?: number } = {},
) {
  const limit = options.limit ?? BULK_RETRY_LIMIT;
  if (organisationIds.length === 0) throw new SafeError("conflict", "errorGroups.bulk.nothingToRetry");
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: submissions.id, organisationId: submissions.organisationId })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .where(and(...retryableConditions(actor.id, organisationIds, filter)))
      // A stable order so concurrent operations lock rows in the same order and cannot deadlock.
      .orderBy(asc(submissions.id))
      .limit(limit + 1)
      .for("update", { of: submissions });
    if (rows.length === 0) throw new SafeError("conflict", "errorGroups.bulk.nothingToRetry");
    if (rows.length > limit) throw new SafeError("conflict", "errorGroups.bulk.tooMany");
    if (options.confirmedCount !== undefined && options.confirmedCount !== rows.length) {
      throw new SafeError("conflict", "errorGroups.bulk.countChanged");
    }
    const submissionIds = rows.map((r) => r.id);
    const storedFilter = Object.fromEntries(Object.entries(wholeSet(filter)).filter(([, v]) => v !== undefined));
    const operation = firstRow(
      await tx
        .insert(bulkOperations)
        .values({ kind: BULK_RETRY_KIND, filter: storedFilter, total: submissionIds.length, createdBy: actor.id })
        .returning({ id: bulkOperations.id }),
    );
    await tx
      .insert(bulkOperationMembers)
      .values(submissionIds.map((submissionId) => ({ operationId: operation.id, submissionId })));
    await requeueWithSameKey(tx, submissionIds);
    const organisationIdsAffected = [...new Set(rows.map((r) => r.organisationId))];
    await recordAudit(tx, userActor(actor), {
      action: "submission.bulk_retry",
      targetType: "bulk_operation",
      targetId: operation.id,
      organisationIds: organisationIdsAffected,
      details: {
        filter: storedFilter,
        total: submissionIds.length,
        submissionIds,
        organisationIds: organisationIdsAffected,
      },
    });
    return { operationId: operation.id, submissionIds };
  });
}

export type BulkOperationProgress = {
  id: string;
  kind: string;
  filter: Partial<SubmissionListFilter>;
  status: "running" | "done";
  createdAt: Date;
  finishedAt: Date | null;
  createdByName: string | null;
  /** Members in the user's organisations, and where each stands now. */
  total: number;
  succeeded: number;
  failed: number;
  pending: number;
};

const inFlight = sql.join(
  IN_FLIGHT_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * Where a bulk operation stands: members accepted (succeeded), in flight (pending), and ended
 * any other way (failed). The operation is marked done, lazily here, once no member is in flight.
 * Null when it does not exist or has no member in the user's organisations.
 */
export async function getBulkOperationProgress(
  db: DbOrTx,
  operationId: string,
  organisationIds: string[],
): Promise<BulkOperationProgress | null> {
  if (organisationIds.length === 0) return null;
  const [operation] = await db
    .select({
      id: bulkOperations.id,
      kind: bulkOperations.kind,
      filter: bulkOperations.filter,
      status: bulkOperations.status,
      createdAt: bulkOperations.createdAt,
      finishedAt: bulkOperations.finishedAt,
      createdByName: users.name,
    })
    .from(bulkOperations)
    .leftJoin(users, eq(users.id, bulkOperations.createdBy))
    .where(eq(bulkOperations.id, operationId));
  if (!operation) return null;
  const visible = inArray(submissions.organisationId, organisationIds);
  const [counts] = await db
    .select({
      total: sql<number>`count(*) filter (where ${visible})::int`,
      succeeded: sql<number>`count(*) filter (where ${visible} and ${submissions.status} = 'accepted')::int`,
      pending: sql<number>`count(*) filter (where ${visible} and ${submissions.status} in (${inFlight}))::int`,
      pendingInAll: sql<number>`count(*) filter (where ${submissions.status} in (${inFlight}))::int`,
    })
    .from(bulkOperationMembers)
    .innerJoin(submissions, eq(submissions.id, bulkOperationMembers.submissionId))
    .where(eq(bulkOperationMembers.operationId, operationId));
  if (!counts || counts.total === 0) return null;

  let { status, finishedAt } = operation;
  if (status === "running" && counts.pendingInAll === 0) {
    const [done] = await db
      .update(bulkOperations)
      .set({ status: "done", finishedAt: sql`now()` })
      .where(and(eq(bulkOperations.id, operationId), eq(bulkOperations.status, "running")))
      .returning({ finishedAt: bulkOperations.finishedAt });
    status = "done";
    // Another reader may have marked it done a moment before.
    finishedAt =
      done?.finishedAt ??
      firstRow(
        await db
          .select({ finishedAt: bulkOperations.finishedAt })
          .from(bulkOperations)
          .where(eq(bulkOperations.id, operationId)),
      ).finishedAt;
  }
  return {
    ...operation,
    status,
    finishedAt,
    total: counts.total,
    succeeded: counts.succeeded,
    pending: counts.pending,
    failed: counts.total - counts.succeeded - counts.pending,
  };
}
