import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { submissions } from "@/lib/db/schema";

/**
 * What makes failures "the same" for the error groups and for the list filters that link to
 * them. Both read these expressions, so a group's count and its filtered list always agree.
 * Each is evaluated per row of `submissions` and looks at the submission's latest attempt.
 */

/** The error code, upper-cased so "oar_006" and "OAR_006" are one group. */
export const errorCodeSql: SQL<string | null> = sql<string | null>`upper(${submissions.lastErrorCode})`;

/**
 * The first specification entry with a code (in the order Skatteetaten sent them) of the latest
 * attempt's decoded error; null when it had none. A SQL function (drizzle/0014_rollups.sql)
 * because the error-group rollups' triggers read the same entry.
 */
const firstSpecification = sql`latest_attempt_first_specification(${submissions.id})`;

/** The first specification code of the latest attempt's decoded error. */
export const specCodeSql: SQL<string | null> = sql<string | null>`upper(trim(${firstSpecification}->>'kode'))`;

/**
 * The field (`sti`) of that same specification entry, with the report kind it is a path into
 * ("oar /oppdrag/beskrivelse"), so the error groups can name the field; null without one.
 */
export const specFieldSql: SQL<string | null> = sql<
  string | null
>`${submissions.kind} || ' ' || left(trim(${firstSpecification}->>'sti'), 500)`;

/** For submissions without an error code: why, from the latest attempt's outcome (see FAILURE_CAUSES). */
export const failureCauseSql: SQL<string | null> = sql<
  string | null
>`submission_failure_cause(${submissions.id}, ${submissions.lastErrorCode})`;
