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

type Claimed = { submission: typeof submissions.$inferSelect; attemptId: string; request: ReturnType<ReportingAdapter["buildRequest"]>; orgnr: string; attemptsThisRound: number };

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

async function claim(deps: DeliveryDeps, submissionId: string): Promise<Claimed | null> {
  return deps.db.transaction(async (tx) => {
    const [submission] = await tx
      .update(submissions)
      .set({
        status: "sending",
        leaseUntil: sql`now() + ${`${deps.leaseMs} milliseconds`}::interval`,
        attemptCount: sql`${submissions.attemptCount} + 1`,
        lastAttemptAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(submissions.id, submissionId),
          sql`((${submissions.status} in ('queued', 'retrying') and coalesce(${submissions.nextAttemptAt}, now()) <= now())
            or (${submissions.status} = 'sending' and ${submissions.leaseUntil} < now()))`,
        ),
      )
      .returning();
    if (!submission?.currentVersionId) return null;

    // A previous worker that died mid-request left its attempt open: its outcome is unknown.
    // (Only possible when this is not the submission's first attempt.)
    if (submission.attemptCount > 1) {
      await tx
        .update(deliveryAttempts)
        .set({ outcome: "interrupted", finishedAt: sql`now()`, transportError: "Worker stopped before an answer was recorded" })
        .where(and(eq(deliveryAttempts.submissionId, submissionId), eq(deliveryAttempts.outcome, "in_flight")));
    }

    // One round trip for what the attempt needs. A retry must repeat the version's first request
    // byte for byte (same key AND same body), even if the adapter or its configuration changed
    // since, so an earlier attempt's recorded request is reused.
    const roundStart = (submission.queuedAt ?? submission.createdAt).toISOString();
    const [version] = await tx
      .select({
        id: submissionVersions.id,
        payload: submissionVersions.payload,
        idempotencyKey: submissionVersions.idempotencyKey,
        orgnr: organisations.orgnr,
        earlier: sql<EarlierRequest | null>`(
          select json_build_object('method', a.request_method, 'url', a.request_url, 'headers', a.request_headers, 'body', a.request_body)
          from ${deliveryAttempts} a where a.version_id = ${submissionVersions.id} order by a.attempt_no limit 1)`,
        attemptsThisRound: sql<number>`(
          select count(*)::int from ${deliveryAttempts} a
          where a.version_id = ${submissionVersions.id} and a.started_at >= ${roundStart}::timestamptz)`,
      })
      .from(submissionVersions)
      .innerJoin(organisations, eq(organisations.id, submission.organisationId))
      .where(eq(submissionVersions.id, submission.currentVersionId));
    const { earlier, orgnr } = version!;
    const request = earlier
      ? { method: earlier.method as "POST", url: earlier.url, headers: withoutAuthorization(earlier.headers), body: earlier.body }
      : deps.adapters[submission.kind].buildRequest(version!.payload, {
          idempotencyKey: version!.idempotencyKey,
          orgnr,
          existsAtSkatteetaten:
            submission.kind === "oar" && (await wasOppdragAcceptedBefore(tx, submission.organisationId, submission.subject)),
        });
    const [attempt] = await tx
      .insert(deliveryAttempts)
      .values({
        submissionId,
        versionId: version!.id,
        attemptNo: submission.attemptCount,
        idempotencyKey: version!.idempotencyKey,
        requestMethod: request.method,
        requestUrl: request.url,
        requestHeaders: redactHeaders(request.headers),
        requestBody: request.body,
        workerId: deps.workerId,
      })
      .returning({ id: deliveryAttempts.id });
    return { submission, attemptId: attempt!.id, request, orgnr, attemptsThisRound: version!.attemptsThisRound + 1 };
  });
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

/** Records the attempt's outcome and the submission's new status together, in one transaction. */
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
  return deps.db.transaction(async (tx) => {
    await tx
      .update(deliveryAttempts)
      .set({ ...finish, finishedAt: sql`now()` })
      .where(and(eq(deliveryAttempts.id, claimed.attemptId), eq(deliveryAttempts.outcome, "in_flight")));
    // Only the worker that still holds the lease may settle; if it expired and another worker
    // took over, that worker's outcome wins (this attempt stays recorded either way).
    const updated = await tx
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
    if (updated.length === 0) return { outcome: "skipped" } as const;
    if (next.status === "retrying") return { outcome: "retrying", attemptId: claimed.attemptId, nextAttemptAt: next.nextAttemptAt! } as const;
    return { outcome: next.status, attemptId: claimed.attemptId } as const;
  });
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
