import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { isCurrentAmelding } from "@/lib/amelding/current-ameldinger";
import { osloDate, shiftMonth } from "@/lib/amelding/deadlines";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { BOARD_PAST_MONTHS } from "@/lib/board/board-query";
import type { Db, DbOrTx } from "@/lib/db/client";
import { ameldingReconciliations, organisations, submissions, submissionVersions } from "@/lib/db/schema";
import { every } from "@/lib/jobs/every";
import { logger } from "@/lib/log/logger";
import type { IdempotencyKeyPlacement } from "@/lib/reporting/adapter";
import {
  AVSTEMMING_SCOPE,
  avstemmingRequest,
  readAvstemmingsrapport,
} from "@/lib/reporting/amelding/avstemming-adapter";
import { decodeSkatteetatenError } from "@/lib/reporting/errors/decode-skatteetaten-error";
import { type HttpResponse, sendRequest, type TransportFailure } from "@/lib/reporting/send-request";
import type { TokenSource } from "@/lib/submissions/engine/delivery-deps";
import { inOrganisations } from "@/lib/submissions/queries/organisation-scope";
import { compareWithReport, sentAmounts } from "./compare";
import { type Difference, differencesSchema, type ReconciliationState, type ReconciliationView } from "./differences";

/*
 * Reconciliation of one organisation's A-melding month (docs/reconciliation.md): fetch
 * Skatteetaten's reconciliation report, compare it with the month's current accepted A-melding,
 * store the outcome. The request goes out through the one outbound path (sendRequest) with the
 * organisation's system-user token; only the stored outcome and its audit entry share a transaction.
 */

export type ReconciliationDeps = {
  /** POSTs the report request for the organisation's month, with its system user's A-melding token. */
  fetchReport(subject: { orgnr: string; kalendermaaned: string }): Promise<HttpResponse | TransportFailure>;
};

export function createReconciliationDeps(
  tokens: TokenSource,
  config: { baseUrl: string; idempotencyKeyIn: IdempotencyKeyPlacement; timeoutMs: number },
): ReconciliationDeps {
  return {
    async fetchReport(subject) {
      const { accessToken } = await tokens.getToken({ scopes: [AVSTEMMING_SCOPE], systemUserOrg: subject.orgnr });
      // A fresh key per call, as the API requires; a call is a read, so nothing is resent under it.
      const request = avstemmingRequest(config.baseUrl, subject, randomUUID(), config.idempotencyKeyIn);
      return sendRequest(request, accessToken, { timeoutMs: config.timeoutMs });
    },
  };
}

export type ReconciliationOutcome = {
  state: ReconciliationState;
  differences: Difference[];
  reason: string | null;
  errorCode: string | null;
};

/** More current A-meldinger than this for one month are not read (one per virksomhet is usual). */
const MAX_MESSAGES = 50;

/**
 * The month's current A-meldinger of one organisation (lib/amelding/current-ameldinger.ts): what
 * they sent together, as one leveranse of all their virksomheter (the report holds them all), and
 * the newest accepted one, whose id the outcome is stored against (the board's accepted_id).
 */
async function currentAccepted(db: DbOrTx, organisationId: string, kalendermaaned: string) {
  const rows = await db
    .select({
      submissionId: submissions.id,
      orgnr: organisations.orgnr,
      virksomhet: sql<unknown>`${submissionVersions.payload}->'oppgave'->'virksomhet'`,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(
      and(eq(submissions.organisationId, organisationId), eq(submissions.subject, kalendermaaned), isCurrentAmelding()),
    )
    .orderBy(desc(submissions.acceptedAt))
    .limit(MAX_MESSAGES);
  const [newest] = rows;
  if (!newest) return null;
  const virksomhet = rows.flatMap((r) => (Array.isArray(r.virksomhet) ? r.virksomhet : []));
  return { submissionId: newest.submissionId, orgnr: newest.orgnr, payload: { oppgave: { virksomhet } } };
}

/** Turns the answer into an outcome: only a readable report for the month asked for is one. */
async function outcomeOf(
  deps: ReconciliationDeps,
  subject: { orgnr: string; kalendermaaned: string },
  payload: unknown,
): Promise<ReconciliationOutcome> {
  const failed = (reason: string, errorCode: string | null = null): ReconciliationOutcome => ({
    state: "failed",
    differences: [],
    reason,
    errorCode,
  });
  let answer: HttpResponse | TransportFailure;
  try {
    answer = await deps.fetchReport(subject);
  } catch (error) {
    // No token (a revoked system user, Maskinporten down): the error's own message, never the token.
    return failed(`No token: ${error instanceof Error ? error.message.slice(0, 300) : "unknown error"}`);
  }
  if (answer.kind !== "response") return failed(`${answer.kind}: ${answer.message.slice(0, 300)}`);
  if (answer.status !== 200) {
    const decoded = decodeSkatteetatenError({
      status: answer.status,
      contentType: answer.headers["content-type"],
      body: answer.body,
      api: "amelding",
      headers: answer.headers,
    });
    const code = decoded.specifications.find((s) => s.kode)?.kode ?? decoded.code;
    return failed(
      `HTTP ${answer.status}${decoded.korrelasjonsid ? `, korrelasjonsid ${decoded.korrelasjonsid}` : ""}`,
      code,
    );
  }
  const reading = readAvstemmingsrapport(answer.body, subject);
  if (!reading.ok) return failed(`Unreadable report: ${reading.reason}`);
  const differences = differencesSchema.parse(compareWithReport(sentAmounts(payload), reading.report));
  return { state: differences.length === 0 ? "reconciled" : "differs", differences, reason: null, errorCode: null };
}

/** Writes the outcome for the A-melding it compared, replacing the month's previous one. */
async function storeOutcome(
  tx: DbOrTx,
  month: { organisationId: string; kalendermaaned: string; submissionId: string },
  outcome: ReconciliationOutcome,
) {
  const values = {
    submissionId: month.submissionId,
    state: outcome.state,
    reason: outcome.reason,
    errorCode: outcome.errorCode,
    differences: outcome.differences,
    fetchedAt: sql`now()`,
  };
  await tx
    .insert(ameldingReconciliations)
    .values({ organisationId: month.organisationId, kalendermaaned: month.kalendermaaned, ...values })
    .onConflictDoUpdate({
      target: [ameldingReconciliations.organisationId, ameldingReconciliations.kalendermaaned],
      set: values,
    });
}

export type ReconcileResult =
  | { kind: "done"; outcome: ReconciliationOutcome }
  /** The organisation has no accepted A-melding for the month: nothing to reconcile. */
  | { kind: "nothing_accepted" };

/**
 * Reconciles one organisation-month. The caller has checked the organisation is the user's; a
 * user's fetch is audited in the transaction that stores it, the worker's is not (it is the
 * standing job). Never throws for what Skatteetaten answers: a failure is stored as one.
 */
export async function reconcileMonth(
  db: Db,
  deps: ReconciliationDeps,
  month: { organisationId: string; kalendermaaned: string },
  actor: AuditUser | null,
): Promise<ReconcileResult> {
  const accepted = await currentAccepted(db, month.organisationId, month.kalendermaaned);
  if (!accepted) return { kind: "nothing_accepted" };
  const outcome = await outcomeOf(
    deps,
    { orgnr: accepted.orgnr, kalendermaaned: month.kalendermaaned },
    accepted.payload,
  );
  await db.transaction(async (tx) => {
    await storeOutcome(tx, { ...month, submissionId: accepted.submissionId }, outcome);
    if (actor)
      await recordAudit(tx, userActor(actor), {
        action: "reconciliation.fetch",
        targetType: "organisation",
        targetId: month.organisationId,
        organisationIds: [month.organisationId],
        details: {
          orgnr: accepted.orgnr,
          kalendermaaned: month.kalendermaaned,
          submissionId: accepted.submissionId,
          differences: outcome.differences.length,
          errorCode: outcome.errorCode,
        },
      });
  });
  if (outcome.state === "failed")
    logger.warn(
      { organisationId: month.organisationId, kalendermaaned: month.kalendermaaned, errorCode: outcome.errorCode },
      "reconciliation report could not be had",
    );
  return { kind: "done", outcome };
}

/**
 * Accepted months due a reconciliation, oldest fetch first: within the board's window, the
 * month's current accepted A-melding (board_month_facts.accepted_id, kept by triggers) has no
 * reconciliation, or one of an older A-melding, or one that differs or failed and is older than
 * `refreshMs`. Reads the kept facts by organisation and month, and the reconciliations by their key.
 */
export async function dueReconciliations(
  db: DbOrTx,
  options: { fromMonth: string; toMonth: string; refreshMs: number; limit: number },
): Promise<{ organisationId: string; kalendermaaned: string }[]> {
  const rows = await db.execute<{ organisation_id: string; kalendermaaned: string }>(sql`
    select f.organisation_id, f.kalendermaaned
    from board_month_facts f
    left join amelding_reconciliations r
      on r.organisation_id = f.organisation_id and r.kalendermaaned = f.kalendermaaned
    where f.accepted_id is not null
      and f.kalendermaaned between ${options.fromMonth} and ${options.toMonth}
      and (r.submission_id is null or r.submission_id <> f.accepted_id
        or (r.state <> 'reconciled' and r.fetched_at < now() - make_interval(secs => ${options.refreshMs / 1000})))
    order by r.fetched_at asc nulls first, f.organisation_id, f.kalendermaaned
    limit ${options.limit}
  `);
  return [...rows].map((r) => ({ organisationId: r.organisation_id, kalendermaaned: r.kalendermaaned }));
}

/**
 * One round of the worker's job: reconciles every due month, one at a time. One organisation's
 * failure (stored as failed, or an unexpected error, logged) never stops the others.
 */
export async function runReconciliationRound(
  db: Db,
  deps: ReconciliationDeps,
  options: { fromMonth: string; toMonth: string; refreshMs: number; batchSize: number },
): Promise<{ reconciled: number; failed: number }> {
  const due = await dueReconciliations(db, { ...options, limit: options.batchSize });
  let reconciled = 0;
  let failed = 0;
  for (const month of due) {
    try {
      const result = await reconcileMonth(db, deps, month, null);
      if (result.kind === "done" && result.outcome.state !== "failed") reconciled += 1;
      else failed += 1;
    } catch (error) {
      failed += 1;
      logger.error({ err: error, ...month }, "reconciliation failed");
    }
  }
  return { reconciled, failed };
}

/** The stored reconciliation of one organisation-month, scoped to the caller's organisations in the WHERE clause. */
export async function findReconciliation(
  db: DbOrTx,
  organisationIds: readonly string[],
  month: { organisationId: string; kalendermaaned: string },
) {
  if (!organisationIds.includes(month.organisationId)) return null;
  const [row] = await db
    .select()
    .from(ameldingReconciliations)
    .where(
      and(
        eq(ameldingReconciliations.organisationId, month.organisationId),
        eq(ameldingReconciliations.kalendermaaned, month.kalendermaaned),
        inOrganisations(ameldingReconciliations.organisationId, organisationIds),
      ),
    );
  if (!row) return null;
  // Stored JSON is read back through the schema it was written with; a row it cannot read shows no differences.
  const differences = differencesSchema.safeParse(row.differences);
  return { ...row, differences: differences.success ? differences.data : [] };
}

/**
 * The worker's reconciliation job (docs/reconciliation.md, "When"): every `pollMs`, the due months
 * of the board's window (the last 12 months and the current one), in batches until none are due.
 */
export function startReconciliationJob(
  db: Db,
  deps: ReconciliationDeps,
  options: { pollMs: number; refreshMs: number; workerId: string; today?: () => string },
) {
  const batchSize = 50;
  return every(options.pollMs, "reconciliation", options.workerId, async () => {
    const current = (options.today?.() ?? osloDate(new Date())).slice(0, 7);
    const window = { fromMonth: shiftMonth(current, -BOARD_PAST_MONTHS), toMonth: current };
    // Whole batches until none are due; bounded, so months that stay due cannot keep it busy.
    for (let round = 0; round < 20; round++) {
      const { reconciled, failed } = await runReconciliationRound(db, deps, {
        ...window,
        refreshMs: options.refreshMs,
        batchSize,
      });
      if (reconciled + failed < batchSize) break;
    }
  });
}

/**
 * What the reconciliation page shows for one organisation-month, or null when the organisation is
 * not the caller's: the organisation, the month's current accepted A-melding, and the stored
 * reconciliation with how it reads now (not fetched when it compared an older A-melding).
 */
export async function getReconciliationView(
  db: DbOrTx,
  organisationIds: readonly string[],
  month: { organisationId: string; kalendermaaned: string },
) {
  const [organisation] = await db
    .select({ id: organisations.id, orgnr: organisations.orgnr, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, month.organisationId), inOrganisations(organisations.id, organisationIds)));
  if (!organisation) return null;
  const [accepted, reconciliation] = await Promise.all([
    currentAccepted(db, organisation.id, month.kalendermaaned),
    findReconciliation(db, organisationIds, month),
  ]);
  const view: ReconciliationView | null = !accepted
    ? null
    : reconciliation && reconciliation.submissionId === accepted.submissionId
      ? reconciliation.state
      : "not_fetched";
  return {
    organisation,
    acceptedSubmissionId: accepted?.submissionId ?? null,
    reconciliation,
    view,
  };
}
