import "server-only";
import { RECORD_ACCESS_CTES } from "@/lib/access-health/record-access";
import type { Db } from "@/lib/db/client";
import type { AttemptOutcome, DeliveryStep, ReportKind } from "@/lib/db/schema";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import type { ReportPayload } from "../payload-kind";
import type { StatusReasonCode, StatusReasonParams } from "../status-reason";
import { dueSubmissionSql } from "./due-rule";

/*
 * The delivery worker's three statements, written out as SQL and run as PREPARED statements.
 * They run for every submission sent, so they skip what every other query pays: drizzle runs its
 * queries unprepared, which postgres.js sends as a describe round trip followed by a parse, plan
 * and execute, each time. Prepared, each is one round trip and planned once per connection. Each
 * takes a whole batch (see group-commit.ts) and locates rows by primary key (`id = any(...)`), so
 * the plan never depends on how many rows share a status.
 */

/**
 * Two workers that claim or settle overlapping batches (a duplicate wake-up) can lock the same
 * rows in opposite order; PostgreSQL then aborts one statement, which is simply run again.
 */
async function retryingDeadlock<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 3) throw error;
    }
  }
}

const CLAIMABLE = dueSubmissionSql("s");

/**
 * The version's first request. A version's first step decides its way for good: `send` (the
 * submission endpoint) or a file-upload step. The body is read only for `send`, which every
 * later attempt repeats byte for byte; an upload's body can be tens of megabytes, and its later
 * steps do not need it.
 */
export type EarlierRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  step: DeliveryStep;
  body: string | null;
};

export type ClaimableRow = {
  id: string;
  kind: ReportKind;
  version_id: string;
  idempotency_key: string;
  orgnr: string;
  /** The version's first request, which every later attempt repeats byte for byte. */
  earlier: EarlierRequest | null;
  /** Only when there is no earlier request. */
  payload: ReportPayload | null;
  /** OAR: whether Skatteetaten already has this oppdrag (decides innsendingstype). */
  exists_at_skatteetaten: boolean;
  /** The payload or earlier body is over the read's size bound, so it was left out: claim this one on its own. */
  large: boolean;
};

// $2 bounds the stored size (pg_column_size: compressed, without reading the value) of a payload
// or body the read returns; a larger one is left out and flagged `large`. Null: no bound.
const READ_CLAIMABLE = `
  select s.id, s.kind, v.id as version_id, v.idempotency_key, o.orgnr, e.earlier,
         case when e.earlier is null and ($2::int is null or pg_column_size(v.payload) <= $2::int) then v.payload end as payload,
         coalesce(e.large_body, e.earlier is null and pg_column_size(v.payload) > $2::int, false) as large,
         (e.earlier is null and s.kind = 'oar' and exists (
           select 1 from submissions p
           where p.organisation_id = s.organisation_id and p.kind = 'oar' and p.subject = s.subject and p.accepted_at is not null
         )) as exists_at_skatteetaten
  from submissions s
  join submission_versions v on v.id = s.current_version_id
  join organisations o on o.id = s.organisation_id
  left join lateral (
    select json_build_object('method', a.request_method, 'url', a.request_url, 'headers', a.request_headers, 'step', a.step,
                             'body', case when a.step = 'send' and ($2::int is null or pg_column_size(a.request_body) <= $2::int) then a.request_body end) as earlier,
           a.step = 'send' and pg_column_size(a.request_body) > $2::int as large_body
    from delivery_attempts a where a.version_id = v.id order by a.attempt_no limit 1) e on true
  where s.id = any($1::uuid[]) and ${CLAIMABLE}`;

/** The claimable ones of `ids`, with payloads and bodies up to `maxStoredBytes` (null: any size). */
export async function readClaimable(db: Db, ids: string[], maxStoredBytes: number | null): Promise<ClaimableRow[]> {
  return db.$client.unsafe<ClaimableRow[]>(READ_CLAIMABLE, [ids, maxStoredBytes], { prepare: true });
}

export type AttemptToRecord = {
  submission_id: string;
  version_id: string;
  idempotency_key: string;
  step: DeliveryStep;
  upload_id: string | null;
  request_method: string;
  request_url: string;
  request_headers: Record<string, string>;
  request_body: string;
};

export type RecordedAttempt = {
  submission_id: string;
  attempt_id: string;
  attempt_count: number;
  attempts_before: number;
};

// The version must still be current: a corrected version sent meanwhile has its own key.
// Claiming, closing attempts a dead worker left open and recording the new attempts are one
// statement, so they happen together or not at all.
const CLAIM_AND_RECORD_ATTEMPTS = `
  with input as (
    select * from jsonb_to_recordset($1::text::jsonb) as i(
      submission_id uuid, version_id uuid, idempotency_key uuid, step text, upload_id text,
      request_method text, request_url text, request_headers jsonb, request_body text)
  ), claimed as (
    update submissions s
    set status = 'sending', lease_until = now() + make_interval(secs => $3::float8 / 1000),
        attempt_count = s.attempt_count + 1, last_attempt_at = now(), updated_at = now()
    from input i
    where s.id = any($2::uuid[]) and s.id = i.submission_id and s.current_version_id = i.version_id and ${CLAIMABLE}
    returning s.id, s.attempt_count, coalesce(s.queued_at, s.created_at) as round_start
  ), interrupted as (
    -- The outcome of a request a dead worker had in flight is unknown.
    update delivery_attempts a
    set outcome = 'interrupted', finished_at = now(), transport_error = 'Worker stopped before an answer was recorded'
    from claimed c
    where a.submission_id = c.id and a.outcome = 'in_flight'
  ), attempt as (
    insert into delivery_attempts
      (submission_id, version_id, attempt_no, idempotency_key, step, upload_id, request_method, request_url, request_headers, request_body, worker_id)
    select c.id, i.version_id, c.attempt_count, i.idempotency_key, i.step::delivery_step, i.upload_id,
           i.request_method, i.request_url, i.request_headers, i.request_body, $4
    from claimed c join input i on i.submission_id = c.id
    returning id, submission_id, version_id
  )
  -- The attempts that count against DELIVERY_MAX_ATTEMPTS: a file-upload step that moved the
  -- upload on (uploaded, still validating, validated) is progress, not a failed attempt.
  select a.submission_id, a.id as attempt_id, c.attempt_count,
         (select count(*)::int from delivery_attempts x
          where x.version_id = a.version_id and x.started_at >= c.round_start
            and x.outcome not in ('uploaded', 'validating', 'validated')) as attempts_before
  from claimed c join attempt a on a.submission_id = c.id`;

/** Claims the submissions still claimable and records their attempts; the others are left out of the answer. */
export async function claimAndRecordAttempts(
  db: Db,
  attempts: AttemptToRecord[],
  options: { leaseMs: number; workerId: string },
) {
  return retryingDeadlock(() =>
    db.$client.unsafe<RecordedAttempt[]>(
      CLAIM_AND_RECORD_ATTEMPTS,
      [JSON.stringify(attempts), attempts.map((a) => a.submission_id), options.leaseMs, options.workerId],
      { prepare: true },
    ),
  );
}

export type AttemptSettlement = {
  attempt_id: string;
  submission_id: string;
  /** POST /opplastinger: the upload's id from its answer. */
  upload_id: string | null;
  /** The claim's attempt count: the submission is settled only if no other worker claimed it since. */
  attempt_count: number;
  outcome: string;
  transport_error: string | null;
  duration_ms: number | null;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  error_code: string | null;
  decoded_error: DecodedSkatteetatenError | null;
  korrelasjonsid: string | null;
  /** `sending`: an upload delivery waits for its next step, due at next_attempt_at (null: now) and taken by any worker then. */
  status: "accepted" | "rejected" | "conflict" | "failed" | "retrying" | "sending";
  last_error_code: string | null;
  status_reason_code: string | null;
  status_reason_params: StatusReasonParams | null;
  received_ids: Record<string, string> | null;
  next_attempt_at: string | null;
  /**
   * What the attempt says about the organisation's access (lib/access-health/access-outcome.ts):
   * `ok`, `token_ok`, a problem state, or null (nothing); recorded in organisation_access_health.
   */
  access_state: string | null;
  access_code: string | null;
  access_api: ReportKind | null;
};

// Only the worker that still holds the lease may settle; if it expired and another worker took
// over, that worker's outcome wins (this attempt stays recorded either way).
const SETTLE_ATTEMPTS = `
  with input as (
    select * from jsonb_to_recordset($1::text::jsonb) as i(
      attempt_id uuid, submission_id uuid, upload_id text, attempt_count int, outcome text, transport_error text, duration_ms int,
      response_status int, response_headers jsonb, response_body text, error_code text, decoded_error jsonb, korrelasjonsid text,
      status text, last_error_code text, status_reason_code text, status_reason_params jsonb, received_ids jsonb, next_attempt_at timestamptz,
      access_state text, access_code text, access_api text)
  ), finished_attempt as (
    update delivery_attempts a
    set outcome = i.outcome::attempt_outcome, transport_error = i.transport_error, duration_ms = i.duration_ms,
        response_status = i.response_status, response_headers = i.response_headers, response_body = i.response_body,
        error_code = i.error_code, decoded_error = i.decoded_error, korrelasjonsid = i.korrelasjonsid, finished_at = now(),
        upload_id = coalesce(i.upload_id, a.upload_id)
    from input i
    where a.id = any($2::uuid[]) and a.id = i.attempt_id and a.outcome = 'in_flight'
  ), settled as (
  update submissions s
  -- An upload delivery between steps stays 'sending' with no worker on it: its lease ends when
  -- its next step is due, so any worker takes it then (the claim's rule for an abandoned one).
  set status = i.status::submission_status,
      lease_until = case when i.status = 'sending' then coalesce(i.next_attempt_at, now()) end,
      next_attempt_at = case when i.status = 'sending' then coalesce(i.next_attempt_at, now()) else i.next_attempt_at end,
      last_error_code = i.last_error_code, status_reason_code = i.status_reason_code,
      status_reason_params = i.status_reason_params, updated_at = now(),
      accepted_at = case when i.status = 'accepted' then now() else s.accepted_at end,
      received_ids = case when i.status = 'accepted' then i.received_ids else s.received_ids end
  from input i
  where s.id = any($3::uuid[]) and s.id = i.submission_id and s.status = 'sending' and s.attempt_count = i.attempt_count
  returning s.id, s.organisation_id, i.access_state, i.access_code, i.access_api
  ), ${RECORD_ACCESS_CTES}
  select id from settled`;

const settleParams = (settlements: AttemptSettlement[]) => [
  JSON.stringify(settlements),
  settlements.map((s) => s.attempt_id),
  settlements.map((s) => s.submission_id),
];

/** Records attempts' outcomes and their submissions' new status together; returns the ids of the submissions updated. */
export async function settleAttempts(db: Db, settlements: AttemptSettlement[]): Promise<Set<string>> {
  const rows = await retryingDeadlock(() =>
    db.$client.unsafe<{ id: string }[]>(SETTLE_ATTEMPTS, settleParams(settlements), { prepare: true }),
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The same, committed only once it is on disk, whatever the worker's connections do otherwise
 * (synchronous_commit=off): for an answer that cannot be asked for again. An upload's id is one:
 * POST /opplastinger is not idempotent, so were its id lost after the A-melding was sent in
 * under it, a new upload could be sent in too.
 */
export async function settleAttemptsDurably(db: Db, settlements: AttemptSettlement[]): Promise<Set<string>> {
  const rows = await retryingDeadlock(() =>
    db.$client.begin(async (tx) => {
      await tx.unsafe("set local synchronous_commit = on");
      return tx.unsafe<{ id: string }[]>(SETTLE_ATTEMPTS, settleParams(settlements), { prepare: true });
    }),
  );
  return new Set(rows.map((r) => r.id));
}

/** One earlier file-upload step of a version, as the next step is worked out from (upload-progress.ts). */
export type UploadStepRecord = {
  step: Exclude<DeliveryStep, "send">;
  outcome: AttemptOutcome;
  upload_id: string | null;
  started_at: string;
};

export type UploadProgressRow = {
  submission_id: string;
  /** Where this round of attempts began (queued or retried); the wait for validation is counted from it at the earliest. */
  round_start: string;
  steps: UploadStepRecord[];
};

// Rare (only A-meldinger over the threshold), so not prepared; no bodies are read.
const READ_UPLOAD_PROGRESS = `
  select s.id as submission_id, coalesce(s.queued_at, s.created_at) as round_start,
         coalesce((select json_agg(json_build_object('step', a.step, 'outcome', a.outcome, 'upload_id', a.upload_id, 'started_at', a.started_at)
                                   order by a.attempt_no)
                   from delivery_attempts a where a.version_id = i.version_id and a.step <> 'send'), '[]'::json) as steps
  from jsonb_to_recordset($1::text::jsonb) as i(submission_id uuid, version_id uuid)
  join submissions s on s.id = i.submission_id`;

/** The file-upload steps each version has gone through so far, oldest first. */
export async function readUploadProgress(
  db: Db,
  versions: { submission_id: string; version_id: string }[],
): Promise<UploadProgressRow[]> {
  if (versions.length === 0) return [];
  return db.$client.unsafe<UploadProgressRow[]>(READ_UPLOAD_PROGRESS, [JSON.stringify(versions)]);
}

/** The body of the version's first POST /opplastinger, which an upload made again repeats. */
export async function readFirstUploadBody(db: Db, versionId: string): Promise<string | null> {
  const rows = await db.$client.unsafe<{ request_body: string }[]>(
    `select request_body from delivery_attempts where version_id = $1 and step = 'upload' order by attempt_no limit 1`,
    [versionId],
  );
  return rows[0]?.request_body ?? null;
}

export type UnsendableSubmission = {
  submission_id: string;
  version_id: string;
  status_reason_code: string;
  status_reason_params: StatusReasonParams | null;
};

// A submission that cannot be sent at all (its payload is not of its kind, its request cannot be
// built, its attempt cannot be recorded) fails here, on its own, if it is still claimable with
// the same version. Rare, so not prepared.
const FAIL_UNSENDABLE = `
  with input as (
    select * from jsonb_to_recordset($1::text::jsonb) as i(submission_id uuid, version_id uuid, status_reason_code text, status_reason_params jsonb)
  )
  update submissions s
  set status = 'failed', lease_until = null, next_attempt_at = null, last_error_code = null,
      status_reason_code = i.status_reason_code, status_reason_params = i.status_reason_params, updated_at = now()
  from input i
  where s.id = any($2::uuid[]) and s.id = i.submission_id and s.current_version_id = i.version_id and ${CLAIMABLE}`;

/** Marks submissions that cannot be sent as failed with their reason (those still claimable with that version). */
export async function failUnsendable(db: Db, rows: UnsendableSubmission[]): Promise<void> {
  await db.$client.unsafe(FAIL_UNSENDABLE, [JSON.stringify(rows), rows.map((r) => r.submission_id)]);
}

// The last resort when even a cleaned outcome cannot be stored: the submission fails with a
// reason, so it does not go round lease expiry after lease expiry. A retry (same key) later gets
// Skatteetaten's answer again from its idempotency store.
const FAIL_UNSETTLED = `
  update submissions s
  set status = 'failed', lease_until = null, next_attempt_at = null,
      status_reason_code = $3, status_reason_params = null, updated_at = now()
  where s.id = $1 and s.status = 'sending' and s.attempt_count = $2
  returning s.id`;

export async function failUnsettled(
  db: Db,
  submissionId: string,
  attemptCount: number,
  reasonCode: StatusReasonCode,
): Promise<boolean> {
  const rows = await db.$client.unsafe<{ id: string }[]>(FAIL_UNSETTLED, [submissionId, attemptCount, reasonCode]);
  return rows.length > 0;
}

// A stopping worker hands back what it still has in flight (worker.ts, stop): the lease ends now,
// so another worker may claim the submission at once instead of after DELIVERY_LEASE_SECONDS.
// Only rows this worker holds with an open attempt: if its answer was settled meanwhile, or another
// worker took over, nothing changes. The request may have reached Skatteetaten; the next worker
// sends the same key and body, which Skatteetaten answers from its idempotency store.
const HAND_BACK = `
  update submissions s
  set lease_until = now(), next_attempt_at = coalesce(s.next_attempt_at, now()), updated_at = now()
  where s.id = any($1::uuid[]) and s.status = 'sending' and s.lease_until > now()
    and exists (select 1 from delivery_attempts a
                where a.submission_id = s.id and a.outcome = 'in_flight' and a.worker_id = $2)
  returning s.id`;

/** Ends this worker's leases on the submissions it still has in flight; returns those handed back. */
export async function handBackLeases(db: Db, submissionIds: string[], workerId: string): Promise<string[]> {
  if (submissionIds.length === 0) return [];
  const rows = await db.$client.unsafe<{ id: string }[]>(HAND_BACK, [submissionIds, workerId]);
  return rows.map((r) => r.id);
}
