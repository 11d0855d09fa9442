import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { type OarObligation, oarObligations } from "@/lib/db/schema";
import { isValidTimeBound } from "@/lib/filters/time-range";
import { hashPersonId } from "@/lib/submissions/search/person-id-hash";
import { isValidFodselsnummer, normaliseFodselsnummer } from "@/lib/validation/fodselsnummer";

/*
 * THE definition of an OAR obligation and when it is due (docs/skatteetaten-contract.md, "OAR"):
 * the oppdragsgiver reports the oppdrag at the latest 14 days after the work starts, each
 * arbeidstaker within 14 days of their first day and their last day within 14 days after it, and a
 * change within 14 days of the day it took effect. The deadline scan (notifications) and the board
 * (OAR reports due) both read `openOarObligations`; only their windows differ.
 */

/** Days after the obligation's date by which it must be reported. */
export const OAR_REPORTING_DAYS = 14;

/** The start obligation's key: one per oppdrag. */
const OPPDRAG_KEY = "oppdrag";
const CHANGE_KEY = "endring";

type Row = { submissionId: string; obligation: OarObligation; subjectKey: string; obligationDate: string };

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function dateOf(value: unknown): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && isValidTimeBound(value) ? value : null;
}

/**
 * Who an arbeidstaker is across versions of the oppdrag, as a keyed hash (lib/submissions/search/
 * person-id-hash.ts): the fødselsnummer/d-nummer, or the foreign ID number with its country. A
 * draft's arbeidstaker without either is known by position, which is enough to notify a deadline.
 */
function arbeidstakerKey(arbeidstaker: unknown, index: number, secret?: string): string {
  const id = field(arbeidstaker, "identifikasjon");
  const fnr = field(id, "fodselsnummer");
  if (typeof fnr === "string" && isValidFodselsnummer(fnr))
    return hashPersonId(`fnr:${normaliseFodselsnummer(fnr)}`, secret);
  const foreign = field(id, "utenlandskIdNummer");
  const country = field(id, "landkode");
  if (typeof foreign === "string" && foreign.trim() && typeof country === "string")
    return hashPersonId(`utl:${country}:${foreign.trim()}`, secret);
  return `nr-${index + 1}`;
}

/** The obligations an OAR payload (a full report, or a draft's partial one) states. */
export function obligationsOf(submissionId: string, payload: unknown, secret?: string): Row[] {
  const rows = new Map<string, Row>();
  const add = (obligation: OarObligation, subjectKey: string, date: string | null) => {
    if (date)
      rows.set(`${obligation}\u0000${subjectKey}`, { submissionId, obligation, subjectKey, obligationDate: date });
  };
  add("start", OPPDRAG_KEY, dateOf(field(field(payload, "oppdrag"), "startdato")));
  add("change", CHANGE_KEY, dateOf(field(payload, "endringsdato")));
  const arbeidstakere = field(payload, "arbeidstakere");
  // Bounded by the schemas (MAX_ARBEIDSTAKERE) before anything is stored.
  if (Array.isArray(arbeidstakere)) {
    arbeidstakere.forEach((a, i) => {
      const key = arbeidstakerKey(a, i, secret);
      add("employee_first_day", key, dateOf(field(a, "forsteArbeidsdag")));
      add("employee_last_day", key, dateOf(field(a, "sisteArbeidsdag")));
    });
  }
  return [...rows.values()];
}

/**
 * Replaces the submission's obligations with those of `versionId` when it is an OAR submission's
 * current version. Call in the transaction that saved the version (lib/submissions/operations).
 */
export async function writeOarObligations(tx: DbOrTx, versionId: string, secret?: string) {
  const [version] = await tx.execute<{
    submission_id: string;
    organisation_id: string;
    subject: string;
    accepted: boolean;
    oppdrag: unknown;
    arbeidstakere: unknown;
    endringsdato: unknown;
  }>(sql`
    select s.id as submission_id, s.organisation_id, s.subject, s.accepted_at is not null as accepted,
      v.payload->'oppdrag' as oppdrag, v.payload->'arbeidstakere' as arbeidstakere, v.payload->'endringsdato' as endringsdato
    from submission_versions v join submissions s on s.id = v.submission_id and s.current_version_id = v.id
    where v.id = ${versionId} and s.kind = 'oar'`);
  if (!version) return;
  const rows = obligationsOf(version.submission_id, version, secret);
  await tx.execute(sql`delete from ${oarObligations} where submission_id = ${version.submission_id}`);
  if (rows.length === 0) return;
  await tx
    .insert(oarObligations)
    .values(
      rows.map((r) => ({
        ...r,
        organisationId: version.organisation_id,
        oppdragsreferanse: version.subject,
        accepted: version.accepted,
      })),
    )
    .onConflictDoNothing();
}

/**
 * The open OAR obligations of the organisations `organisationScope` admits (a condition on
 * `ob.organisation_id`), whose deadline (date + 14 days) lies between `deadlineFrom` and
 * `deadlineTo` (either may be null: unbounded). Open: its submission is not accepted (`accepted`
 * follows accepted_at, migration 0028; a cancelled submission's obligations are deleted with the
 * cancel, migration 0031), and no accepted report of the same oppdrag (organisation and
 * oppdragsreferanse) carries the same obligation with the same date. Read through the partial
 * indexes of migration 0028 (open ones by date, and the accepted ones by oppdrag) without looking
 * up the submissions.
 *
 * Columns: organisation_id, submission_id, oppdragsreferanse, obligation, subject_key,
 * obligation_date, deadline, description (the oppdrag's beskrivelse, cut to 120 characters).
 */
export function openOarObligations(options: {
  organisationScope: SQL;
  deadlineFrom: string | null;
  deadlineTo: string | null;
  withDescription?: boolean;
}): SQL {
  const from =
    options.deadlineFrom === null
      ? sql`true`
      : sql`ob.obligation_date >= ${options.deadlineFrom}::date - ${OAR_REPORTING_DAYS}::int`;
  const to =
    options.deadlineTo === null
      ? sql`true`
      : sql`ob.obligation_date <= ${options.deadlineTo}::date - ${OAR_REPORTING_DAYS}::int`;
  const description = options.withDescription
    ? sql`(select left(v.payload->'oppdrag'->>'beskrivelse', 120) from submissions s
        join submission_versions v on v.id = s.current_version_id where s.id = ob.submission_id)`
    : sql`null::text`;
  return sql`
    select ob.organisation_id, ob.submission_id, ob.oppdragsreferanse, ob.obligation, ob.subject_key,
      ob.obligation_date, ob.obligation_date + ${OAR_REPORTING_DAYS}::int as deadline, ${description} as description
    from oar_obligations ob
    where not ob.accepted and ${options.organisationScope} and ${from} and ${to}
      and not exists (
        select 1 from oar_obligations c
        where c.accepted and c.organisation_id = ob.organisation_id and c.oppdragsreferanse = ob.oppdragsreferanse
          and c.obligation = ob.obligation and c.subject_key = ob.subject_key and c.obligation_date = ob.obligation_date)`;
}
