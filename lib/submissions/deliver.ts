import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveryAttempts, submissions, type ReportKind } from "@/lib/db/schema";
import type { ReportingAdapter } from "@/lib/reporting/adapter";
import { decodeSkatteetatenError } from "@/lib/reporting/errors/decode-skatteetaten-error";
import { redactHeaders, sendRequest } from "@/lib/reporting/send-request";
import { claimAndRecordAttempts, readClaimable, settleAttempts, type AttemptSettlement } from "./delivery-statements";
import { createGroupCommit } from "./group-commit";
import { parseRetryAfter, retryDelayMs } from "./retry-policy";

/** Why a token could not be had, in words fit for the attempt's record (never the token). */
export class TokenUnavailableError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export type DeliveryDeps = {
  db: Db;
  adapters: Record<ReportKind, ReportingAdapter>;
  /** Returns an access token for the scope and system-user organisation, or throws TokenUnavailableError. */
  getAccessToken: (request: { scope: string; systemUserOrg: string }) => Promise<string>;
  workerId: string;
  /** How long a worker owns a submission while sending; after it, another worker takes over. */
  leaseMs: number;
  requestTimeoutMs: number;
  maxAttempts: number;
  random?: () => number;
  /**
   * Bounds the requests in flight to Skatteetaten (the worker's concurrency). Claims and outcomes
   * are written outside it, so a delivery waiting for the database never holds a request slot.
   */
  limitSending?: <T>(send: () => Promise<T>) => Promise<T>;
};

export type DeliveryResult =
  | { outcome: "skipped" }
  | { outcome: "accepted" | "rejected" | "conflict" | "failed"; attemptId: string }
  | { outcome: "retrying"; attemptId: string; nextAttemptAt: Date };

type Claimed = { submission: { id: string; kind: ReportKind; attemptCount: number }; attemptId: string; request: ReturnType<ReportingAdapter["buildRequest"]>; orgnr: string; attemptsThisRound: number };

/**
 * Takes a due submission (or one whose previous worker died mid-request), records the attempt
 * with its idempotency key and the exact request BEFORE sending it, sends it, and records the
 * outcome. A repeated send after a crash uses the same key and body, so Skatteetaten processes
 * it once.
 */
export async function deliverSubmission(deps: DeliveryDeps, submissionId: string): Promise<DeliveryResult> {
  const claimed = await claim(deps, submissionId);
  if (!claimed) return { outcome: "skipped" };
  const adapter = deps.adapters[claimed.submission.kind];

  let token: string;
  try {
    token = await deps.getAccessToken({ scope: adapter.scope, systemUserOrg: claimed.orgnr });
  } catch (error) {
    const transient = error instanceof TokenUnavailableError ? error.transient : true;
    const message = error instanceof Error ? error.message : "Token request failed";
    const finish: AttemptFinish = { outcome: "not_sent", transportError: `Maskinporten: ${message}` };
    return transient
      ? scheduleRetryOrFail(deps, claimed, finish, null, `Maskinporten: ${message}`)
      : settle(deps, claimed, finish, { status: "failed", reason: `Maskinporten: ${message}` });
  }

  const send = () => sendRequest(claimed.request, token, { timeoutMs: deps.requestTimeoutMs });
  const result = await (deps.limitSending ? deps.limitSending(send) : send());
  if (result.kind !== "response") {
    const finish: AttemptFinish = {
      outcome: result.kind === "timeout" ? "timeout" : "network_error",
      transportError: result.message,
      durationMs: result.durationMs,
    };
    return scheduleRetryOrFail(deps, claimed, finish, null, result.message);
  }

  const response = {
    responseStatus: result.status,
    responseHeaders: result.headers,
    responseBody: result.body,
    durationMs: result.durationMs,
  };
  if (result.status >= 200 && result.status < 300) {
    return settle(deps, claimed, { outcome: "accepted", ...response }, { status: "accepted", receivedIds: adapter.readAccepted(result.body) });
  }

  const decoded = decodeSkatteetatenError({
    status: result.status,
    contentType: result.headers["content-type"] ?? null,
    body: result.body,
    api: adapter.api,
  });
  const common = {
    ...response,
    errorCode: decoded.code,
    decodedError: decoded as unknown as Record<string, unknown>,
    korrelasjonsid: decoded.korrelasjonsid,
  };
  if (decoded.category === "idempotency") {
    return settle(deps, claimed, { outcome: "conflict", ...common }, { status: "conflict", errorCode: decoded.code, reason: decoded.melding });
  }
  if (decoded.retryable || result.status === 429) {
    const retryAfter = parseRetryAfter(result.headers["retry-after"]);
    return scheduleRetryOrFail(deps, claimed, { outcome: "retryable_error", ...common }, retryAfter, decoded.melding, decoded.code);
  }
  return settle(deps, claimed, { outcome: "rejected", ...common }, { status: "rejected", errorCode: decoded.code, reason: decoded.melding });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Claims and outcomes of concurrent deliveries share statements (see group-commit.ts). One pair
// per deps object, so a copy with another worker id or lease claims under its own name.
const batchers = new WeakMap<DeliveryDeps, { claim: (id: string) => Promise<Claimed | null>; settle: (s: Settlement) => Promise<boolean> }>();
function batchersFor(deps: DeliveryDeps) {
  let b = batchers.get(deps);
  if (!b) {
    b = { claim: createGroupCommit((ids: string[]) => claimMany(deps, ids)), settle: createGroupCommit((s: Settlement[]) => settleMany(deps, s)) };
    batchers.set(deps, b);
  }
  return b;
}

function claim(deps: DeliveryDeps, submissionId: string) {
  return UUID.test(submissionId) ? batchersFor(deps).claim(submissionId) : Promise.resolve(null);
}

/**
 * Claims the submissions and records their attempts, with idempotency key and exact request,
 * before anything is sent. The requests are built from a plain read first, so that claiming,
 * closing attempts a dead worker left open and recording the new attempts are ONE statement:
 * atomic, and one round trip for the whole batch.
 */
async function claimMany(deps: DeliveryDeps, ids: string[]): Promise<(Claimed | null)[]> {
  // A retry must repeat the version's first request byte for byte (same key AND same body), even
  // if the adapter or its configuration changed since, so an earlier attempt's request is reused.
  const rows = await readClaimable(deps.db, ids);
  if (rows.length === 0) return ids.map(() => null);

  const inputs = rows.map((row) => {
    const request = row.earlier
      ? { method: row.earlier.method as "POST", url: row.earlier.url, headers: withoutAuthorization(row.earlier.headers), body: row.earlier.body }
      : deps.adapters[row.kind].buildRequest(row.payload, {
          idempotencyKey: row.idempotency_key,
          orgnr: row.orgnr,
          existsAtSkatteetaten: row.exists_at_skatteetaten,
        });
    return { row, request };
  });
  const input = inputs.map(({ row, request }) => ({
    submission_id: row.id,
    version_id: row.version_id,
    idempotency_key: row.idempotency_key,
    request_method: request.method,
    request_url: request.url,
    request_headers: redactHeaders(request.headers),
    request_body: request.body,
  }));

  const claimed = await claimAndRecordAttempts(deps.db, input, deps);
  const byId = new Map(claimed.map((c) => [c.submission_id, c]));
  const built = new Map(inputs.map((i) => [i.row.id, i]));
  const answered = new Set<string>();
  return ids.map((id) => {
    const c = byId.get(id);
    const b = built.get(id);
    // A duplicate job for the same submission in one batch must not send it twice.
    if (!c || !b || answered.has(id)) return null;
    answered.add(id);
    return {
      submission: { id, kind: b.row.kind, attemptCount: c.attempt_count },
      attemptId: c.attempt_id,
      request: b.request,
      orgnr: b.row.orgnr,
      attemptsThisRound: c.attempts_before + 1,
    };
  });
}

function withoutAuthorization(headers: Record<string, string>) {
  const { Authorization: _, ...rest } = headers;
  return rest;
}


type AttemptFinish = {
  outcome: NonNullable<(typeof deliveryAttempts.$inferInsert)["outcome"]>;
  transportError?: string;
  durationMs?: number;
  responseStatus?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  errorCode?: string | null;
  decodedError?: Record<string, unknown>;
  korrelasjonsid?: string | null;
};

async function scheduleRetryOrFail(
  deps: DeliveryDeps,
  claimed: Claimed,
  finish: AttemptFinish,
  retryAfterMs: number | null,
  reason: string | null,
  errorCode: string | null = null,
): Promise<DeliveryResult> {
  if (claimed.attemptsThisRound >= deps.maxAttempts) {
    return settle(deps, claimed, finish, {
      status: "failed",
      errorCode,
      reason: `Gave up after ${claimed.attemptsThisRound} attempts: ${reason ?? "no answer"}`,
    });
  }
  const delay = retryDelayMs(claimed.attemptsThisRound + 1, retryAfterMs, deps.random);
  const nextAttemptAt = new Date(Date.now() + delay);
  return settle(deps, claimed, finish, { status: "retrying", errorCode, reason, nextAttemptAt });
}

type Settlement = {
  claimed: Claimed;
  finish: AttemptFinish;
  next: {
    status: "accepted" | "rejected" | "conflict" | "failed" | "retrying";
    errorCode?: string | null;
    reason?: string | null;
    receivedIds?: Record<string, string>;
    nextAttemptAt?: Date;
  };
};

/** Records the attempt's outcome and the submission's new status together. */
async function settle(deps: DeliveryDeps, claimed: Claimed, finish: AttemptFinish, next: Settlement["next"]): Promise<DeliveryResult> {
  const updated = await batchersFor(deps).settle({ claimed, finish, next });
  if (!updated) return { outcome: "skipped" } as const;
  if (next.status === "retrying") return { outcome: "retrying", attemptId: claimed.attemptId, nextAttemptAt: next.nextAttemptAt! } as const;
  return { outcome: next.status, attemptId: claimed.attemptId } as const;
}

/**
 * Settles many deliveries in one statement. Only the worker that still holds the lease may
 * settle; if it expired and another worker took over, that worker's outcome wins (this attempt
 * stays recorded either way). Returns, per settlement, whether the submission was updated.
 */
async function settleMany(deps: DeliveryDeps, settlements: Settlement[]): Promise<boolean[]> {
  const input = settlements.map<AttemptSettlement>(({ claimed, finish, next }) => ({
    attempt_id: claimed.attemptId,
    submission_id: claimed.submission.id,
    attempt_count: claimed.submission.attemptCount,
    outcome: finish.outcome,
    transport_error: finish.transportError ?? null,
    duration_ms: finish.durationMs ?? null,
    response_status: finish.responseStatus ?? null,
    response_headers: finish.responseHeaders ?? null,
    response_body: finish.responseBody ?? null,
    error_code: finish.errorCode ?? null,
    decoded_error: finish.decodedError ?? null,
    korrelasjonsid: finish.korrelasjonsid ?? null,
    status: next.status,
    last_error_code: next.status === "accepted" ? null : (next.errorCode ?? null),
    status_reason: next.reason ?? null,
    received_ids: next.status === "accepted" ? (next.receivedIds ?? {}) : null,
    next_attempt_at: next.nextAttemptAt?.toISOString() ?? null,
  }));
  const ids = await settleAttempts(deps.db, input);
  return settlements.map((s) => ids.has(s.claimed.submission.id));
}

/** Submissions a worker should pick up now: due, or abandoned by a worker whose lease ran out. */
export async function findDueSubmissionIds(db: Db, limit: number): Promise<string[]> {
  // next_attempt_at is set exactly while a submission waits or is being sent (the partial index
  // submissions_due_idx), so this reads only those, never the history.
  const rows = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      sql`${submissions.nextAttemptAt} is not null and ${submissions.nextAttemptAt} <= now() and (
        ${inArray(submissions.status, ["queued", "retrying"])} or (${submissions.status} = 'sending' and ${submissions.leaseUntil} < now()))`,
    )
    .orderBy(submissions.nextAttemptAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
