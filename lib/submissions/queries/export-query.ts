import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import { deliveryAttempts, organisations, submissions, submissionVersions } from "@/lib/db/schema";
import { encodeCursor, type SubmissionListFilter } from "./list-filter";
import {
  afterSubmissionCursor,
  newestFirst,
  submissionCursorTime,
  submissionFilterConditions,
  submissionPageConditions,
  submissionPageIds,
} from "./list-submissions";

export const EXPORT_PAGE_SIZE = 500;
/** At most this many inntektsmottaker identifiers per A-melding in one cell (Excel's cell limit is 32 767 characters). */
export const EXPORT_MAX_IDENTIFIERS = 1000;

const currentVersion = alias(submissionVersions, "current_version");
const INNTEKTSMOTTAKERE = "$.oppgave.virksomhet[*].inntektsmottaker[*]";

const nowText = sql<string>`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The export's snapshot: how many rows match now, and "now" in PostgreSQL's own clock at full
 * precision. The pages below stop at that instant, so rows created while the file downloads do
 * not change the set whose size the audit entry records.
 */
export async function beginSubmissionExport(db: DbOrTx, organisationIds: string[], filter: SubmissionListFilter) {
  if (organisationIds.length === 0) {
    const row = firstRow(await db.execute<{ until: string }>(sql`select ${nowText} as until`));
    return { rowCount: 0, until: row.until };
  }
  const row = firstRow(
    await db
      .select({ rowCount: sql<number>`count(*)::int`, until: nowText })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .where(and(...submissionFilterConditions(organisationIds, filter))),
  );
  return { rowCount: row.rowCount, until: row.until };
}

/**
 * The filtered submissions, newest first, one keyset page per iteration: only one page is ever
 * in memory. Personal identifiers are read out of the current version's payload in SQL, so the
 * (possibly large) payload itself never leaves the database.
 */
export async function* submissionExportPages(
  db: DbOrTx,
  organisationIds: string[],
  filter: SubmissionListFilter,
  until: string,
  pageSize = EXPORT_PAGE_SIZE,
) {
  if (organisationIds.length === 0) return;
  const base = [
    ...(await submissionPageConditions(db, organisationIds, filter)),
    sql`${submissions.createdAt} <= ${until}::timestamptz`,
  ];
  let cursor: string | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: submissions.id,
        createdAt: submissions.createdAt,
        cursorTime: submissionCursorTime,
        orgnr: organisations.orgnr,
        organisationName: organisations.name,
        kind: submissions.kind,
        subject: submissions.subject,
        status: submissions.status,
        lastErrorCode: submissions.lastErrorCode,
        statusReasonCode: submissions.statusReasonCode,
        statusReasonParams: submissions.statusReasonParams,
        receivedIds: submissions.receivedIds,
        attemptCount: submissions.attemptCount,
        acceptedAt: submissions.acceptedAt,
        reportedForskuddstrekk: currentVersion.reportedForskuddstrekk,
        reportedArbeidsgiveravgift: currentVersion.reportedArbeidsgiveravgift,
        korrelasjonsid: sql<string | null>`(
          select ${deliveryAttempts.korrelasjonsid} from ${deliveryAttempts}
          where ${deliveryAttempts.submissionId} = ${submissions.id} and ${deliveryAttempts.korrelasjonsid} is not null
          order by ${deliveryAttempts.attemptNo} desc limit 1)`,
        oppdragstakerNavn: sql<
          string | null
        >`case when ${submissions.kind} = 'oar' then ${currentVersion.payload} #>> '{oppdragstaker,navn}' end`,
        oppdragstakerId: sql<string | null>`case when ${submissions.kind} = 'oar' then coalesce(
          ${currentVersion.payload} #>> '{oppdragstaker,organisasjonsnummer}',
          ${currentVersion.payload} #>> '{oppdragstaker,registreringsnummer}') end`,
        inntektsmottakere: sql<number | null>`case when ${submissions.kind} = 'amelding' then (
          select count(*)::int from jsonb_path_query(${currentVersion.payload}, ${INNTEKTSMOTTAKERE}::jsonpath)) end`,
        inntektsmottakerIds: sql<string | null>`case when ${submissions.kind} = 'amelding' then (
          select string_agg(id, ', ') from (
            select value #>> '{}' as id
            from jsonb_path_query(${currentVersion.payload}, ${`${INNTEKTSMOTTAKERE}.norskIdentifikator`}::jsonpath) as ids(value)
            limit ${EXPORT_MAX_IDENTIFIERS}) capped) end`,
      })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .leftJoin(currentVersion, eq(currentVersion.id, submissions.currentVersionId))
      .where(sql`${submissions.id} in (${submissionPageIds([...base, ...afterSubmissionCursor(cursor)], pageSize)})`)
      .orderBy(...newestFirst);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    cursor = encodeCursor(last.cursorTime, last.id);
  }
}

type PageOf<G> = G extends AsyncGenerator<infer P> ? P : never;
export type SubmissionExportRow = PageOf<ReturnType<typeof submissionExportPages>>[number];
