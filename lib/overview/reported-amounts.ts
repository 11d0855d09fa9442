import "server-only";
import { and, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { boardMonthFacts, organisations } from "@/lib/db/schema";
import { inOrganisations } from "@/lib/submissions/queries/organisation-scope";

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
}

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

/**
 * What each organisation reported per month from `fromMonth` to `toMonth` (YYYY-MM): the sums of
 * the month's current A-meldinger (lib/amelding/current-ameldinger.ts), as the board's kept facts
 * hold them (board_month_facts, docs/board.md "Facts kept by triggers": summed from the columns
 * stored when each version was saved, never from payloads). Each month carries the month before
 * for comparison. Scoped to the organisations given, in the WHERE clause; read by primary key.
 */
export async function reportedAmountsByMonth(
  db: DbOrTx,
  organisationIds: string[],
  fromMonth: string,
  toMonth: string,
): Promise<MonthAmounts[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({
      organisationId: boardMonthFacts.organisationId,
      organisationName: organisations.name,
      month: boardMonthFacts.kalendermaaned,
      // The newest acceptance is a current A-melding: a replacement is accepted after what it replaces.
      submissionId: sql<string>`${boardMonthFacts.acceptedId}`,
      forskuddstrekk: boardMonthFacts.currentForskuddstrekk,
      arbeidsgiveravgift: boardMonthFacts.currentArbeidsgiveravgift,
    })
    .from(boardMonthFacts)
    .innerJoin(organisations, eq(organisations.id, boardMonthFacts.organisationId))
    .where(
      and(
        inOrganisations(boardMonthFacts.organisationId, organisationIds),
        isNotNull(boardMonthFacts.acceptedId),
        gte(boardMonthFacts.kalendermaaned, previousMonth(fromMonth)),
        lte(boardMonthFacts.kalendermaaned, toMonth),
      ),
    );
  const byKey = new Map(rows.map((r) => [`${r.organisationId}|${r.month}`, r]));
  return rows
    .filter((r) => r.month >= fromMonth)
    .map((r) => {
      const previous = byKey.get(`${r.organisationId}|${previousMonth(r.month)}`);
      return {
        ...r,
        previous: previous
          ? { forskuddstrekk: previous.forskuddstrekk, arbeidsgiveravgift: previous.arbeidsgiveravgift }
          : null,
      };
    })
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, "nb") || b.month.localeCompare(a.month));
}
