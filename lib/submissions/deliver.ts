import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveryAttempts, organisations, submissions, submissionVersions, type ReportKind } from "@/lib/db/schema";
import type { ReportingAdapter } from "@/lib/reporting/adapter";
import { decodeSkatteetatenError } from "@/lib/reporting/errors/decode-skatteetaten-error";
import { redactHeaders, sendRequest } from "@/lib/reporting/send-request";
import { wasOppdragAcceptedBefore } from "./queries";
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

  const result = await sendRequest(claimed.request, token, { timeoutMs: deps.requestTimeoutMs });
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

type ClaimableRow = {
  kind: ReportKind;
  subject: string;
  organisation_id: string;
  version_id: string;
  payload: Record<string, unknown> | null;
  idempotency_key: string;
  orgnr: string;
  earlier: EarlierRequest | null;
};

const isClaimable = sql`((s.status in ('queued', 'retrying') and coalesce(s.next_attempt_at, now()) <= now())
  or (s.status = 'sending' and s.lease_until < now()))`;

/**
 * Claims the submission and records the attempt, with its idempotency key and exact request,
 * before anything is sent. The request is built from a plain read first, so that claiming,
 * closing an attempt a dead worker left open and recording the new attempt are ONE statement:
 * atomic, and one commit (delivery throughput is bound by commits, not by CPU).
 */
async function claim(deps: DeliveryDeps, submissionId: string): Promise<Claimed | null> {
  // A retry must repeat the version's first request byte for byte (same key AND same body), even
  // if the adapter or its configuration changed since, so an earlier attempt's request is reused.
  const [row] = await deps.db.execute<ClaimableRow>(sql`
    select s.kind, s.subject, s.organisation_id, v.id as version_id, v.idempotency_key, o.orgnr, e.earlier,
           case when e.earlier is null then v.payload end as payload
    from ${submissions} s
    join ${submissionVersions} v on v.id = s.current_version_id
    join ${organisations} o on o.id = s.organisation_id
    left join lateral (
      select json_build_object('method', a.request_method, 'url', a.request_url, 'headers', a.request_headers, 'body', a.request_body) as earlier
      from ${deliveryAttempts} a where a.version_id = v.id order by a.attempt_no limit 1) e on true
    where s.id = ${submissionId} and ${isClaimable}`);
  if (!row) return null;

  const request = row.earlier
    ? { method: row.earlier.method as "POST", url: row.earlier.url, headers: withoutAuthorization(row.earlier.headers), body: row.earlier.body }
    : deps.adapters[row.kind].buildRequest(row.payload, {
        idempotencyKey: row.idempotency_key,
        orgnr: row.orgnr,
        existsAtSkatteetaten: row.kind === "oar" && (await wasOppdragAcceptedBefore(deps.db, row.organisation_id, row.subject)),
      });

  // The version must still be current: a corrected version sent meanwhile has its own key.
  const [claimed] = await deps.db.execute<{ attempt_id: string; attempt_count: number; attempts_before: number }>(sql`
    with claimed as (
      update ${submissions} s
      set status = 'sending', lease_until = now() + ${`${deps.leaseMs} milliseconds`}::interval,
          attempt_count = s.attempt_count + 1, last_attempt_at = now(), updated_at = now()
      where s.id = ${submissionId} and s.current_version_id = ${row.version_id} and ${isClaimable}
      returning s.id, s.attempt_count, coalesce(s.queued_at, s.created_at) as round_start
    ), interrupted as (
      -- The outcome of a request a dead worker had in flight is unknown.
      update ${deliveryAttempts} a
      set outcome = 'interrupted', finished_at = now(), transport_error = 'Worker stopped before an answer was recorded'
      from claimed c
      where a.submission_id = c.id and a.outcome = 'in_flight'
    ), attempt as (
      insert into ${deliveryAttempts}
        (submission_id, version_id, attempt_no, idempotency_key, request_method, request_url, request_headers, request_body, worker_id)
      select c.id, ${row.version_id}, c.attempt_count, ${row.idempotency_key}, ${request.method}, ${request.url},
             ${JSON.stringify(redactHeaders(request.headers))}::jsonb, ${request.body}, ${deps.workerId}
      from claimed c
      returning id
    )
    select a.id as attempt_id, c.attempt_count,
           (select count(*)::int from ${deliveryAttempts} x where x.version_id = ${row.version_id} and x.started_at >= c.round_start) as attempts_before
    from claimed c, attempt a`);
  if (!claimed) return null;
  return {
    submission: { id: submissionId, kind: row.kind, attemptCount: claimed.attempt_count },
    attemptId: claimed.attempt_id,
    request,
    orgnr: row.orgnr,
    attemptsThisRound: claimed.attempts_before + 1,
  };
}

function withoutAuthorization(headers: Record<string, string>) {
  const { Authorization: _, ...rest } = headers;
  return rest;
}

type EarlierRequest = { method: string; url: string; headers: Record<string, string>; body: string };

type AttemptFinish = {
  outcome: (typeof deliveryAttempts.$inferInsert)["outcome"];
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

/** Records the attempt's outcome and the submission's new status together. */
async function settle(
  deps: DeliveryDeps,
  claimed: Claimed,
  finish: AttemptFinish,
  next: {
    status: "accepted" | "rejected" | "conflict" | "failed" | "retrying";
    errorCode?: string | null;
    reason?: string | null;
    receivedIds?: Record<string, string>;
    nextAttemptAt?: Date;
  },
): Promise<DeliveryResult> {
  const finishAttempt = deps.db
    .update(deliveryAttempts)
    .set({ ...finish, finishedAt: sql`now()` })
    .where(and(eq(deliveryAttempts.id, claimed.attemptId), eq(deliveryAttempts.outcome, "in_flight")));
  // Only the worker that still holds the lease may settle; if it expired and another worker took
  // over, that worker's outcome wins (this attempt stays recorded either way).
  const updateSubmission = deps.db
    .update(submissions)
    .set({
      status: next.status,
      leaseUntil: null,
      nextAttemptAt: next.nextAttemptAt ?? null,
      lastErrorCode: next.status === "accepted" ? null : (next.errorCode ?? null),
      statusReason: next.reason ?? null,
      updatedAt: sql`now()`,
      ...(next.status === "accepted" ? { acceptedAt: sql`now()`, receivedIds: next.receivedIds ?? {} } : {}),
    })
    .where(
      and(
        eq(submissions.id, claimed.submission.id),
        eq(submissions.status, "sending"),
        eq(submissions.attemptCount, claimed.submission.attemptCount),
      ),
    )
    .returning({ id: submissions.id });
  // Both rows change in one statement, so they change together (and in one round trip).
  const updated = await deps.db.execute(sql`with finished_attempt as (${finishAttempt.getSQL()}) ${updateSubmission.getSQL()}`);
  if (updated.length === 0) return { outcome: "skipped" } as const;
  if (next.status === "retrying") return { outcome: "retrying", attemptId: claimed.attemptId, nextAttemptAt: next.nextAttemptAt! } as const;
  return { outcome: next.status, attemptId: claimed.attemptId } as const;
}

/** Submissions a worker should pick up now: due, or abandoned by a worker whose lease ran out. */
export async function findDueSubmissionIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      sql`(${inArray(submissions.status, ["queued", "retrying"])} and coalesce(${submissions.nextAttemptAt}, now()) <= now())
        or (${submissions.status} = 'sending' and ${submissions.leaseUntil} < now())`,
    )
    .orderBy(submissions.nextAttemptAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
