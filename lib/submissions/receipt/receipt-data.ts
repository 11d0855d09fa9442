import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { ameldingFeedback, organisations, submissions, submissionVersions } from "@/lib/db/schema";
import type { FeedbackSeverity } from "@/lib/reporting/amelding/feedback-adapter";
import { findWhoDidIt } from "../four-eyes/who-did-it";

/**
 * What the receipt (PDF) of one submission states, for the client's archive (docs/four-eyes.md,
 * "The receipt"): what was reported as sums and counts, never the persons in it; Skatteetaten's
 * references and answer; the feedback as counts per severity and code, without the persons or
 * messages it names; and who prepared, approved and sent it.
 */
export type ReceiptData = NonNullable<Awaited<ReturnType<typeof findReceiptData>>>;

export async function findReceiptData(db: DbOrTx, submissionId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return null;
  const [row] = await db
    .select({
      submission: {
        id: submissions.id,
        organisationId: submissions.organisationId,
        kind: submissions.kind,
        subject: submissions.subject,
        status: submissions.status,
        statusReasonCode: submissions.statusReasonCode,
        statusReasonParams: submissions.statusReasonParams,
        lastErrorCode: submissions.lastErrorCode,
        receivedIds: submissions.receivedIds,
        createdAt: submissions.createdAt,
        acceptedAt: submissions.acceptedAt,
        oarContractorName: submissions.oarContractorName,
        oarContractValueNok: submissions.oarContractValueNok,
        oarStartDate: submissions.oarStartDate,
        oarEndDate: submissions.oarEndDate,
      },
      organisation: { name: organisations.name, orgnr: organisations.orgnr },
      version: {
        versionNo: submissionVersions.versionNo,
        idempotencyKey: submissionVersions.idempotencyKey,
        reportedForskuddstrekk: submissionVersions.reportedForskuddstrekk,
        reportedArbeidsgiveravgift: submissionVersions.reportedArbeidsgiveravgift,
        // Counted in the database, so a 50 MB A-melding is never read into the web server.
        meldingsId: sql<string | null>`${submissionVersions.payload}->>'meldingsId'`,
        virksomheter: sql<number>`(select count(*)::int from jsonb_path_query(${submissionVersions.payload}, '$.oppgave.virksomhet[*]'))`,
        inntektsmottakere: sql<number>`(select count(*)::int from jsonb_path_query(${submissionVersions.payload}, '$.oppgave.virksomhet[*].inntektsmottaker[*]'))`,
      },
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .leftJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(and(eq(submissions.id, submissionId), inArray(submissions.organisationId, organisationIds)));
  if (!row) return null;
  const [feedbackRow] =
    row.submission.kind === "amelding"
      ? await db
          .select({
            status: ameldingFeedback.status,
            receivedAt: ameldingFeedback.receivedAt,
            parsed: ameldingFeedback.parsed,
          })
          .from(ameldingFeedback)
          .where(eq(ameldingFeedback.submissionId, submissionId))
      : [];
  const who = await findWhoDidIt(db, submissionId, organisationIds);
  const current = row.version ? who.find((v) => v.versionNo === row.version?.versionNo) : undefined;
  return {
    ...row,
    feedback: feedbackRow
      ? {
          status: feedbackRow.status,
          receivedAt: feedbackRow.receivedAt,
          outcome: feedbackRow.parsed?.outcome ?? null,
          sums: feedbackRow.parsed?.sums ?? null,
          codes: countCodes(feedbackRow.parsed?.deviations ?? []),
        }
      : null,
    who: current ?? null,
  };
}

/** Deviations counted per severity and code, most severe first; the persons they name stay out. */
function countCodes(deviations: { code: string | null; severity: FeedbackSeverity }[]) {
  const order: FeedbackSeverity[] = ["rejection", "immediate", "guideline", "unknown"];
  const counts = new Map<string, { severity: FeedbackSeverity; code: string | null; count: number }>();
  for (const d of deviations) {
    const key = `${d.severity}\u0000${d.code ?? ""}`;
    const entry = counts.get(key) ?? { severity: d.severity, code: d.code, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || (a.code ?? "").localeCompare(b.code ?? ""),
  );
}
