import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, submissions } from "@/lib/db/schema";
import { encodeCursor, IN_FLIGHT_STATUSES } from "@/lib/submissions/queries/list-filter";
import {
  newestFirst,
  SUBMISSION_PAGE_SIZE,
  submissionCursorTime,
  submissionPageIds,
  submissionPageSelection,
} from "@/lib/submissions/queries/list-submissions";
import type { OppdragListFilter } from "./oppdrag-list-filter";

/**
 * The oppdrag list: OAR submissions newest first, keyset-paginated, scoped to the user's
 * organisations in the WHERE clause, with the contractor, value and period from the columns
 * written beside each submission (lib/submissions/oar-list-columns.ts), never from payloads.
 * Status, organisation, time range and search mean what they mean on /innsendinger.
 */
export async function listOppdrag(
  db: DbOrTx,
  organisationIds: string[],
  filter: OppdragListFilter,
  limit = SUBMISSION_PAGE_SIZE,
) {
  if (organisationIds.length === 0) return { rows: [], nextCursor: null, inFlight: false };
  const selection = await submissionPageSelection(db, organisationIds, { ...filter, kind: "oar", period: undefined });
  const conditions = selection.conditions;
  if (filter.period) {
    // Runs in the month: starts before it ends and ends (is expected to) on or after its first day.
    const first = sql`(${`${filter.period}-01`})::date`;
    conditions.push(
      sql`${submissions.oarStartDate} < ${first} + interval '1 month'`,
      sql`${submissions.oarEndDate} >= ${first}`,
    );
  }
  const rows = await db
    .select({
      id: submissions.id,
      subject: submissions.subject,
      status: submissions.status,
      organisationName: organisations.name,
      orgnr: organisations.orgnr,
      contractorName: submissions.oarContractorName,
      contractValueNok: submissions.oarContractValueNok,
      startDate: submissions.oarStartDate,
      endDate: submissions.oarEndDate,
      nextAttemptAt: submissions.nextAttemptAt,
      cursorTime: submissionCursorTime,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(sql`${submissions.id} in (${submissionPageIds(selection, filter.cursor, limit + 1)})`)
    .orderBy(...newestFirst);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ cursorTime: _, ...row }) => row),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursorTime, last.id) : null,
    inFlight: page.some((r) => (IN_FLIGHT_STATUSES as readonly string[]).includes(r.status)),
  };
}
