import "server-only";
import { and, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { boardMonthFacts, organisations } from "@/lib/db/schema";
import { pageNumberSchema } from "@/lib/filters/page-number";
import { firstValue, type RawSearchParams, searchParamsRecord } from "@/lib/filters/search-params";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { inOrganisations } from "@/lib/submissions/queries/organisation-scope";
import { type DeadlineStatus, DUE_SOON_DAYS, deadlineStatus } from "./deadline-status";
import { addDays, ameldingDeadline, osloDate, shiftMonth } from "./deadlines";

export type DeadlineCell = {
  kalendermaaned: string;
  status: DeadlineStatus;
  /** When Skatteetaten first accepted an A-melding for the month (ISO), if it has. */
  firstAcceptedAt: string | null;
  /** Drafts and submissions on their way (queued, sending, retrying) for the month. */
  pending: number;
};

export type DeadlineOverview = {
  today: string;
  /** Newest first (the months that still need action lead); each with its deadline (YYYY-MM-DD). */
  months: { kalendermaaned: string; deadline: string }[];
  /** The page's organisations, by name. */
  organisations: { id: string; orgnr: string; name: string; cells: DeadlineCell[] }[];
  /** Over every organisation the filter keeps, not only the page's. */
  counts: { missing: number; due_soon: number; late: number };
  /** How many organisations the filter keeps, and which page of them this is. */
  total: number;
  page: number;
  pageSize: number;
};

/** The last 12 months and the current one. */
export const OVERVIEW_MONTHS = 13;
/** Organisations per page: 50 rows of 13 cells; an admin of 2 000 would otherwise get 26 000. */
export const DEADLINE_PAGE_SIZE = 50;

/** `/a-melding/frister`'s query: a page, and `only=action` for organisations with a month missing or due soon. */
export const deadlineFilterSchema = z.object({
  page: pageNumberSchema,
  only: z.preprocess(firstValue, z.enum(["action"]).optional().catch(undefined)),
});
export type DeadlineFilter = z.output<typeof deadlineFilterSchema>;

export function parseDeadlineFilter(params: RawSearchParams): DeadlineFilter {
  return deadlineFilterSchema.parse(searchParamsRecord(params));
}

const NEEDS_ACTION: ReadonlySet<DeadlineStatus> = new Set(["missing", "due_soon"]);

/**
 * Per organisation the user can see and per month of the window: whether its A-melding was
 * reported on time, late, is missing, due soon or not yet due (see deadlineStatus).
 *
 * A month counts as reported from the FIRST acceptance of an A-melding for it. A replacement
 * (replaces_submission_id, erstatterMeldingsId) is accepted after its original, so it never makes
 * an on-time month late.
 */
export async function getDeadlineOverview(
  db: DbOrTx,
  organisationIds: string[],
  options: { now?: Date; months?: number; filter?: DeadlineFilter; pageSize?: number } = {},
): Promise<DeadlineOverview> {
  const { page, only } = options.filter ?? { page: 1 };
  const pageSize = options.pageSize ?? DEADLINE_PAGE_SIZE;
  const today = osloDate(options.now ?? new Date());
  const current = today.slice(0, 7);
  const count = options.months ?? OVERVIEW_MONTHS;
  const months = Array.from({ length: count }, (_, i) => shiftMonth(current, -i)).map((kalendermaaned) => ({
    kalendermaaned,
    deadline: ameldingDeadline(kalendermaaned),
  }));
  const organisations = await listOrganisationsForUser(db, organisationIds);
  const counts = { missing: 0, due_soon: 0, late: 0 };
  if (organisations.length === 0) return { today, months, organisations: [], counts, total: 0, page, pageSize };

  // One kept row per organisation-month (board_month_facts, docs/board.md "Facts kept by
  // triggers"), read by primary key: no aggregation over the submissions on a visit.
  const rows = await db
    .select({
      organisationId: boardMonthFacts.organisationId,
      kalendermaaned: boardMonthFacts.kalendermaaned,
      firstAcceptedAt: boardMonthFacts.firstAcceptedAt,
      // The day in Norway, as osloDate() gives it, computed here: formatting 20 000 instants in
      // JavaScript took longer than the query for an admin of 2 000 organisations.
      firstAcceptedOn: sql<
        string | null
      >`to_char(${boardMonthFacts.firstAcceptedAt} at time zone 'Europe/Oslo', 'YYYY-MM-DD')`,
      pending: boardMonthFacts.pending,
    })
    .from(boardMonthFacts)
    .where(
      and(
        inOrganisations(
          boardMonthFacts.organisationId,
          organisations.map((o) => o.id),
        ),
        sql`${boardMonthFacts.kalendermaaned} = any(${sql.param(months.map((m) => m.kalendermaaned))}::text[])`,
      ),
    );
  const byKey = new Map(rows.map((r) => [`${r.organisationId}|${r.kalendermaaned}`, r]));

  // Every organisation's cells are decided (26 000 for an admin of 2 000, a few milliseconds) so
  // the counts and the "needs action" filter cover all of them; only the page is rendered.
  const withCells = organisations.map((org) => {
    const trackedFrom = osloDate(org.createdAt);
    return {
      id: org.id,
      orgnr: org.orgnr,
      name: org.name,
      cells: months.map(({ kalendermaaned, deadline }) => {
        const row = byKey.get(`${org.id}|${kalendermaaned}`);
        return {
          kalendermaaned,
          status: deadlineStatus({ deadline, today, firstAcceptedOn: row?.firstAcceptedOn ?? null, trackedFrom }),
          firstAcceptedAt: row?.firstAcceptedAt ? row.firstAcceptedAt.toISOString() : null,
          pending: row?.pending ?? 0,
        };
      }),
    };
  });
  const kept =
    only === "action" ? withCells.filter((org) => org.cells.some((cell) => NEEDS_ACTION.has(cell.status))) : withCells;
  for (const org of kept)
    for (const cell of org.cells) if (cell.status in counts) counts[cell.status as keyof typeof counts] += 1;
  return {
    today,
    months,
    organisations: kept.slice((page - 1) * pageSize, page * pageSize),
    counts,
    total: kept.length,
    page,
    pageSize,
  };
}

export type DeadlineAlert = {
  organisation: { id: string; name: string };
  kalendermaaned: string;
  deadline: string;
  status: "missing" | "due_soon";
};

/**
 * The overview's deadline alerts: the organisation-months of the window that are missing or due
 * soon, most urgent first (deadline, then organisation name), the first `limit` of them and how
 * many there are. The same statuses as getDeadlineOverview's cells (deadlineStatus): missing is a
 * deadline passed with nothing accepted, unless it passed before the organisation was added; due
 * soon is a deadline from today to DUE_SOON_DAYS ahead with nothing accepted (a test holds the two
 * together). Decided in SQL so that an admin of 2 000 organisations gets ten rows, not 26 000 cells.
 */
export async function getDeadlineAlerts(
  db: DbOrTx,
  organisationIds: string[],
  options: { now?: Date; months?: number; limit: number },
): Promise<{ total: number; alerts: DeadlineAlert[] }> {
  if (organisationIds.length === 0) return { total: 0, alerts: [] };
  const today = osloDate(options.now ?? new Date());
  const months = Array.from({ length: options.months ?? OVERVIEW_MONTHS }, (_, i) => shiftMonth(today.slice(0, 7), -i));
  const rows = await db.execute<{
    organisation_id: string;
    name: string;
    kalendermaaned: string;
    deadline: string;
    total: number;
  }>(sql`
    with window_months(kalendermaaned, deadline) as (
      select * from unnest(${sql.param(months)}::text[], ${sql.param(months.map((m) => ameldingDeadline(m)))}::text[]::date[])),
    readable as materialized (
      -- A deadline counts from today, or from the day the organisation was added if earlier:
      -- computed once per organisation, not for each of its months (half the statement's time
      -- for 2 000 organisations, docs/benchmarks.md "Overview in one statement (30 November 2026)").
      select o.id, o.name, least(${today}::date, (o.created_at at time zone 'Europe/Oslo')::date) as since
      from ${organisations} o where ${inOrganisations(sql`o.id`, organisationIds)}),
    open_months as (
      select o.id, o.name, m.kalendermaaned, m.deadline
      from readable o join window_months m on m.deadline >= o.since
      where m.deadline <= ${addDays(today, DUE_SOON_DAYS)}::date
        and not exists (select 1 from ${boardMonthFacts} f
          where f.organisation_id = o.id and f.kalendermaaned = m.kalendermaaned and f.first_accepted_at is not null))
    select id as organisation_id, name, kalendermaaned, deadline::text, (count(*) over ())::int as total
    from open_months order by deadline, name, id limit ${options.limit}`);
  return {
    total: rows[0]?.total ?? 0,
    alerts: rows.map((r) => ({
      organisation: { id: r.organisation_id, name: r.name },
      kalendermaaned: r.kalendermaaned,
      deadline: r.deadline,
      status: r.deadline < today ? "missing" : "due_soon",
    })),
  };
}
