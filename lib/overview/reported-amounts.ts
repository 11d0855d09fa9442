import "server-only";
import { and, asc, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, submissions, submissionVersions } from "@/lib/db/schema";
import { inOrganisations } from "@/lib/submissions/queries/organisation-scope";

/**
 * The month's current A-melding, defined once: of an organisation's accepted A-meldinger for a
 * month, the one accepted last (its latest replacement). Used as
 * `selectDistinctOn(CURRENT_ACCEPTED.distinctOn, …).where(currentAcceptedIn(…)).orderBy(...CURRENT_ACCEPTED.orderBy)`
 * by the overview's reported amounts, the payment overview and reconciliation; read through
 * submissions_subject_idx (organisation, kind, month), scoped to `organisationIds` in the WHERE clause.
 */
export const CURRENT_ACCEPTED = {
  distinctOn: [submissions.organisationId, submissions.subject],
  orderBy: [asc(submissions.organisationId), asc(submissions.subject), desc(submissions.acceptedAt)],
};

export function currentAcceptedIn(organisationIds: readonly string[], fromMonth: string, toMonth: string): SQL {
  return and(
    inOrganisations(submissions.organisationId, organisationIds),
    eq(submissions.kind, "amelding"),
    eq(submissions.status, "accepted"),
    gte(submissions.subject, fromMonth),
    lte(submissions.subject, toMonth),
  ) as SQL;
}

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
  submissionId: string;
  /** The same organisation's month before, when an A-melding for it was accepted. */
  previous: Amounts | null;
};

/**
 * What each organisation reported per month from `fromMonth` to `toMonth` (YYYY-MM): the sums of
 * the month's current A-melding (the one accepted last, i.e. the latest replacement), read from
 * the columns stored when the version was saved, never from payloads. Each month carries the
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
    .selectDistinctOn(CURRENT_ACCEPTED.distinctOn, {
      organisationId: submissions.organisationId,
      organisationName: organisations.name,
      month: submissions.subject,
      submissionId: submissions.id,
      forskuddstrekk: submissionVersions.reportedForskuddstrekk,
      arbeidsgiveravgift: submissionVersions.reportedArbeidsgiveravgift,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(currentAcceptedIn(organisationIds, previousMonth(fromMonth), toMonth))
    .orderBy(...CURRENT_ACCEPTED.orderBy);
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
