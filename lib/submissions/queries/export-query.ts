import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
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

export const EXPORT_PAGE_SIZE = 2000;
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
 * The filtered submissions, newest first, one keyset page per iteration: at most two pages are
 * ever in memory. The next page is asked for as soon as one arrives, so PostgreSQL reads it while
 * the caller turns this one into CSV (docs/benchmarks.md, "CSV export"). Personal identifiers are
 * read out of the current version's payload in SQL, so the (possibly large) payload itself never
 * leaves the database.
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
  let pending = exportPage(db, [...base], pageSize);
  try {
    for (;;) {
      const rows = await pending;
      const last = rows.at(-1);
      const more = rows.length === pageSize && last !== undefined;
      if (more)
        pending = exportPage(db, [...base, ...afterSubmissionCursor(encodeCursor(last.cursorTime, last.id))], pageSize);
      if (rows.length > 0) yield rows;
      if (!more) return;
    }
  } finally {
    // A reader that stops early (a cancelled download) leaves the prefetched page to settle unread.
    pending.catch(() => undefined);
  }
}

/** One page of the export: the page's ids by index in the list's order, then what each row shows. */
function exportPage(db: DbOrTx, conditions: SQL[], pageSize: number) {
  return (
    db
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
      // An array of the page's ids, so the rows are fetched by primary key: with `in (subquery)` the
      // planner hashed the ids and scanned the whole table for a page of 2 000.
      .where(sql`${submissions.id} = any(array(${submissionPageIds(conditions, pageSize)}))`)
      .orderBy(...newestFirst)
  );
}

type PageOf<G> = G extends AsyncGenerator<infer P> ? P : never;
export type SubmissionExportRow = PageOf<ReturnType<typeof submissionExportPages>>[number];
