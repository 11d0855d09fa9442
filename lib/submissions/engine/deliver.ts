import "server-only";
import { getTableName, sql } from "drizzle-orm";
import { type AccessOutcome, classifyAnswer, classifyTokenFailure } from "@/lib/access-health/access-outcome";
import { accessColumns } from "@/lib/access-health/record-access";
import type { Db } from "@/lib/db/client";
import { type DeliveryStep, type deliveryAttempts, type ReportKind, submissions } from "@/lib/db/schema";
import { logger } from "@/lib/log/logger";
import type { MaskinportenErrorMessage } from "@/lib/maskinporten/errors";
import { metrics } from "@/lib/metrics/metrics";
import type { OutgoingRequest, ReportingAdapter } from "@/lib/reporting/adapter";
import { type AmeldingUploadAdapter, decodeUploadValidation } from "@/lib/reporting/amelding/filopplasting-adapter";
import { decodeSkatteetatenError } from "@/lib/reporting/errors/decode-skatteetaten-error";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import { type HttpResponse, redactHeaders, sendRequest } from "@/lib/reporting/send-request";
import { payloadFitsKind } from "../payload-kind";
import { type StatusReason, statusReason } from "../status-reason";
import {
  type AttemptSettlement,
  type AttemptToRecord,
  type ClaimableRow,
  claimAndRecordAttempts,
  failUnsendable,
  failUnsettled,
  type RecordedAttempt,
  readClaimable,
  readFirstUploadBody,
  readUploadProgress,
  settleAttempts,
  settleAttemptsDurably,
  type UnsendableSubmission,
  type UploadProgressRow,
} from "./delivery-statements";
import { dueSubmissionSql } from "./due-rule";
import { createGroupCommit } from "./group-commit";
import { DEFAULT_MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from "./retry-policy";
import {
  DEFAULT_UPLOAD_POLLING,
  nextUploadStep,
  pollDelayMs,
  type UploadPolling,
  type UploadStep,
} from "./upload-progress";

/** Why a token could not be had, in words fit for the attempt's record (never the token). */
export class TokenUnavailableError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    /** Maskinporten's answer as a message key and values, shown in the reader's language. */
    readonly maskinporten: MaskinportenErrorMessage = { key: "unexpected", values: {}, mpCode: null },
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
  /** Bounds the uploads (POST /opplastinger) among those, so large A-meldinger never take every request slot. */
  limitUploading?: <T>(send: () => Promise<T>) => Promise<T>;
  /**
   * A-meldinger whose wire body is over `thresholdBytes` (AMELDING_UPLOAD_THRESHOLD_BYTES) go
   * through Skatteetaten's file-upload API, step by step (upload-progress.ts).
   */
  ameldingUpload: { adapter: AmeldingUploadAdapter; thresholdBytes: number; polling?: UploadPolling };
};

export type DeliveryResult =
  | { outcome: "skipped" }
  | { outcome: "accepted" | "rejected" | "conflict" | "failed"; attemptId: string }
  | { outcome: "retrying"; attemptId: string; nextAttemptAt: Date }
  /** An upload delivery made progress; its next step is due at nextAttemptAt (now or after a pause). */
  | { outcome: "continuing"; attemptId: string; nextAttemptAt: Date };

type Claimed = {
  submission: { id: string; kind: ReportKind; attemptCount: number };
  attemptId: string;
  request: OutgoingRequest;
  orgnr: string;
  attemptsThisRound: number;
  /** A file-upload step, with where the upload stood when it was claimed; null for the submission endpoint. */
  upload: UploadStep | null;
};

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
    const mp = error instanceof TokenUnavailableError ? error.maskinporten : null;
    const finish: AttemptFinish = {
      outcome: "not_sent",
      transportError: `Maskinporten: ${message}`,
      access: classifyTokenFailure({ reason: mp?.key ?? "unexpected", mpCode: mp?.mpCode ?? null }),
    };
    const reason = statusReason("token_unavailable", {
      maskinporten: mp?.key ?? "unexpected",
      ...mp?.values,
      ...(mp?.mpCode ? { mpCode: mp.mpCode } : {}),
    });
    return transient
      ? scheduleRetryOrFail(deps, claimed, finish, null, reason)
      : settle(deps, claimed, finish, { status: "failed", reason });
  }

  const request = () => sendRequest(claimed.request, token, { timeoutMs: deps.requestTimeoutMs });
  const send = () => (deps.limitSending ? deps.limitSending(request) : request());
  const result = await (claimed.upload?.step === "upload" && deps.limitUploading ? deps.limitUploading(send) : send());
  metrics().requestSeconds.observe(
    {
      kind: claimed.submission.kind,
      answer: result.kind === "response" ? `${Math.floor(result.status / 100)}xx` : result.kind,
    },
    result.durationMs / 1000,
  );
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

  if (claimed.upload) return settleUploadStep(deps, claimed, claimed.upload, result);
  if (result.status >= 200 && result.status < 300) {
    const receivedIds = adapter.readAccepted(result.body);
    // A 2xx that is not Skatteetaten's answer (a proxy's page, an empty body) says nothing about
    // whether the report arrived: the same key and body go again, and Skatteetaten's idempotency
    // store answers with what it decided the first time.
    if (receivedIds === "unreadable") return retryUnreadable(deps, claimed, result);
    return settle(deps, claimed, { outcome: "accepted", ...responseOf(result) }, { status: "accepted", receivedIds });
  }
  return settleErrorAnswer(deps, claimed, result, decodeAnswer(result, adapter.api));
}

function responseOf(result: HttpResponse) {
  return {
    responseStatus: result.status,
    responseHeaders: result.headers,
    responseBody: result.body,
    durationMs: result.durationMs,
  };
}

function decodeAnswer(result: HttpResponse, api: ReportingAdapter["api"]) {
  return decodeSkatteetatenError({
    status: result.status,
    contentType: result.headers["content-type"] ?? null,
    body: result.body,
    api,
  });
}

type Decoded = ReturnType<typeof decodeAnswer>;

function withDecoded(result: HttpResponse, decoded: Decoded) {
  return {
    ...responseOf(result),
    errorCode: decoded.code,
    decodedError: decoded,
    korrelasjonsid: decoded.korrelasjonsid,
  };
}

function reasonOf(result: HttpResponse, decoded: Decoded) {
  return decoded.melding
    ? statusReason("skatteetaten_message", { melding: decoded.melding })
    : statusReason("http_error", { status: result.status });
}

function retryUnreadable(deps: DeliveryDeps, claimed: Claimed, result: HttpResponse) {
  const reason = statusReason("unreadable_answer", { status: result.status });
  return scheduleRetryOrFail(deps, claimed, { outcome: "unreadable_answer", ...responseOf(result) }, null, reason);
}

/** An error status: a conflict, a retry (same request) within the attempt limit, or a final rejection. */
function settleErrorAnswer(deps: DeliveryDeps, claimed: Claimed, result: HttpResponse, decoded: Decoded) {
  const common = withDecoded(result, decoded);
  const reason = reasonOf(result, decoded);
  if (decoded.category === "idempotency") {
    return settle(
      deps,
      claimed,
      { outcome: "conflict", ...common },
      { status: "conflict", errorCode: decoded.code, reason },
    );
  }
  if (decoded.retryable || result.status === 429) {
    const retryAfter = parseRetryAfter(result.headers["retry-after"], {
      maxMs: deps.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    });
    return scheduleRetryOrFail(
      deps,
      claimed,
      { outcome: "retryable_error", ...common },
      retryAfter,
      reason,
      decoded.code,
    );
  }
  return settle(
    deps,
    claimed,
    { outcome: "rejected", ...common },
    { status: "rejected", errorCode: decoded.code, reason },
  );
}

/**
 * The answer to one step of the file-upload API (upload-progress.ts). Progress (uploaded, still
 * validating, validated) keeps the submission `sending` with its next step due now or after a
 * pause, with no worker and no request slot held meanwhile; the send-in's answer ends it like the
 * submission endpoint's. An answer that is not what the step expects is never progress.
 */
async function settleUploadStep(
  deps: DeliveryDeps,
  claimed: Claimed,
  step: UploadStep,
  result: HttpResponse,
): Promise<DeliveryResult> {
  const upload = deps.ameldingUpload.adapter;
  if (result.status >= 200 && result.status < 300) {
    if (step.step === "upload_submit") {
      const receivedIds = upload.readAccepted(result.body);
      if (receivedIds === "unreadable") return retryUnreadable(deps, claimed, result);
      return settle(
        deps,
        claimed,
        { outcome: "accepted", ...responseOf(result), uploadId: step.uploadId },
        { status: "accepted", receivedIds },
      );
    }
    const status = upload.readStatus(result.body);
    if (!status || (step.step === "upload_status" && status.id !== step.uploadId))
      return retryUnreadable(deps, claimed, result);
    const uploadId = status.id;
    if (status.status === "VALIDERING_FEILET") {
      const decoded = decodeUploadValidation(status);
      const reason = statusReason("upload_validation_failed", { uploadId, count: decoded.specifications.length });
      return settle(
        deps,
        claimed,
        { outcome: "rejected", ...withDecoded(result, decoded), uploadId },
        { status: "rejected", errorCode: decoded.code, reason },
      );
    }
    if (step.step === "upload") {
      // Stored durably before it is used: see settleAttemptsDurably.
      return settle(
        deps,
        claimed,
        { outcome: "uploaded", ...responseOf(result), uploadId },
        { status: "sending", reason: statusReason("upload_validating", { uploadId }) },
      );
    }
    if (status.status === "KLAR_TIL_INNSENDING") {
      return settle(
        deps,
        claimed,
        { outcome: "validated", ...responseOf(result) },
        { status: "sending", reason: statusReason("upload_ready", { uploadId }) },
      );
    }
    const polling = deps.ameldingUpload.polling ?? DEFAULT_UPLOAD_POLLING;
    if (Date.now() - step.waitingSince.getTime() >= polling.maxWaitMs) {
      const reason = statusReason("upload_not_validated", {
        uploadId,
        minutes: Math.round(polling.maxWaitMs / 60_000),
      });
      return settle(deps, claimed, { outcome: "validating", ...responseOf(result) }, { status: "failed", reason });
    }
    const nextAttemptAt = new Date(Date.now() + pollDelayMs(step.polls + 1, polling));
    return settle(
      deps,
      claimed,
      { outcome: "validating", ...responseOf(result) },
      { status: "sending", nextAttemptAt, reason: statusReason("upload_validating", { uploadId }) },
    );
  }

  const decoded = decodeAnswer(result, "amelding");
  if (result.status === 404 && step.step !== "upload") {
    // The upload expired or was deleted. Unless a send-in of it may have arrived, nothing was
    // sent in under it, so the A-melding is uploaded again (bounded by the attempt limit).
    const finish: AttemptFinish = { outcome: "upload_not_found", ...withDecoded(result, decoded) };
    if (step.step === "upload_submit" && step.submitMayHaveArrived) {
      return settle(deps, claimed, finish, {
        status: "failed",
        errorCode: decoded.code,
        reason: statusReason("upload_gone_after_submit", { uploadId: step.uploadId }),
      });
    }
    return scheduleRetryOrFail(
      deps,
      claimed,
      finish,
      null,
      statusReason("upload_not_found", { uploadId: step.uploadId }),
      decoded.code,
    );
  }
  return settleErrorAnswer(deps, claimed, result, decoded);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A payload or earlier body stored larger than this (compressed; JSON compresses several times
 * over) is not read with the others: a large A-melding is read, built and claimed in statements
 * of its own (claim, "alone"), so its megabytes never slow the shared statement the other
 * deliveries' claims wait on.
 */
const LARGE_STORED_BYTES = 64 * 1024;

/** Claimed, not claimable now (null), or to be claimed on its own (large). */
type ClaimAnswer = Claimed | null | "alone";

// Claims and outcomes of concurrent deliveries share statements (see group-commit.ts). One pair
// per deps object, so a copy with another worker id or lease claims under its own name.
const batchers = new WeakMap<
  DeliveryDeps,
  { claim: (id: string) => Promise<ClaimAnswer>; settle: (s: Settlement) => Promise<Settled> }
>();
function batchersFor(deps: DeliveryDeps) {
  let b = batchers.get(deps);
  if (!b) {
    b = {
      claim: createGroupCommit((ids: string[]) => claimMany(deps, ids, false)),
      settle: createGroupCommit((s: Settlement[]) => settleMany(deps, s)),
    };
    batchers.set(deps, b);
  }
  return b;
}

async function claim(deps: DeliveryDeps, submissionId: string): Promise<Claimed | null> {
  if (!UUID.test(submissionId)) return null;
  const answer = await batchersFor(deps).claim(submissionId);
  if (answer !== "alone") return answer;
  const [alone] = await claimMany(deps, [submissionId], true);
  return alone === "alone" ? null : (alone ?? null);
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
async function claimMany(deps: DeliveryDeps, ids: string[], alone: boolean): Promise<ClaimAnswer[]> {
  // A retry must repeat the version's first request byte for byte (same key AND same body), even
  // if the adapter or its configuration changed since, so an earlier attempt's request is reused.
  const rows = await readClaimable(deps.db, ids, alone ? null : LARGE_STORED_BYTES);
  if (rows.length === 0) return ids.map(() => null);
  const progress = await readUploadProgressLogged(deps, rows.filter(onUploadPath));

  const inputs: ToRecord[] = [];
  const unsendable: UnsendableSubmission[] = [];
  const claimAlone = new Set<string>();
  for (const row of rows) {
    let upload: UploadStep | null = null;
    if (onUploadPath(row)) {
      const p = progress.get(row.id);
      if (!p) continue; // its progress could not be read: left for a later wake-up, the others go on
      upload = nextUploadStep(p.steps, new Date(p.round_start));
    }
    // Uploading means reading and recording tens of megabytes: on its own.
    if (!alone && (row.large || upload?.step === "upload")) {
      claimAlone.add(row.id);
      continue;
    }
    const built = upload ? await buildUploadStep(deps, row, upload) : buildRequest(deps, row);
    if ("reason" in built)
      unsendable.push({
        submission_id: row.id,
        version_id: row.version_id,
        status_reason_code: built.reason.code,
        status_reason_params: built.reason.params ?? null,
      });
    else inputs.push({ row, ...built });
  }
  if (unsendable.length > 0) await failUnsendableLogged(deps, unsendable);

  const claimed = await recordAttempts(deps, inputs);
  const byId = new Map(claimed.map((c) => [c.submission_id, c]));
  const built = new Map(inputs.map((i) => [i.row.id, i]));
  const answered = new Set<string>();
  return ids.map((id) => {
    if (claimAlone.has(id)) {
      claimAlone.delete(id); // a duplicate job in the batch is not claimed twice
      return "alone";
    }
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
      upload: b.upload,
    };
  });
}

/** A version whose first request was a file-upload step stays on that path. */
const onUploadPath = (row: ClaimableRow) => row.earlier !== null && row.earlier.step !== "send";

async function readUploadProgressLogged(
  deps: DeliveryDeps,
  rows: ClaimableRow[],
): Promise<Map<string, UploadProgressRow>> {
  if (rows.length === 0) return new Map();
  try {
    const progress = await readUploadProgress(
      deps.db,
      rows.map((r) => ({ submission_id: r.id, version_id: r.version_id })),
    );
    return new Map(progress.map((p) => [p.submission_id, p]));
  } catch (error) {
    logger.error(
      { err: error, submissionIds: rows.map((r) => r.id), workerId: deps.workerId },
      "reading upload progress failed",
    );
    return new Map();
  }
}

type Built = { request: OutgoingRequest; step: DeliveryStep; upload: UploadStep | null };
type ToRecord = Built & { row: ClaimableRow };

function buildRequest(deps: DeliveryDeps, row: ClaimableRow): Built | { reason: StatusReason } {
  if (row.earlier) {
    const e = row.earlier;
    // Read for every `send` attempt, unless it was too large for a shared read (then claimed alone, with it).
    if (e.body === null)
      return { reason: statusReason("request_not_buildable", { detail: "the first request's body was not read" }) };
    return {
      request: {
        method: e.method as OutgoingRequest["method"],
        url: e.url,
        headers: withoutAuthorization(e.headers),
        body: e.body,
      },
      step: "send",
      upload: null,
    };
  }
  if (!payloadFitsKind(row.kind, row.payload))
    return { reason: statusReason("payload_wrong_kind", { kind: row.kind }) };
  try {
    const request = deps.adapters[row.kind].buildRequest(row.payload, {
      idempotencyKey: row.idempotency_key,
      orgnr: row.orgnr,
      existsAtSkatteetaten: row.exists_at_skatteetaten,
    });
    // Skatteetaten takes an A-melding over 10 MB only through its file-upload API; the version
    // keeps the way its first request took.
    if (row.kind === "amelding" && Buffer.byteLength(request.body) > deps.ameldingUpload.thresholdBytes) {
      return { request: deps.ameldingUpload.adapter.upload(request.body), step: "upload", upload: { step: "upload" } };
    }
    return { request, step: "send", upload: null };
  } catch (error) {
    logger.error({ err: error, submissionId: row.id, workerId: deps.workerId }, "request could not be built");
    return {
      reason: statusReason("request_not_buildable", { detail: error instanceof Error ? error.message : String(error) }),
    };
  }
}

/** The request of an upload delivery's next step; an upload made again repeats the first one's body. */
async function buildUploadStep(
  deps: DeliveryDeps,
  row: ClaimableRow,
  upload: UploadStep,
): Promise<Built | { reason: StatusReason }> {
  const adapter = deps.ameldingUpload.adapter;
  if (upload.step === "upload_status") return { request: adapter.status(upload.uploadId), step: upload.step, upload };
  if (upload.step === "upload_submit") return { request: adapter.submit(upload.uploadId), step: upload.step, upload };
  const body = await readFirstUploadBody(deps.db, row.version_id);
  if (body === null)
    return { reason: statusReason("request_not_buildable", { detail: "the first upload's body is missing" }) };
  return { request: adapter.upload(body), step: "upload", upload };
}

async function failUnsendableLogged(deps: DeliveryDeps, rows: UnsendableSubmission[]) {
  try {
    await failUnsendable(deps.db, rows);
  } catch (error) {
    // Left as they are, they are read again on the next wake-up; the others go on regardless.
    logger.error(
      { err: error, submissionIds: rows.map((r) => r.submission_id), workerId: deps.workerId },
      "marking unsendable submissions failed",
    );
  }
}

function toAttempt({ row, request, step, upload }: ToRecord): AttemptToRecord {
  return {
    submission_id: row.id,
    version_id: row.version_id,
    idempotency_key: row.idempotency_key,
    step,
    upload_id: upload && upload.step !== "upload" ? upload.uploadId : null,
    request_method: request.method,
    request_url: request.url,
    request_headers: redactHeaders(request.headers),
    request_body: request.body,
  };
}

async function recordAttempts(deps: DeliveryDeps, inputs: ToRecord[]): Promise<RecordedAttempt[]> {
  if (inputs.length === 0) return [];
  try {
    return await claimAndRecordAttempts(deps.db, inputs.map(toAttempt), deps);
  } catch (error) {
    if (inputs.length === 1 && inputs[0]) return recordAttemptAlone(deps, inputs[0], error);
    logger.warn(
      { err: error, workerId: deps.workerId, batch: inputs.length },
      "claiming a batch failed; claiming each submission on its own",
    );
  }
  const each = await Promise.all(
    inputs.map((input) =>
      claimAndRecordAttempts(deps.db, [toAttempt(input)], deps).catch((error: unknown) =>
        recordAttemptAlone(deps, input, error),
      ),
    ),
  );
  return each.flat();
}

/** The attempt of this one submission could not be recorded: it is not sent, and fails if its data is the cause. */
async function recordAttemptAlone(
  deps: DeliveryDeps,
  input: { row: ClaimableRow },
  error: unknown,
): Promise<RecordedAttempt[]> {
  logger.error(
    { err: error, submissionId: input.row.id, workerId: deps.workerId },
    "recording the attempt failed; not sent",
  );
  if (failsForItsData(error)) {
    const reason = statusReason("attempt_not_recordable");
    await failUnsendableLogged(deps, [
      {
        submission_id: input.row.id,
        version_id: input.row.version_id,
        status_reason_code: reason.code,
        status_reason_params: null,
      },
    ]);
  }
  return [];
}

function withoutAuthorization(headers: Record<string, string>) {
  const { Authorization: _, ...rest } = headers;
  return rest;
}

type AttemptFinish = {
  outcome: NonNullable<(typeof deliveryAttempts.$inferInsert)["outcome"]>;
  /** POST /opplastinger: the id its answer named. */
  uploadId?: string;
  transportError?: string;
  durationMs?: number;
  responseStatus?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  errorCode?: string | null;
  decodedError?: DecodedSkatteetatenError;
  korrelasjonsid?: string | null;
  /** What the attempt says about the organisation's access, when not read from the answer (a token failure). */
  access?: AccessOutcome;
};

/**
 * What the attempt says about the organisation's access (lib/access-health/access-outcome.ts):
 * any attempt that reached Skatteetaten had a token; its answer says whether access worked.
 */
function accessOutcomeOf(claimed: Claimed, finish: AttemptFinish): AccessOutcome | null {
  if (finish.access) return finish.access;
  if (finish.responseStatus !== undefined)
    return classifyAnswer(
      claimed.submission.kind,
      finish.responseStatus,
      finish.errorCode ?? null,
      finish.decodedError?.specifications.map((s) => s.kode) ?? [],
    );
  if (finish.outcome === "timeout" || finish.outcome === "network_error") return { kind: "token_ok" };
  return null;
}

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
    errorCode?: string | null;
    reason?: StatusReason | null;
    receivedIds?: Record<string, string>;
  } & (
    | { status: "retrying"; nextAttemptAt: Date }
    /** `sending`: an upload delivery's next step is due at nextAttemptAt (absent: now). */
    | { status: "accepted" | "rejected" | "conflict" | "failed" | "sending"; nextAttemptAt?: Date }
  );
};

/**
 * Whether the outcome was recorded: true as given, false not at all (another worker took over, or
 * the database failed; the lease runs out and the submission is sent again with the same key), or
 * "failed" when it could not be stored and the submission was failed with that reason instead.
 */
type Settled = boolean | "failed";

/** Records the attempt's outcome and the submission's new status together. */
async function settle(
  deps: DeliveryDeps,
  claimed: Claimed,
  finish: AttemptFinish,
  next: Settlement["next"],
): Promise<DeliveryResult> {
  const settlement = { claimed, finish, next };
  // An upload's id cannot be asked for again, so it is on disk before the next step uses it.
  const updated =
    finish.outcome === "uploaded" ? await settleDurably(deps, settlement) : await batchersFor(deps).settle(settlement);
  if (!updated) return { outcome: "skipped" } as const;
  if (updated === "failed") return { outcome: "failed", attemptId: claimed.attemptId } as const;
  if (next.status === "retrying")
    return { outcome: "retrying", attemptId: claimed.attemptId, nextAttemptAt: next.nextAttemptAt } as const;
  if (next.status === "sending")
    return {
      outcome: "continuing",
      attemptId: claimed.attemptId,
      nextAttemptAt: next.nextAttemptAt ?? new Date(),
    } as const;
  return { outcome: next.status, attemptId: claimed.attemptId } as const;
}

async function settleDurably(deps: DeliveryDeps, settlement: Settlement): Promise<Settled> {
  const one = toSettlement(settlement);
  try {
    return (await settleAttemptsDurably(deps.db, [one])).has(one.submission_id);
  } catch (error) {
    return settleAlone(deps, one, error);
  }
}

function toSettlement({ claimed, finish, next }: Settlement): AttemptSettlement {
  const access = accessOutcomeOf(claimed, finish);
  return {
    attempt_id: claimed.attemptId,
    submission_id: claimed.submission.id,
    upload_id: finish.uploadId ?? null,
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
    next_attempt_at:
      next.nextAttemptAt && Number.isFinite(next.nextAttemptAt.getTime()) ? next.nextAttemptAt.toISOString() : null,
    ...accessColumns(access),
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
    if (input.length > 1)
      logger.warn(
        { err: error, workerId: deps.workerId, batch: input.length },
        "settling a batch failed; settling each delivery on its own",
      );
    else if (input[0]) return [await settleAlone(deps, input[0], error)];
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
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching U+0000 is the point, PostgreSQL cannot store it
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
  return copy.status_reason_code === null
    ? { ...copy, status_reason_code: "answer_stored_cleaned", status_reason_params: null }
    : copy;
}

/** Submissions a worker should pick up now: due, or abandoned by a worker whose lease ran out. */
export async function findDueSubmissionIds(db: Db, limit: number): Promise<string[]> {
  // next_attempt_at is set exactly while a submission waits or is being sent (the partial index
  // submissions_due_idx), so this reads only those, never the history; the rule is due-rule.ts.
  const rows = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      sql`${submissions.nextAttemptAt} is not null and ${submissions.nextAttemptAt} <= now() and ${sql.raw(dueSubmissionSql(getTableName(submissions)))}`,
    )
    .orderBy(submissions.nextAttemptAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
