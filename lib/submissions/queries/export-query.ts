import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias, PgDialect } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import {
  deliveryAttempts,
  organisations,
  type ReportKind,
  type SubmissionStatus,
  submissions,
  submissionVersions,
} from "@/lib/db/schema";
import type { StatusReasonParams } from "../status-reason";
import type { SubmissionListFilter } from "./list-filter";
import { newestFirst, submissionFilterConditions, submissionPageConditions } from "./list-submissions";

/** At most this many inntektsmottaker identifiers per A-melding in one cell (Excel's cell limit is 32 767 characters). */
export const EXPORT_MAX_IDENTIFIERS = 1000;

const currentVersion = alias(submissionVersions, "current_version");
const INNTEKTSMOTTAKERE = "$.oppgave.virksomhet[*].inntektsmottaker[*]";

const nowText = sql<string>`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The export's snapshot: how many rows match now, and "now" in PostgreSQL's own clock at full
 * precision. The export's cursor stops at that instant, so rows created while the file downloads do
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

/** Rows fetched from the export's cursor per round trip: one batch is all the export holds in memory. */
export const EXPORT_BATCH_SIZE = 1000;

export type SubmissionExportRow = {
  id: string;
  createdAt: Date;
  orgnr: string;
  organisationName: string;
  kind: ReportKind;
  subject: string;
  status: SubmissionStatus;
  lastErrorCode: string | null;
  statusReasonCode: string | null;
  statusReasonParams: StatusReasonParams | null;
  receivedIds: Record<string, string> | null;
  attemptCount: number;
  acceptedAt: Date | null;
  reportedForskuddstrekk: number | null;
  reportedArbeidsgiveravgift: number | null;
  korrelasjonsid: string | null;
  oppdragstakerNavn: string | null;
  oppdragstakerId: string | null;
  inntektsmottakere: number | null;
  inntektsmottakerIds: string | null;
};

const dialect = new PgDialect();

/**
 * The export as ONE statement (the filtered submissions newest first, scoped to the user's
 * organisations in the WHERE clause), declared as a cursor: planned once, and a cursor is
 * planned for its first rows, so it walks the list's index in order and joins each row's
 * version and attempt as it goes (docs/benchmarks.md, "CSV export"). Personal identifiers are
 * read out of the current version's payload in SQL, so the (possibly large) payload itself
 * never leaves the database. Exported for the benchmark's EXPLAIN.
 */
export async function submissionExportCursor(
  db: DbOrTx,
  organisationIds: string[],
  filter: SubmissionListFilter,
  until: string,
): Promise<{ sql: string; params: unknown[] }> {
  const conditions = [
    ...(await submissionPageConditions(db, organisationIds, filter)),
    sql`${submissions.createdAt} <= ${until}::timestamptz`,
  ];
  const query = dialect.sqlToQuery(sql`select ${submissions.id} as "id", ${submissions.createdAt} as "createdAt",
      ${organisations.orgnr} as "orgnr", ${organisations.name} as "organisationName", ${submissions.kind} as "kind",
      ${submissions.subject} as "subject", ${submissions.status} as "status", ${submissions.lastErrorCode} as "lastErrorCode",
      ${submissions.statusReasonCode} as "statusReasonCode", ${submissions.statusReasonParams} as "statusReasonParams",
      ${submissions.receivedIds} as "receivedIds", ${submissions.attemptCount} as "attemptCount",
      ${submissions.acceptedAt} as "acceptedAt",
      ${currentVersion.reportedForskuddstrekk} as "reportedForskuddstrekk",
      ${currentVersion.reportedArbeidsgiveravgift} as "reportedArbeidsgiveravgift",
      (select ${deliveryAttempts.korrelasjonsid} from ${deliveryAttempts}
        where ${deliveryAttempts.submissionId} = ${submissions.id} and ${deliveryAttempts.korrelasjonsid} is not null
        order by ${deliveryAttempts.attemptNo} desc limit 1) as "korrelasjonsid",
      case when ${submissions.kind} = 'oar' then ${currentVersion.payload} #>> '{oppdragstaker,navn}' end as "oppdragstakerNavn",
      case when ${submissions.kind} = 'oar' then coalesce(
        ${currentVersion.payload} #>> '{oppdragstaker,organisasjonsnummer}',
        ${currentVersion.payload} #>> '{oppdragstaker,registreringsnummer}') end as "oppdragstakerId",
      case when ${submissions.kind} = 'amelding' then (
        select count(*)::int from jsonb_path_query(${currentVersion.payload}, ${INNTEKTSMOTTAKERE}::jsonpath)) end as "inntektsmottakere",
      case when ${submissions.kind} = 'amelding' then (
        select string_agg(id, ', ') from (
          select value #>> '{}' as id
          from jsonb_path_query(${currentVersion.payload}, ${`${INNTEKTSMOTTAKERE}.norskIdentifikator`}::jsonpath) as ids(value)
          limit ${EXPORT_MAX_IDENTIFIERS}) capped) end as "inntektsmottakerIds"
    from ${submissions}
    join ${organisations} on ${organisations.id} = ${submissions.organisationId}
    left join ${submissionVersions} as ${currentVersion} on ${currentVersion.id} = ${submissions.currentVersionId}
    where ${and(...conditions)}
    order by ${sql.join([...newestFirst], sql`, `)}`);
  return { sql: `declare submissions_export no scroll cursor for ${query.sql}`, params: query.params };
}

/**
 * The filtered submissions, newest first, EXPORT_BATCH_SIZE rows per iteration, from one cursor
 * in a read-only transaction on a connection of its own (one snapshot for the whole file). The
 * next batch is fetched while the consumer formats this one, so PostgreSQL and the CSV writer work
 * at the same time instead of taking turns (docs/benchmarks.md, "CSV export"). When the consumer
 * stops early (the client went away and the stream was cancelled) the fetch in flight is awaited
 * and the transaction rolled back, which closes the cursor, and the connection goes back to the pool.
 */
export async function* submissionExportPages(
  db: Db,
  organisationIds: string[],
  filter: SubmissionListFilter,
  until: string,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<SubmissionExportRow[]> {
  if (organisationIds.length === 0) return;
  const cursor = await submissionExportCursor(db, organisationIds, filter, until);
  const connection = await db.$client.reserve();
  // The prefetch must reach PostgreSQL before the consumer formats the batch in hand. postgres.js
  // sends a query only once it is awaited or executed (hence execute()), and then writes a message
  // this short from a setImmediate, which runs only after the consumer's synchronous formatting:
  // the fetch left after the batch was written, and the two took turns (docs/benchmarks.md, "CSV
  // export's prefetch sent in time, exact search terms for many organisations (30 November 2026,
  // night)"). Two turns of the event loop's check phase let that write go first.
  const fetchBatch = () => connection.unsafe<RawExportRow[]>(`fetch ${batchSize} from submissions_export`).execute();
  const letTheFetchGoOut = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
  let open = false;
  let prefetched: ReturnType<typeof fetchBatch> | null = null;
  try {
    await connection.unsafe("begin transaction isolation level repeatable read, read only");
    open = true;
    await connection.unsafe(cursor.sql, cursor.params as never[]);
    let rows = await fetchBatch();
    for (;;) {
      const more = rows.length === batchSize;
      prefetched = more ? fetchBatch() : null;
      if (prefetched) await letTheFetchGoOut();
      if (rows.length > 0) yield rows.map(toExportRow);
      if (!prefetched) break;
      rows = await prefetched;
      prefetched = null;
    }
    open = false;
    await connection.unsafe("commit");
  } finally {
    // A batch still in flight when the consumer stopped: let it finish (its rows are dropped) so
    // the rollback follows it on the connection, and its failure is not left unhandled.
    if (prefetched) await prefetched.catch(() => {});
    if (open) await connection.unsafe("rollback").catch(() => {});
    connection.release();
  }
}

type RawExportRow = Omit<
  SubmissionExportRow,
  "createdAt" | "acceptedAt" | "reportedForskuddstrekk" | "reportedArbeidsgiveravgift"
> & {
  createdAt: string;
  acceptedAt: string | null;
  reportedForskuddstrekk: string | null;
  reportedArbeidsgiveravgift: string | null;
};

/** What drizzle's own mapping makes of these columns (timestamps arrive as text, numerics as strings). */
function toExportRow(row: RawExportRow): SubmissionExportRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    acceptedAt: row.acceptedAt === null ? null : new Date(row.acceptedAt),
    reportedForskuddstrekk: row.reportedForskuddstrekk === null ? null : Number(row.reportedForskuddstrekk),
    reportedArbeidsgiveravgift: row.reportedArbeidsgiveravgift === null ? null : Number(row.reportedArbeidsgiveravgift),
  };
}
