import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { isCurrentAmelding } from "@/lib/amelding/current-ameldinger";
import type { DbOrTx } from "@/lib/db/client";
import { submissions, submissionVersions } from "@/lib/db/schema";

/** The kalendermåned before ("2026-01" → "2025-12"). */
export function monthBefore(kalendermaaned: string): string {
  const [year, month] = kalendermaaned.split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

/** More accepted A-meldinger than this for one month are not read (one per virksomhet is usual). */
const MAX_MESSAGES = 50;

/**
 * What the organisation reported for the month before `kalendermaaned`: the virksomheter of its
 * current A-meldinger of that month (lib/amelding/current-ameldinger.ts), as one leveranse
 * for the history rules (catalogue.ts). Undefined when nothing was accepted for that month. Only
 * `oppgave` is read; scoped by organisation and served by submissions_subject_idx.
 */
export async function previousMonthLeveranse(db: DbOrTx, organisationId: string, kalendermaaned: string) {
  const month = monthBefore(kalendermaaned);
  const rows = await db
    .select({ oppgave: sql<unknown>`${submissionVersions.payload}->'oppgave'` })
    .from(submissions)
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(and(eq(submissions.organisationId, organisationId), eq(submissions.subject, month), isCurrentAmelding()))
    .limit(MAX_MESSAGES);
  if (rows.length === 0) return undefined;
  const virksomhet = rows.flatMap((row) => {
    const list = (row.oppgave as { virksomhet?: unknown } | null)?.virksomhet;
    return Array.isArray(list) ? list : [];
  });
  return { kalendermaaned: month, oppgave: { virksomhet } };
}
