import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
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

export type ReplaceableAmelding = {
  id: string;
  organisationId: string;
  kalendermaaned: string;
  meldingsId: string;
  /** The accepted payload, which the replacement starts from. */
  payload: Record<string, unknown>;
};

export type ReplaceableLookup =
  | { ok: true; amelding: ReplaceableAmelding }
  | { ok: false; reason: "notFound" | "notAccepted" | "alreadyReplaced" };

/**
 * An accepted A-melding that may be replaced: of kind amelding, accepted, within the user's
 * organisations, and not already replaced by another accepted one (then that one is the message
 * to replace).
 */
export async function lookUpReplaceableAmelding(
  db: DbOrTx,
  submissionId: string,
  organisationIds: string[],
): Promise<ReplaceableLookup> {
  if (organisationIds.length === 0) return { ok: false, reason: "notFound" };
  const [row] = await db
    .select({ submission: submissions, payload: submissionVersions.payload })
    .from(submissions)
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(and(eq(submissions.id, submissionId), inArray(submissions.organisationId, organisationIds)));
  if (row?.submission.kind !== "amelding") return { ok: false, reason: "notFound" };
  if (row.submission.status !== "accepted") return { ok: false, reason: "notAccepted" };
  const [replacement] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.replacesSubmissionId, submissionId), eq(submissions.status, "accepted")))
    .limit(1);
  if (replacement) return { ok: false, reason: "alreadyReplaced" };
  const payload = row.payload;
  return {
    ok: true,
    amelding: {
      id: row.submission.id,
      organisationId: row.submission.organisationId,
      kalendermaaned: String(payload.kalendermaaned ?? row.submission.subject),
      meldingsId: String(payload.meldingsId ?? ""),
      payload,
    },
  };
}
