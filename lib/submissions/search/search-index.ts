import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/lib/db/client";
import { type SearchTermKind, submissionSearchTerms, submissionVersions } from "@/lib/db/schema";
import { hashPersonId } from "./person-id-hash";
import { asOrgnr, asPersonId, nameTerms, normaliseSearchText } from "./search-text";

/*
 * The search index and the stored sums of a submission, written from its current version in the
 * same transaction as the version is saved (createSubmission, sendCorrectedVersion: the OAR form,
 * the A-melding builder, import and replacements all go through them). The values are read out
 * of the stored payload by PostgreSQL, so an imported A-melding that the web server never holds
 * as objects (PayloadInDatabase) is indexed the same way, and only the few fields named here
 * leave the database.
 */

/** Where each kind of term is found in a payload of either kind (lax paths: a missing one yields nothing). */
const TERM_PATHS: readonly [SearchTermKind, string][] = [
  // A-melding (lib/amelding/leveranse-schema.ts)
  ["name", "$.oppgave.virksomhet[*].inntektsmottaker[*].identifiserendeInformasjon.navn"],
  ["person_id", "$.oppgave.virksomhet[*].inntektsmottaker[*].norskIdentifikator"],
  ["reference", "$.oppgave.virksomhet[*].inntektsmottaker[*].internasjonalIdentifikator[*].identifikator"],
  ["orgnr", "$.opplysningspliktig.norskIdentifikator"],
  ["orgnr", "$.oppgave.virksomhet[*].norskIdentifikator"],
  ["reference", "$.meldingsId"],
  // OAR (lib/oppdrag/oppdrag-form-schema.ts)
  ["name", "$.oppdragstaker.navn"],
  ["name", "$.oppdragsgiver.navn"],
  ["name", "$.oppdragsgiver.kontaktperson"],
  ["name", "$.hovedoppdragsgiver.navn"],
  ["name", "$.hovedoppdragsgiver.kontaktperson"],
  ["orgnr", "$.oppdragstaker.organisasjonsnummer"],
  ["orgnr", "$.oppdragsgiver.organisasjonsnummer"],
  ["orgnr", "$.hovedoppdragsgiver.organisasjonsnummer"],
  ["reference", "$.oppdragstaker.registreringsnummer"],
  ["reference", "$.oppdragsgiver.registreringsnummer"],
  ["reference", "$.oppdragsreferanse"],
  ["name", "$.arbeidstakere[*].navn"],
  ["person_id", "$.arbeidstakere[*].identifikasjon.fodselsnummer"],
  ["reference", "$.arbeidstakere[*].identifikasjon.utenlandskIdNummer"],
];

// Constants of this module only, so they are written into the statement as text.
const pathValues = sql.raw(
  TERM_PATHS.map(([kind, path]) => `('${kind}', '${path.replaceAll("'", "''")}'::jsonpath)`).join(", "),
);

/** A JSON amount (number, or a decimal string as imports may carry) as numeric; null when unreadable. */
function amountSql(value: string) {
  return sql.raw(`case
    when jsonb_typeof(${value}) = 'number' then (${value} #>> '{}')::numeric
    when jsonb_typeof(${value}) = 'string' and (${value} #>> '{}') ~ '^-?[0-9]{1,15}([.,][0-9]{1,2})?$'
      then replace(${value} #>> '{}', ',', '.')::numeric
  end`);
}

/** The sums betalingsinformasjon states (lib/amelding/sums.ts, statedSum): null when it states none. */
const reportedSumsSql = sql`
  reported_forskuddstrekk = (
    select sum(${amountSql("x")}) from jsonb_path_query(v.payload,
      '$.oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato[*].beloep') as d(x)),
  reported_arbeidsgiveravgift = (
    select ${amountSql("x")} from jsonb_path_query(v.payload,
      '$.oppgave.betalingsinformasjon.sumArbeidsgiveravgift') as a(x) limit 1)`;

const ELEVEN_DIGITS = /\d{11}/;

/** Rows per insert statement (4 parameters each, well under PostgreSQL's 65 535). */
const INSERT_CHUNK = 5000;

/**
 * Writes the version's sums and, when it is its submission's current version, replaces the
 * submission's search terms with the version's. Call in the transaction that saved the version.
 */
export async function indexSubmissionVersion(tx: DbOrTx, versionId: string, secret?: string) {
  const [version] = await tx.execute<{
    submission_id: string;
    organisation_id: string;
    created_at: string;
    is_current: boolean;
  }>(sql`
    update ${submissionVersions} v set ${reportedSumsSql}, search_indexed = true
    from submissions s
    where v.id = ${versionId} and s.id = v.submission_id
    returning v.submission_id, s.organisation_id, s.created_at::text as created_at, (s.current_version_id = v.id) as is_current`);
  if (!version?.is_current) return;
  const extracted = await tx.execute<{ kind: SearchTermKind; value: string }>(sql`
    select p.kind::search_term_kind as kind, x #>> '{}' as value
    from submission_versions v
    cross join (values ${pathValues}) as p(kind, path)
    cross join lateral jsonb_path_query(v.payload, p.path) as x
    where v.id = ${versionId} and jsonb_typeof(x) in ('string', 'number')
    union all
    select 'orgnr', o.orgnr from organisations o where o.id = ${version.organisation_id}
    union all
    select 'name', o.name from organisations o where o.id = ${version.organisation_id}`);
  const terms = new Map<string, { kind: SearchTermKind; term: string }>();
  const add = (kind: SearchTermKind, term: string | null) => {
    if (!term) return;
    // An 11-digit number in a name or a reference may be a fødselsnummer typed in the wrong field:
    // never stored in clear. A word that is one is kept as its keyed hash, so searching for the
    // number still finds the submission; the term itself is dropped.
    if (kind !== "person_id" && ELEVEN_DIGITS.test(term)) {
      for (const word of term.split(" ")) {
        const id = asPersonId(word);
        if (id) add("person_id", hashPersonId(id, secret));
      }
      return;
    }
    terms.set(`${kind}\u0000${term}`, { kind, term });
  };
  for (const { kind, value } of extracted) {
    if (kind === "name") for (const term of nameTerms(value)) add(kind, term);
    else if (kind === "person_id") {
      const id = asPersonId(value);
      if (id) add(kind, hashPersonId(id, secret));
    } else if (kind === "orgnr") add(kind, asOrgnr(value));
    else add(kind, normaliseSearchText(value));
  }
  await tx.delete(submissionSearchTerms).where(eq(submissionSearchTerms.submissionId, version.submission_id));
  const rows = [...terms.values()].map((t) => ({
    submissionId: version.submission_id,
    organisationId: version.organisation_id,
    // What the list orders by, so a search's newest page is read from the terms' index
    // (lib/db/schema.ts, submissionSearchTerms). As PostgreSQL's own text: a JavaScript Date would
    // drop the microseconds, and the list compares the two exactly.
    createdAt: sql`${version.created_at}::timestamptz`,
    ...t,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(submissionSearchTerms).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

/**
 * Indexes the versions saved before the search index existed (marked by the migration), a batch
 * per transaction, so a start-up after the upgrade fills it in without one long transaction.
 * Run by `npm start` after the migrations: it needs SEARCH_HASH_SECRET, which migrations do not
 * have. Returns how many versions it indexed.
 */
export async function indexPendingVersions(db: Db, secret?: string, batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const pending = await tx
        .select({ id: submissionVersions.id })
        .from(submissionVersions)
        .where(sql`not ${submissionVersions.searchIndexed}`)
        .limit(batch)
        .for("update", { skipLocked: true });
      for (const { id } of pending) await indexSubmissionVersion(tx, id, secret);
      return pending.length;
    });
    total += done;
    if (done < batch) return total;
  }
}
