import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { ameldingFeedback, deliveryAttempts, organisations, submissions, submissionVersions } from "@/lib/db/schema";
import type { SubmissionLiveState } from "./live-state";
import { inOrganisations } from "./organisation-scope";

/** One submission with its versions and attempts, oldest first; null outside the user's organisations. */
export async function findSubmissionWithHistory(db: DbOrTx, submissionId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return null;
  const [row] = await db
    .select({
      submission: submissions,
      organisation: { id: organisations.id, orgnr: organisations.orgnr, name: organisations.name },
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(eq(submissions.id, submissionId), inOrganisations(submissions.organisationId, organisationIds)));
  if (!row) return null;
  const [versions, attempts] = await Promise.all([
    db
      .select()
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, submissionId))
      .orderBy(asc(submissionVersions.versionNo)),
    db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.submissionId, submissionId))
      .orderBy(asc(deliveryAttempts.attemptNo)),
  ]);
  return { ...row.submission, organisation: row.organisation, versions, attempts };
}

/** What of a submission its open page follows (lib/submissions/live-state.ts); null outside the user's organisations. */
export async function findSubmissionLiveState(
  db: DbOrTx,
  submissionId: string,
  organisationIds: string[],
): Promise<SubmissionLiveState | null> {
  if (organisationIds.length === 0) return null;
  const [row] = await db
    .select({
      kind: submissions.kind,
      status: submissions.status,
      updatedAt: submissions.updatedAt,
      attempts: sql<number>`(select count(*)::int from ${deliveryAttempts} where ${deliveryAttempts.submissionId} = ${submissions.id})`,
      lastAttemptOutcome: sql<
        string | null
      >`(select ${deliveryAttempts.outcome}::text from ${deliveryAttempts} where ${deliveryAttempts.submissionId} = ${submissions.id} order by ${deliveryAttempts.attemptNo} desc, ${deliveryAttempts.startedAt} desc limit 1)`,
      feedbackStatus: ameldingFeedback.status,
      feedbackCheckCount: ameldingFeedback.checkCount,
      feedbackLastCheckedAt: ameldingFeedback.lastCheckedAt,
    })
    .from(submissions)
    .leftJoin(ameldingFeedback, eq(ameldingFeedback.submissionId, submissions.id))
    .where(and(eq(submissions.id, submissionId), inOrganisations(submissions.organisationId, organisationIds)));
  if (!row) return null;
  return {
    kind: row.kind,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
    attempts: row.attempts,
    lastAttemptOutcome: row.lastAttemptOutcome,
    feedback: row.feedbackStatus
      ? {
          status: row.feedbackStatus,
          checkCount: row.feedbackCheckCount ?? 0,
          lastCheckedAt: row.feedbackLastCheckedAt?.toISOString() ?? null,
        }
      : null,
  };
}

/** OAR: an oppdrag Skatteetaten has accepted before is reported as a change, not as new. */
export async function wasOppdragAcceptedBefore(db: DbOrTx, organisationId: string, oppdragsreferanse: string) {
  const rows = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        eq(submissions.organisationId, organisationId),
        eq(submissions.kind, "oar"),
        eq(submissions.subject, oppdragsreferanse),
        isNotNull(submissions.acceptedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
