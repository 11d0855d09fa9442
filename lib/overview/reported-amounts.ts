import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { PLAN_PER_EXECUTION } from "@/lib/db/prepared-statements";
import { boardMonthFacts, organisations } from "@/lib/db/schema";
import { MAX_PAGE } from "@/lib/filters/page-number";
import { inOrganisationSet } from "@/lib/submissions/queries/organisation-scope";

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
}

/**
 * Rows of the overview's reported amounts per page: an admin of 2 000 organisations has up to
 * 2 000 × the period's months of them, which the page shows a page at a time.
 */
export const REPORTED_AMOUNTS_PAGE_SIZE = 25;

export type Amounts = { forskuddstrekk: number | null; arbeidsgiveravgift: number | null };
export type MonthAmounts = Amounts & {
  organisationId: string;
  organisationName: string;
  month: string;
  /** The month's A-melding accepted last, which the month links to. */
  submissionId: string;
  /** The same organisation's month before, when an A-melding for it was accepted. */
  previous: Amounts | null;
};

type Row = {
  organisation_id: string;
  organisation_name: string;
  month: string;
  submission_id: string;
  forskuddstrekk: number | null;
  arbeidsgiveravgift: number | null;
  has_previous: boolean;
  previous_forskuddstrekk: number | null;
  previous_arbeidsgiveravgift: number | null;
  total: number;
};

/**
 * What each organisation reported per month from `fromMonth` to `toMonth` (YYYY-MM), one page of
 * organisation-months (by organisation name, then newest month first) and how many there are:
 * the sums of the month's current A-meldinger (lib/amelding/current-ameldinger.ts), as the board's
 * kept facts hold them (board_month_facts, docs/board.md "Facts kept by triggers": summed from the
 * columns stored when each version was saved, never from payloads). Each month carries the month
 * before for comparison, read by primary key for the page's rows only. Scoped to the
 * organisations given, in the WHERE clause.
 */
export async function reportedAmountsByMonth(
  db: DbOrTx,
  organisationIds: string[],
  fromMonth: string,
  toMonth: string,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ rows: MonthAmounts[]; total: number }> {
  if (organisationIds.length === 0) return { rows: [], total: 0 };
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), MAX_PAGE);
  const pageSize = options.pageSize ?? REPORTED_AMOUNTS_PAGE_SIZE;
  const rows = (await db.execute(sql`${sql.raw(PLAN_PER_EXECUTION)}
    with page as (
      select f.organisation_id, o.name as organisation_name, f.kalendermaaned as month,
        f.accepted_id as submission_id, f.current_forskuddstrekk, f.current_arbeidsgiveravgift,
        count(*) over () as total
      from ${boardMonthFacts} f join ${organisations} o on o.id = f.organisation_id
      where ${inOrganisationSet(sql`f.organisation_id`, organisationIds)}
        and f.accepted_id is not null
        and f.kalendermaaned between ${fromMonth} and ${toMonth}
      order by o.name, o.id, f.kalendermaaned desc
      limit ${pageSize} offset ${(page - 1) * pageSize})
    select pg.organisation_id, pg.organisation_name, pg.month, pg.submission_id,
      pg.current_forskuddstrekk::float8 as forskuddstrekk, pg.current_arbeidsgiveravgift::float8 as arbeidsgiveravgift,
      p.organisation_id is not null as has_previous,
      p.current_forskuddstrekk::float8 as previous_forskuddstrekk,
      p.current_arbeidsgiveravgift::float8 as previous_arbeidsgiveravgift,
      pg.total::int as total
    from page pg
    left join ${boardMonthFacts} p on p.organisation_id = pg.organisation_id and p.accepted_id is not null
      and p.kalendermaaned = to_char(to_date(pg.month, 'YYYY-MM') - interval '1 month', 'YYYY-MM')
    order by pg.organisation_name, pg.organisation_id, pg.month desc`)) as unknown as Row[];
  return {
    total: rows[0]?.total ?? (page > 1 ? await countReportedMonths(db, organisationIds, fromMonth, toMonth) : 0),
    rows: rows.map((r) => ({
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      month: r.month,
      submissionId: r.submission_id,
      forskuddstrekk: r.forskuddstrekk,
      arbeidsgiveravgift: r.arbeidsgiveravgift,
      previous: r.has_previous
        ? { forskuddstrekk: r.previous_forskuddstrekk, arbeidsgiveravgift: r.previous_arbeidsgiveravgift }
        : null,
    })),
  };
}

/** How many organisation-months have an accepted A-melding, for a page past the last. */
async function countReportedMonths(db: DbOrTx, organisationIds: string[], fromMonth: string, toMonth: string) {
  const [row] = (await db.execute(sql`
    select count(*)::int as total from ${boardMonthFacts} f
    where ${inOrganisationSet(sql`f.organisation_id`, organisationIds)}
      and f.accepted_id is not null and f.kalendermaaned between ${fromMonth} and ${toMonth}`)) as unknown as {
    total: number;
  }[];
  return row?.total ?? 0;
}
