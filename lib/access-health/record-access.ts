import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import type { AccessApi, AccessOutcome } from "./access-outcome";

/** An access outcome as the recording SQL reads it: `ok`, `token_ok`, a problem state, or null (nothing). */
export type AccessColumns = { access_state: string | null; access_code: string | null; access_api: AccessApi | null };

export function accessColumns(access: AccessOutcome | null): AccessColumns {
  return {
    access_state: access === null ? null : access.kind === "failure" ? access.state : access.kind,
    access_code: access?.kind === "failure" ? access.code : null,
    access_api: access?.kind === "token_ok" || !access ? null : access.api,
  };
}

/**
 * The CTEs that record access outcomes in organisation_access_health (docs/access-health.md):
 * they read a preceding CTE named `settled` with organisation_id, access_state, access_code and
 * access_api (AccessColumns), so the outcome and its record are one statement. Used by the
 * delivery engine's settlement (lib/submissions/engine/delivery-statements.ts) and the feedback
 * follower (recordAccessOutcome below): one way to record access.
 */
export const RECORD_ACCESS_CTES = `access as (
    -- One outcome per organisation (a failure before a success in the same batch), as a row of
    -- organisation_access_health: token_ok leaves the state as it is and only notes the token.
    select distinct on (organisation_id) organisation_id,
      case when access_state in ('ok', 'token_ok') then 'ok' else access_state end as state,
      case when access_state in ('ok', 'token_ok', 'refused', 'system_user_missing') then now() end as token_at,
      case when access_state = 'ok' then now() end as call_at,
      case when access_state = 'ok' then access_api end as call_api,
      case when access_state not in ('ok', 'token_ok') then now() end as failure_at,
      case when access_state not in ('ok', 'token_ok') then access_state end as failure_state,
      case when access_state not in ('ok', 'token_ok') then access_code end as failure_code,
      case when access_state not in ('ok', 'token_ok') then access_api end as failure_api
    from settled
    where access_state is not null
    order by organisation_id, access_state in ('ok', 'token_ok')
  ), health as (
    insert into organisation_access_health as h (organisation_id, state, last_token_at, last_call_at, last_call_api,
      last_failure_at, last_failure_state, last_failure_code, last_failure_api)
    select organisation_id, state, token_at, call_at, call_api::report_kind, failure_at, failure_state, failure_code,
      failure_api::report_kind
    from access
    on conflict (organisation_id) do update set
      state = case when excluded.last_call_at is null and excluded.last_failure_at is null then h.state else excluded.state end,
      state_since = case when excluded.last_call_at is null and excluded.last_failure_at is null or excluded.state = h.state
        then h.state_since else now() end,
      last_token_at = coalesce(excluded.last_token_at, h.last_token_at),
      last_call_at = coalesce(excluded.last_call_at, h.last_call_at),
      last_call_api = coalesce(excluded.last_call_api, h.last_call_api),
      last_failure_at = coalesce(excluded.last_failure_at, h.last_failure_at),
      last_failure_state = case when excluded.last_failure_at is null then h.last_failure_state else excluded.last_failure_state end,
      last_failure_code = case when excluded.last_failure_at is null then h.last_failure_code else excluded.last_failure_code end,
      last_failure_api = case when excluded.last_failure_at is null then h.last_failure_api else excluded.last_failure_api end,
      updated_at = now()
    -- A healthy organisation sending all day is written at most once a minute: its row is shared by
    -- every worker settling its submissions. A failure and a change of state are always written.
    where excluded.last_failure_at is not null
      or (excluded.last_call_at is not null and h.state <> 'ok')
      or (excluded.last_call_at is not null and (h.last_call_at is null or h.last_call_at < now() - interval '1 minute'))
      or (excluded.last_token_at is not null and (h.last_token_at is null or h.last_token_at < now() - interval '1 minute'))
  )`;

/** Records one organisation's access outcome (nothing for null); call it in the transaction of the outcome it belongs to. */
export async function recordAccessOutcome(tx: DbOrTx, organisationId: string, access: AccessOutcome | null) {
  if (access === null) return;
  const c = accessColumns(access);
  await tx.execute(sql`
    with settled as (
      select ${organisationId}::uuid as organisation_id, ${c.access_state}::text as access_state,
        ${c.access_code}::text as access_code, ${c.access_api}::text as access_api
    ), ${sql.raw(RECORD_ACCESS_CTES)}
    select 1`);
}
