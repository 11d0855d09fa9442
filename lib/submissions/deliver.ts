import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveryAttempts, submissions, type ReportKind } from "@/lib/db/schema";
import { logger } from "@/lib/log/logger";
import type { OutgoingRequest, ReportingAdapter } from "@/lib/reporting/adapter";
import { decodeSkatteetatenError } from "@/lib/reporting/errors/decode-skatteetaten-error";
import { redactHeaders, sendRequest } from "@/lib/reporting/send-request";
import {
  claimAndRecordAttempts,
  failUnsendable,
  failUnsettled,
  readClaimable,
  settleAttempts,
  type AttemptSettlement,
  type AttemptToRecord,
  type ClaimableRow,
  type RecordedAttempt,
  type UnsendableSubmission,
} from "./delivery-statements";
import { createGroupCommit } from "./group-commit";
import { payloadFitsKind } from "./payload-kind";
import { DEFAULT_MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from "./retry-policy";
import { statusReason, type StatusReason } from "./status-reason";

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
  /** The longest Retry-After honoured (DELIVERY_MAX_RETRY_AFTER_SECONDS); default 15 minutes. */
  maxRetryAfterMs?: number;
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

type Claimed = { submission: { id: string; kind: ReportKind; attemptCount: number }; attemptId: string; request: OutgoingRequest; orgnr: string; attemptsThisRound: number };

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
    const reason = statusReason("token_unavailable", { detail: message });
    return transient ? scheduleRetryOrFail(deps, claimed, finish, null, reason) : settle(deps, claimed, finish, { status: "failed", reason });
  }

  const send = () => sendRequest(claimed.request, token, { timeoutMs: deps.requestTimeoutMs });
  const result = await (deps.limitSending ? deps.limitSending(send) : send());
  if (result.kind !== "response") {
    const finish: AttemptFinish = {
      outcome: result.kind === "timeout" ? "timeout" : "network_error",
      transportError: result.message,
      durationMs: result.durationMs,
    };
    const reason =
      result.kind === "timeout"
        ? statusReason("timeout", { seconds: Math.round(deps.requestTimeoutMs / 1000) })
        : statusReason("network_error", { detail: result.message });
    return scheduleRetryOrFail(deps, claimed, finish, null, reason);
  }

  const response = {
    responseStatus: result.status,
    responseHeaders: result.headers,
    responseBody: result.body,
    durationMs: result.durationMs,
  };
  if (result.status >= 200 && result.status < 300) {
    const receivedIds = adapter.readAccepted(result.body);
    // A 2xx that is not Skatteetaten's answer (a proxy's page, an empty body) says nothing about
    // whether the report arrived: the same key and body go again, and Skatteetaten's idempotency
    // store answers with what it decided the first time.
    if (receivedIds === "unreadable") {
      const reason = statusReason("unreadable_answer", { status: result.status });
      return scheduleRetryOrFail(deps, claimed, { outcome: "unreadable_answer", ...response }, null, reason);
    }
    return settle(deps, claimed, { outcome: "accepted", ...response }, { status: "accepted", receivedIds });
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
  const reason = decoded.melding
    ? statusReason("skatteetaten_message", { melding: decoded.melding })
    : statusReason("http_error", { status: result.status });
  if (decoded.category === "idempotency") {
    return settle(deps, claimed, { outcome: "conflict", ...common }, { status: "conflict", errorCode: decoded.code, reason });
  }
  if (decoded.retryable || result.status === 429) {
    const retryAfter = parseRetryAfter(result.headers["retry-after"], { maxMs: deps.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS });
    return scheduleRetryOrFail(deps, claimed, { outcome: "retryable_error", ...common }, retryAfter, reason, decoded.code);
  }
  return settle(deps, claimed, { outcome: "rejected", ...common }, { status: "rejected", errorCode: decoded.code, reason });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Claims and outcomes of concurrent deliveries share statements (see group-commit.ts). One pair
// per deps object, so a copy with another worker id or lease claims under its own name.
const batchers = new WeakMap<DeliveryDeps, { claim: (id: string) => Promise<Claimed | null>; settle: (s: Settlement) => Promise<Settled> }>();
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
 * A statement that fails because of one row's data (PostgreSQL classes 22 data exception,
 * 23 integrity, 54 a limit, P0 raised by a trigger) would fail again for that row; anything else
 * (a lost connection, a deadlock, a cancelled query, a statement the schema cannot run) may pass
 * later, so the submission is left to be tried again rather than failed.
 */
function failsForItsData(error: unknown) {
  const e = error as { cause?: { code?: unknown }; code?: unknown } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" && /^(22|23|54|P0)/.test(code);
}

/**
 * Claims the submissions and records their attempts, with idempotency key and exact request,
 * before anything is sent. The requests are built from a plain read first, so that claiming,
 * closing attempts a dead worker left open and recording the new attempts are ONE statement:
 * atomic, and one round trip for the whole batch.
 *
 * One submission never holds up the others: a payload that is not of its kind or a request the
 * adapter cannot build fails that submission alone, in a statement of its own, and when the
 * batch's statement fails, each submission is claimed on its own, so only the one whose attempt
 * cannot be recorded is left out (and failed when its data is the cause).
 */
async function claimMany(deps: DeliveryDeps, ids: string[]): Promise<(Claimed | null)[]> {
  // A retry must repeat the version's first request byte for byte (same key AND same body), even
  // if the adapter or its configuration changed since, so an earlier attempt's request is reused.
  const rows = await readClaimable(deps.db, ids);
  if (rows.length === 0) return ids.map(() => null);

  const inputs: { row: ClaimableRow; request: OutgoingRequest }[] = [];
  const unsendable: UnsendableSubmission[] = [];
  for (const row of rows) {
    const built = buildRequest(deps, row);
    if ("reason" in built) unsendable.push({ submission_id: row.id, version_id: row.version_id, status_reason_code: built.reason.code, status_reason_params: built.reason.params ?? null });
    else inputs.push({ row, request: built.request });
  }
  if (unsendable.length > 0) await failUnsendableLogged(deps, unsendable);

  const claimed = await recordAttempts(deps, inputs);
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

function buildRequest(deps: DeliveryDeps, row: ClaimableRow): { request: OutgoingRequest } | { reason: StatusReason } {
  if (row.earlier) {
    const e = row.earlier;
    return { request: { method: e.method as OutgoingRequest["method"], url: e.url, headers: withoutAuthorization(e.headers), body: e.body } };
  }
  if (!payloadFitsKind(row.kind, row.payload)) return { reason: statusReason("payload_wrong_kind", { kind: row.kind }) };
  try {
    const request = deps.adapters[row.kind].buildRequest(row.payload, {
      idempotencyKey: row.idempotency_key,
      orgnr: row.orgnr,
      existsAtSkatteetaten: row.exists_at_skatteetaten,
    });
    return { request };
  } catch (error) {
    logger.error({ err: error, submissionId: row.id, workerId: deps.workerId }, "request could not be built");
    return { reason: statusReason("request_not_buildable", { detail: error instanceof Error ? error.message : String(error) }) };
  }
}

async function failUnsendableLogged(deps: DeliveryDeps, rows: UnsendableSubmission[]) {
  try {
    await failUnsendable(deps.db, rows);
  } catch (error) {
    // Left as they are, they are read again on the next wake-up; the others go on regardless.
    logger.error({ err: error, submissionIds: rows.map((r) => r.submission_id), workerId: deps.workerId }, "marking unsendable submissions failed");
  }
}

function toAttempt({ row, request }: { row: ClaimableRow; request: OutgoingRequest }): AttemptToRecord {
  return {
    submission_id: row.id,
    version_id: row.version_id,
    idempotency_key: row.idempotency_key,
    request_method: request.method,
    request_url: request.url,
    request_headers: redactHeaders(request.headers),
    request_body: request.body,
  };
}

async function recordAttempts(deps: DeliveryDeps, inputs: { row: ClaimableRow; request: OutgoingRequest }[]): Promise<RecordedAttempt[]> {
  if (inputs.length === 0) return [];
  try {
    return await claimAndRecordAttempts(deps.db, inputs.map(toAttempt), deps);
  } catch (error) {
    if (inputs.length === 1) return recordAttemptAlone(deps, inputs[0]!, error);
    logger.warn({ err: error, workerId: deps.workerId, batch: inputs.length }, "claiming a batch failed; claiming each submission on its own");
  }
  const each = await Promise.all(
    inputs.map((input) =>
      claimAndRecordAttempts(deps.db, [toAttempt(input)], deps).catch((error: unknown) => recordAttemptAlone(deps, input, error)),
    ),
  );
  return each.flat();
}

/** The attempt of this one submission could not be recorded: it is not sent, and fails if its data is the cause. */
async function recordAttemptAlone(deps: DeliveryDeps, input: { row: ClaimableRow }, error: unknown): Promise<RecordedAttempt[]> {
  logger.error({ err: error, submissionId: input.row.id, workerId: deps.workerId }, "recording the attempt failed; not sent");
  if (failsForItsData(error)) {
    const reason = statusReason("attempt_not_recordable");
    await failUnsendableLogged(deps, [{ submission_id: input.row.id, version_id: input.row.version_id, status_reason_code: reason.code, status_reason_params: null }]);
  }
  return [];
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
  reason: StatusReason,
  errorCode: string | null = null,
): Promise<DeliveryResult> {
  if (claimed.attemptsThisRound >= deps.maxAttempts) {
    return settle(deps, claimed, finish, {
      status: "failed",
      errorCode,
      reason: statusReason("gave_up", { attempts: claimed.attemptsThisRound, cause: reason }),
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
    reason?: StatusReason | null;
    receivedIds?: Record<string, string>;
    nextAttemptAt?: Date;
  };
};

/**
 * Whether the outcome was recorded: true as given, false not at all (another worker took over, or
 * the database failed; the lease runs out and the submission is sent again with the same key), or
 * "failed" when it could not be stored and the submission was failed with that reason instead.
 */
type Settled = boolean | "failed";

/** Records the attempt's outcome and the submission's new status together. */
async function settle(deps: DeliveryDeps, claimed: Claimed, finish: AttemptFinish, next: Settlement["next"]): Promise<DeliveryResult> {
  const updated = await batchersFor(deps).settle({ claimed, finish, next });
  if (!updated) return { outcome: "skipped" } as const;
  if (updated === "failed") return { outcome: "failed", attemptId: claimed.attemptId } as const;
  if (next.status === "retrying") return { outcome: "retrying", attemptId: claimed.attemptId, nextAttemptAt: next.nextAttemptAt! } as const;
  return { outcome: next.status, attemptId: claimed.attemptId } as const;
}

function toSettlement({ claimed, finish, next }: Settlement): AttemptSettlement {
  return {
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
    status_reason_code: next.reason?.code ?? null,
    status_reason_params: next.reason?.params ?? null,
    received_ids: next.status === "accepted" ? (next.receivedIds ?? {}) : null,
    next_attempt_at: next.nextAttemptAt && Number.isFinite(next.nextAttemptAt.getTime()) ? next.nextAttemptAt.toISOString() : null,
  };
}

/**
 * Settles many deliveries in one statement. Only the worker that still holds the lease may
 * settle; if it expired and another worker took over, that worker's outcome wins (this attempt
 * stays recorded either way). Returns, per settlement, whether the submission was updated.
 *
 * When the batch's statement fails, each outcome is recorded on its own; one that still fails for
 * its data (an answer PostgreSQL will not store, such as one with a NUL character) is recorded
 * cleaned, and as a last resort its submission fails with the reason, so the others are recorded
 * as if it were not there.
 */
async function settleMany(deps: DeliveryDeps, settlements: Settlement[]): Promise<Settled[]> {
  const input = settlements.map(toSettlement);
  try {
    const ids = await settleAttempts(deps.db, input);
    return settlements.map((s) => ids.has(s.claimed.submission.id));
  } catch (error) {
    if (input.length > 1) logger.warn({ err: error, workerId: deps.workerId, batch: input.length }, "settling a batch failed; settling each delivery on its own");
    else return [await settleAlone(deps, input[0]!, error)];
  }
  return Promise.all(
    input.map((one) =>
      settleAttempts(deps.db, [one]).then(
        (ids) => ids.has(one.submission_id),
        (error: unknown) => settleAlone(deps, one, error),
      ),
    ),
  );
}

async function settleAlone(deps: DeliveryDeps, one: AttemptSettlement, error: unknown): Promise<Settled> {
  const context = { submissionId: one.submission_id, workerId: deps.workerId };
  logger.error({ err: error, ...context }, "recording the outcome failed");
  if (!failsForItsData(error)) return false; // the lease runs out and the submission is sent again with the same key
  try {
    const ids = await settleAttempts(deps.db, [cleaned(one)]);
    return ids.has(one.submission_id);
  } catch (cleanedError) {
    logger.error({ err: cleanedError, ...context }, "recording the cleaned outcome failed; failing the submission");
  }
  try {
    return (await failUnsettled(deps.db, one.submission_id, one.attempt_count, "outcome_not_recordable")) && "failed";
  } catch (lastError) {
    logger.error({ err: lastError, ...context }, "failing the submission failed");
    return false;
  }
}

// PostgreSQL stores neither NUL characters (text, jsonb) nor unpaired surrogates (jsonb).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function withoutUnstorable<T>(value: T): T {
  if (typeof value === "string") return value.replace(UNSTORABLE, "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(withoutUnstorable) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutUnstorable(k), withoutUnstorable(v)])) as T;
  }
  return value;
}

/** The outcome with what PostgreSQL refuses replaced, and a reason saying the answer was cleaned. */
function cleaned(one: AttemptSettlement): AttemptSettlement {
  const copy = withoutUnstorable(one);
  return copy.status_reason_code === null ? { ...copy, status_reason_code: "answer_stored_cleaned", status_reason_params: null } : copy;
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
