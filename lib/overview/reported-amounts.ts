import "server-only";
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { isCurrentAmelding } from "@/lib/amelding/current-ameldinger";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, submissions, submissionVersions } from "@/lib/db/schema";

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
}

const nullableNumber = (value: unknown) => (value === null ? null : Number(value));

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
 * the month's current A-meldinger (lib/amelding/current-ameldinger.ts), read from the columns
 * stored when each version was saved, never from payloads. Each month carries the
 * month before for comparison. Scoped to the organisations given, in the WHERE clause, and read
 * through submissions_subject_idx (organisation, kind, month).
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
      organisationId: submissions.organisationId,
      organisationName: organisations.name,
      month: submissions.subject,
      submissionId: sql<string>`(array_agg(${submissions.id} order by ${submissions.acceptedAt} desc))[1]`,
      forskuddstrekk: sql<number | null>`sum(${submissionVersions.reportedForskuddstrekk})`.mapWith(nullableNumber),
      arbeidsgiveravgift: sql<number | null>`sum(${submissionVersions.reportedArbeidsgiveravgift})`.mapWith(
        nullableNumber,
      ),
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(
      and(
        inArray(submissions.organisationId, organisationIds),
        isCurrentAmelding(),
        gte(submissions.subject, previousMonth(fromMonth)),
        lte(submissions.subject, toMonth),
      ),
    )
    .groupBy(submissions.organisationId, organisations.name, submissions.subject);
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
