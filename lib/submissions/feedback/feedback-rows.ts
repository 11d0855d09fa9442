import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { AccessOutcome } from "@/lib/access-health/access-outcome";
import { recordAccessOutcome } from "@/lib/access-health/record-access";
import type { DbOrTx } from "@/lib/db/client";
import { ameldingFeedback, type FeedbackStatus, organisations, submissions } from "@/lib/db/schema";
import type { ParsedFeedback } from "@/lib/reporting/amelding/feedback-adapter";
import { inOrganisations } from "../queries/organisation-scope";
import type { FeedbackProblem } from "./feedback-problem";

/**
 * Starts following every accepted A-melding that has no feedback row yet. One statement, so the
 * delivery engine needs no change and concurrent followers cannot create a row twice. Only
 * submissions accepted within `acceptedWithinMs` count: older ones would be given up at once.
 */
export async function createMissingFeedbackRows(db: DbOrTx, acceptedWithinMs: number): Promise<number> {
  const rows = await db.execute<{ submission_id: string }>(sql`
    insert into ${ameldingFeedback} (submission_id, dialog_id)
    select s.id, s.received_ids->>'dialogId'
    from ${submissions} s
    where s.kind = 'amelding' and s.status = 'accepted'
      and s.accepted_at > now() - ${`${acceptedWithinMs} milliseconds`}::interval
      and not exists (select 1 from ${ameldingFeedback} f where f.submission_id = s.id)
    on conflict (submission_id) do nothing
    returning submission_id`);
  return rows.length;
}

export type ClaimedFeedback = {
  submissionId: string;
  dialogId: string | null;
  checkCount: number;
  /** The lease this worker holds; every write below is conditional on it. */
  leaseUntil: Date;
  organisationId: string;
  orgnr: string;
  receivedIds: Record<string, string>;
  acceptedAt: Date;
};

/**
 * Takes up to `limit` waiting rows that are due and not leased by another worker, leasing them
 * until `leaseUntil`. SKIP LOCKED lets several workers claim side by side without waiting.
 */
export async function claimDueFeedback(
  db: DbOrTx,
  options: { limit: number; leaseMs: number },
): Promise<ClaimedFeedback[]> {
  // Millisecond precision, so the value read back compares equal to the one stored.
  const leaseUntil = new Date(Date.now() + options.leaseMs);
  const rows = await db.execute<{
    submission_id: string;
    dialog_id: string | null;
    check_count: number;
    organisation_id: string;
    orgnr: string;
    received_ids: Record<string, string> | null;
    accepted_at: string | Date;
  }>(sql`
    with due as (
      select f.submission_id from ${ameldingFeedback} f
      where f.status = 'waiting' and f.next_check_at <= now() and (f.lease_until is null or f.lease_until < now())
      order by f.next_check_at
      limit ${options.limit}
      for update skip locked
    )
    update ${ameldingFeedback} f set lease_until = ${leaseUntil.toISOString()}::timestamptz
    from due, ${submissions} s, ${organisations} o
    where f.submission_id = due.submission_id and s.id = f.submission_id and o.id = s.organisation_id
    returning f.submission_id, f.dialog_id, f.check_count, o.id as organisation_id, o.orgnr, s.received_ids, s.accepted_at`);
  return rows.map((r) => ({
    submissionId: r.submission_id,
    dialogId: r.dialog_id,
    checkCount: r.check_count,
    leaseUntil,
    organisationId: r.organisation_id,
    orgnr: r.orgnr,
    receivedIds: r.received_ids ?? {},
    acceptedAt: new Date(r.accepted_at),
  }));
}

export type FeedbackCheckResult =
  | { status: "waiting"; nextCheckAt: Date; lastError: FeedbackProblem | null; dialogId: string | null }
  | { status: "error"; lastError: FeedbackProblem; dialogId: string | null }
  | {
      status: Extract<FeedbackStatus, "ok" | "deviations" | "rejected">;
      dialogId: string;
      document: Record<string, unknown>;
      parsed: ParsedFeedback;
    };

/**
 * Records one check's result, only if this worker still holds the lease, and in the same
 * transaction what its calls said about the organisation's access (docs/access-health.md): a
 * check not recorded (another worker took over) records nothing there either.
 */
export async function finishFeedbackCheck(
  db: DbOrTx,
  claimed: ClaimedFeedback,
  result: FeedbackCheckResult,
  access: AccessOutcome | null = null,
): Promise<boolean> {
  const common = {
    status: result.status,
    dialogId: result.dialogId,
    checkCount: claimed.checkCount + 1,
    lastCheckedAt: sql`now()`,
    leaseUntil: null,
  };
  const problem = (p: FeedbackProblem | null) => ({
    lastError: null,
    lastErrorCode: p?.code ?? null,
    lastErrorParams: p?.params ?? null,
  });
  const set =
    result.status === "waiting"
      ? { ...common, nextCheckAt: result.nextCheckAt, ...problem(result.lastError) }
      : result.status === "error"
        ? { ...common, ...problem(result.lastError) }
        : { ...common, ...problem(null), receivedAt: sql`now()`, document: result.document, parsed: result.parsed };
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(ameldingFeedback)
      .set(set)
      .where(
        and(
          eq(ameldingFeedback.submissionId, claimed.submissionId),
          eq(ameldingFeedback.status, "waiting"),
          eq(ameldingFeedback.leaseUntil, claimed.leaseUntil),
        ),
      )
      .returning({ id: ameldingFeedback.submissionId });
    if (updated.length === 0) return false;
    await recordAccessOutcome(tx, claimed.organisationId, access);
    return true;
  });
}

/** An event says the dialog changed: check its waiting feedback at the next round. */
export async function markFeedbackDueForDialog(db: DbOrTx, dialogId: string): Promise<number> {
  const rows = await db
    .update(ameldingFeedback)
    .set({ nextCheckAt: sql`now()` })
    .where(and(eq(ameldingFeedback.dialogId, dialogId), eq(ameldingFeedback.status, "waiting")))
    .returning({ id: ameldingFeedback.submissionId });
  return rows.length;
}

/** The feedback row of one submission, only within the reader's organisations. */
export async function findFeedbackForSubmission(db: DbOrTx, submissionId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return null;
  const [row] = await db
    .select({ feedback: ameldingFeedback })
    .from(ameldingFeedback)
    .innerJoin(submissions, eq(submissions.id, ameldingFeedback.submissionId))
    .where(
      and(
        eq(ameldingFeedback.submissionId, submissionId),
        inOrganisations(submissions.organisationId, organisationIds),
      ),
    );
  return row?.feedback ?? null;
}
