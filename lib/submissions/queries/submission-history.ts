import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { deliveryAttempts, organisations, submissions, submissionVersions } from "@/lib/db/schema";

/** One submission with its versions and attempts, oldest first; null outside the user's organisations. */
export async function findSubmissionWithHistory(db: DbOrTx, submissionId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return null;
  const [row] = await db
    .select({ submission: submissions, organisation: { id: organisations.id, orgnr: organisations.orgnr, name: organisations.name } })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(eq(submissions.id, submissionId), inArray(submissions.organisationId, organisationIds)));
  if (!row) return null;
  const [versions, attempts] = await Promise.all([
    db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, submissionId)).orderBy(asc(submissionVersions.versionNo)),
    db.select().from(deliveryAttempts).where(eq(deliveryAttempts.submissionId, submissionId)).orderBy(asc(deliveryAttempts.attemptNo)),
  ]);
  return { ...row.submission, organisation: row.organisation, versions, attempts };
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
