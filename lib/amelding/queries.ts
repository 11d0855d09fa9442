import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { submissions, submissionVersions } from "@/lib/db/schema";

/**
 * Whether any A-melding version of the organisation already carries this meldingsId. Every
 * message needs a unique one (rule MAGNET_EDAG-181). `exceptSubmissionId` leaves out the
 * submission being edited, whose draft versions keep their meldingsId.
 */
export async function isMeldingsIdUsed(
  db: DbOrTx,
  organisationId: string,
  meldingsId: string,
  options: { exceptSubmissionId?: string } = {},
): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(submissionVersions)
    .innerJoin(submissions, eq(submissions.id, submissionVersions.submissionId))
    .where(
      and(
        eq(submissions.organisationId, organisationId),
        eq(submissions.kind, "amelding"),
        sql`${submissionVersions.payload}->>'meldingsId' = ${meldingsId}`,
        options.exceptSubmissionId ? ne(submissions.id, options.exceptSubmissionId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}
