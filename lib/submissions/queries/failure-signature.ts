import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { deliveryAttempts, submissions } from "@/lib/db/schema";

/**
 * What makes failures "the same" for the error groups and for the list filters that link to
 * them. Both read these expressions, so a group's count and its filtered list always agree.
 * Each is evaluated per row of `submissions` and looks at the submission's latest attempt.
 */

/** The error code, upper-cased so "oar_006" and "OAR_006" are one group. */
export const errorCodeSql: SQL<string | null> = sql<string | null>`upper(${submissions.lastErrorCode})`;

/**
 * A value read from the first specification entry with a code (in the order Skatteetaten sent
 * them) of the latest attempt's decoded error; null when it had none. `e.spec` is the entry.
 */
function fromFirstSpecification(value: SQL): SQL<string | null> {
  return sql<string | null>`(
  select (
    select ${value}
    from jsonb_array_elements(
      case when jsonb_typeof(a.decoded_error->'specifications') = 'array' then a.decoded_error->'specifications' else '[]'::jsonb end
    ) with ordinality as e(spec, position)
    where nullif(trim(e.spec->>'kode'), '') is not null
    order by e.position
    limit 1
  )
  from ${deliveryAttempts} a
  where a.submission_id = ${submissions.id}
  order by a.attempt_no desc
  limit 1
)`;
}

/** The first specification code of the latest attempt's decoded error. */
export const specCodeSql = fromFirstSpecification(sql`upper(trim(e.spec->>'kode'))`);

/**
 * The field (`sti`) of that same specification entry, with the report kind it is a path into
 * ("oar /oppdrag/beskrivelse"), so the error groups can name the field; null without one.
 */
export const specFieldSql = fromFirstSpecification(sql`${submissions.kind} || ' ' || left(trim(e.spec->>'sti'), 500)`);

/** For submissions without an error code: why, from the latest attempt's outcome (see FAILURE_CAUSES). */
export const failureCauseSql: SQL<string | null> = sql<
  string | null
>`case when ${submissions.lastErrorCode} is not null then null else coalesce((
  select case when a.outcome in ('timeout', 'network_error', 'interrupted') then 'transport'
              when a.outcome = 'not_sent' then 'token'
              else 'no_code' end
  from ${deliveryAttempts} a
  where a.submission_id = ${submissions.id}
  order by a.attempt_no desc
  limit 1
), 'unsendable') end`;
