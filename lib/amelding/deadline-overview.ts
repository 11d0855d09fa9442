import "server-only";
import { and, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { boardMonthFacts } from "@/lib/db/schema";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { inOrganisations } from "@/lib/submissions/queries/organisation-scope";
import { type DeadlineStatus, deadlineStatus } from "./deadline-status";
import { ameldingDeadline, osloDate, shiftMonth } from "./deadlines";

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
  organisations: { id: string; orgnr: string; name: string; cells: DeadlineCell[] }[];
};

/** The last 12 months and the current one. */
export const OVERVIEW_MONTHS = 13;

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
  options: { now?: Date; months?: number } = {},
): Promise<DeadlineOverview> {
  const today = osloDate(options.now ?? new Date());
  const current = today.slice(0, 7);
  const count = options.months ?? OVERVIEW_MONTHS;
  const months = Array.from({ length: count }, (_, i) => shiftMonth(current, -i)).map((kalendermaaned) => ({
    kalendermaaned,
    deadline: ameldingDeadline(kalendermaaned),
  }));
  const organisations = await listOrganisationsForUser(db, organisationIds);
  if (organisations.length === 0) return { today, months, organisations: [] };

  // One kept row per organisation-month (board_month_facts, docs/board.md "Facts kept by
  // triggers"), read by primary key: no aggregation over the submissions on a visit.
  const rows = await db
    .select({
      organisationId: boardMonthFacts.organisationId,
      kalendermaaned: boardMonthFacts.kalendermaaned,
      firstAcceptedAt: boardMonthFacts.firstAcceptedAt,
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

  return {
    today,
    months,
    organisations: organisations.map((org) => ({
      id: org.id,
      orgnr: org.orgnr,
      name: org.name,
      cells: months.map(({ kalendermaaned, deadline }) => {
        const row = byKey.get(`${org.id}|${kalendermaaned}`);
        const firstAcceptedAt = row?.firstAcceptedAt ?? null;
        return {
          kalendermaaned,
          status: deadlineStatus({ deadline, today, firstAcceptedAt, trackedFrom: osloDate(org.createdAt) }),
          firstAcceptedAt: firstAcceptedAt ? firstAcceptedAt.toISOString() : null,
          pending: row?.pending ?? 0,
        };
      }),
    })),
  };
}
