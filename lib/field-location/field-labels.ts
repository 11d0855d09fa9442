/**
 * Where a field of a report is, in the words of the form that edits it: one table from model
 * path patterns to the message keys the OAR form and the A-melding builder label their fields
 * with (lib/i18n/messages). Skatteetaten's `sti`, feedback deviations, import errors and the
 * forms' own error summaries all read it (locate-field.ts), so a path is named the same way
 * everywhere. A test checks that every field the forms render has an entry here and that every
 * entry's key exists in both languages.
 *
 * A pattern is a dotted model path with `#` for each list index.
 */

export type ReportKind = "oar" | "amelding";

/** Whose data an item is: shown as the party's name and identity instead of a numbered label. */
export type PartyKind = "oar_party" | "virksomhet" | "inntektsmottaker";

export type FieldLabel = {
  /** Message key of the label the form shows. */
  key: string;
  /**
   * "always": a crumb on the way to any field below it (a form section, an item);
   * "last": named only when the path ends here (a list, a group without a heading of its own).
   */
  show: "always" | "last";
  /** The key is an item's legend taking its position `{n}` (1-based). */
  numbered?: boolean;
  /** The key names a list whose items have no legend of their own: an item reads "<label> <n>". */
  itemsNumbered?: boolean;
  party?: PartyKind;
};

const field = (key: string): FieldLabel => ({ key, show: "always" });
const section = (key: string, party?: PartyKind): FieldLabel => ({ key, show: "always", ...(party && { party }) });
const list = (key: string, itemsNumbered = false): FieldLabel => ({
  key,
  show: "last",
  ...(itemsNumbered && { itemsNumbered }),
});
const item = (key: string, party?: PartyKind): FieldLabel => ({
  key,
  show: "always",
  numbered: true,
  ...(party && { party }),
});
/** A level with no heading in the form: its fields are named without it. */
const group = (key: string): FieldLabel => ({ key, show: "last" });

const F = "oppdragForm";

function address(prefix: string, withCountry: boolean, legendKey: string): Record<string, FieldLabel> {
  return {
    [prefix]: section(`${F}.${legendKey}`),
    [`${prefix}.adresselinje`]: field(`${F}.adresselinje`),
    [`${prefix}.postnummer`]: field(`${F}.postnummer`),
    [`${prefix}.poststed`]: field(`${F}.poststed`),
    // Without a country choice the form fills in NO itself; the field is still the address's.
    [`${prefix}.landkode`]: withCountry ? field(`${F}.landkode`) : group(`${F}.landkode`),
  };
}

function party(prefix: "oppdragsgiver" | "hovedoppdragsgiver" | "oppdragstaker"): Record<string, FieldLabel> {
  const giver = prefix !== "oppdragstaker";
  return {
    [prefix]: section(`${F}.${prefix}`, "oar_party"),
    [`${prefix}.variant`]: field(`${F}.variant`),
    [`${prefix}.navn`]: field(`${F}.navn`),
    [`${prefix}.organisasjonsnummer`]: field(`${F}.organisasjonsnummer`),
    [`${prefix}.registreringsnummer`]: field(giver ? `${F}.registreringsnummer` : `${F}.registreringsnummerTaker`),
    ...address(`${prefix}.adresseHjemland`, true, "adresseHjemland"),
    ...(giver ? { ...address(`${prefix}.adresseNorge`, false, "adresseNorge") } : {}),
    ...(giver ? { [`${prefix}.kontaktperson`]: field(`${F}.kontaktperson`) } : {}),
  };
}

const OAR_LABELS: Record<string, FieldLabel> = {
  organisationId: field(`${F}.organisation`),
  innsendingstype: field(`${F}.innsendingstype`),
  ...party("oppdragsgiver"),
  oppdragsgiverAvvikBekreftet: field(`${F}.oppdragsgiverAvvikBekreftet`),
  hovedoppdragsgiverErAnnen: field(`${F}.hovedoppdragsgiverErAnnen`),
  ...party("hovedoppdragsgiver"),
  ...party("oppdragstaker"),
  oppdrag: section(`${F}.oppdraget`),
  "oppdrag.beskrivelse": field(`${F}.beskrivelse`),
  "oppdrag.arbeidssted": section(`${F}.arbeidssted`),
  "oppdrag.arbeidssted.type": field(`${F}.arbeidssted`),
  "oppdrag.arbeidssted.adresse": group(`${F}.arbeidssted`),
  "oppdrag.arbeidssted.adresse.adresselinje": field(`${F}.adresselinje`),
  "oppdrag.arbeidssted.adresse.postnummer": field(`${F}.postnummer`),
  "oppdrag.arbeidssted.adresse.poststed": field(`${F}.poststed`),
  "oppdrag.arbeidssted.adresse.landkode": field(`${F}.landkode`),
  "oppdrag.arbeidssted.felt": field(`${F}.felt`),
  "oppdrag.startdato": field(`${F}.startdato`),
  "oppdrag.forventetSluttdato": field(`${F}.forventetSluttdato`),
  "oppdrag.kontraktsverdiNok": field(`${F}.kontraktsverdiNok`),
  vedlegg: list(`${F}.vedlegg`, true),
  "vedlegg.#.type": field(`${F}.vedleggType`),
  "vedlegg.#.referanse": field(`${F}.vedleggReferanse`),
  endringsdato: field(`${F}.endringsdato`),
  arbeidstakere: list(`${F}.arbeidstakere`),
  "arbeidstakere.#": item(`${F}.arbeidstaker`),
  "arbeidstakere.#.navn": field(`${F}.navn`),
  "arbeidstakere.#.identifikasjon": group(`${F}.arbeidstakerIdentifikasjon`),
  "arbeidstakere.#.identifikasjon.variant": field(`${F}.arbeidstakerIdentifikasjon`),
  "arbeidstakere.#.identifikasjon.fodselsnummer": field(`${F}.fodselsnummer`),
  "arbeidstakere.#.identifikasjon.utenlandskIdNummer": field(`${F}.utenlandskIdNummer`),
  "arbeidstakere.#.identifikasjon.fodselsdato": field(`${F}.fodselsdato`),
  "arbeidstakere.#.identifikasjon.landkode": field(`${F}.landkode`),
  "arbeidstakere.#.forsteArbeidsdag": field(`${F}.forsteArbeidsdag`),
  "arbeidstakere.#.sisteArbeidsdag": field(`${F}.sisteArbeidsdag`),
};

const B = "ameldingBuilder";
const PERSON = "oppgave.virksomhet.#.inntektsmottaker.#";
const INNTEKT = `${PERSON}.inntekt.#`;
const AGA = "oppgave.virksomhet.#.arbeidsgiveravgift.loennOgGodtgjoerelse.#";
const PER_DATO = "oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato";

const inntektTypes = Object.fromEntries(
  ["loennsinntekt", "ytelseFraOffentlige", "pensjonEllerTrygd", "naeringsinntekt"].flatMap((type) => [
    [`${INNTEKT}.${type}`, section(`${B}.inntektTypes.${type}`)],
    [`${INNTEKT}.${type}.beskrivelse`, field(`${B}.fields.beskrivelse`)],
  ]),
);

const AMELDING_LABELS: Record<string, FieldLabel> = {
  opplysningspliktig: field(`${B}.fields.opplysningspliktig`),
  "opplysningspliktig.norskIdentifikator": field(`${B}.fields.opplysningspliktig`),
  kalendermaaned: field(`${B}.fields.kalendermaaned`),
  meldingsId: field(`${B}.fields.meldingsId`),
  erstatterMeldingsId: field(`${B}.fields.erstatterMeldingsId`),
  leveringstidspunkt: field(`${B}.fields.leveringstidspunkt`),
  kildesystem: field(`${B}.fields.kildesystem`),
  spraakForTilbakemelding: field(`${B}.fields.spraakForTilbakemelding`),
  oppgave: group(`${B}.melding`),
  "oppgave.pensjonsinnretning": list(`${B}.pensjonsinnretninger`),
  "oppgave.pensjonsinnretning.#": item(`${B}.pensjonsinnretning`),
  "oppgave.pensjonsinnretning.#.identifikator": field(`${B}.fields.identifikator`),
  "oppgave.virksomhet": list(`${B}.virksomheter`),
  "oppgave.virksomhet.#": item(`${B}.virksomhet`, "virksomhet"),
  "oppgave.virksomhet.#.norskIdentifikator": field(`${B}.fields.virksomhetOrgnr`),
  "oppgave.virksomhet.#.inntektsmottaker": list(`${B}.personer`),
  [PERSON]: item(`${B}.person`, "inntektsmottaker"),
  [`${PERSON}.norskIdentifikator`]: field(`${B}.fields.norskIdentifikator`),
  [`${PERSON}.internasjonalIdentifikator`]: list(`${B}.fields.internasjonalIdentifikator`, true),
  [`${PERSON}.internasjonalIdentifikator.#.identifikator`]: field(`${B}.fields.identifikator`),
  [`${PERSON}.internasjonalIdentifikator.#.identifikatortype`]: field(`${B}.fields.identifikatortype`),
  [`${PERSON}.internasjonalIdentifikator.#.land`]: field(`${B}.fields.land`),
  [`${PERSON}.identifiserendeInformasjon`]: group(`${B}.fields.navn`),
  [`${PERSON}.identifiserendeInformasjon.navn`]: field(`${B}.fields.navn`),
  [`${PERSON}.identifiserendeInformasjon.foedselsdato`]: field(`${B}.fields.foedselsdato`),
  [`${PERSON}.identifiserendeInformasjon.ansattnummer`]: field(`${B}.fields.ansattnummer`),
  [`${PERSON}.arbeidsforhold`]: list("fieldLocation.lists.arbeidsforhold"),
  [`${PERSON}.arbeidsforhold.#`]: item(`${B}.arbeidsforhold`),
  ...Object.fromEntries(
    [
      "typeArbeidsforhold",
      "arbeidsforholdId",
      "startdato",
      "sluttdato",
      "yrke",
      "formForAnsettelse",
      "avloenningstype",
      "arbeidstidsordning",
      "stillingsprosent",
      "antallTimerPerUkeSomEnFullStillingTilsvarer",
    ].map((name) => [`${PERSON}.arbeidsforhold.#.${name}`, field(`${B}.fields.${name}`)]),
  ),
  [`${PERSON}.inntekt`]: list("fieldLocation.lists.inntekt"),
  [INNTEKT]: item(`${B}.inntekt`),
  ...inntektTypes,
  [`${INNTEKT}.fordel`]: field(`${B}.fields.fordel`),
  [`${INNTEKT}.beloep`]: field(`${B}.fields.beloep`),
  [`${INNTEKT}.utloeserArbeidsgiveravgift`]: field(`${B}.fields.utloeserArbeidsgiveravgift`),
  [`${INNTEKT}.inngaarIGrunnlagForTrekk`]: field(`${B}.fields.inngaarIGrunnlagForTrekk`),
  [`${PERSON}.forskuddstrekk`]: list("fieldLocation.lists.forskuddstrekk"),
  [`${PERSON}.forskuddstrekk.#`]: item(`${B}.forskuddstrekk`),
  [`${PERSON}.forskuddstrekk.#.beskrivelse`]: field(`${B}.fields.beskrivelse`),
  [`${PERSON}.forskuddstrekk.#.beloep`]: field(`${B}.fields.trekkBeloep`),
  "oppgave.virksomhet.#.arbeidsgiveravgift": section(`${B}.arbeidsgiveravgift`),
  "oppgave.virksomhet.#.arbeidsgiveravgift.loennOgGodtgjoerelse": group(`${B}.arbeidsgiveravgift`),
  [AGA]: item(`${B}.agaLine`),
  [`${AGA}.beregningskodeForArbeidsgiveravgift`]: field(`${B}.fields.beregningskodeForArbeidsgiveravgift`),
  [`${AGA}.sone`]: field(`${B}.fields.sone`),
  [`${AGA}.avgiftsgrunnlagBeloep`]: field(`${B}.fields.avgiftsgrunnlagBeloep`),
  [`${AGA}.prosentsatsForAvgiftsberegning`]: field(`${B}.fields.prosentsatsForAvgiftsberegning`),
  "oppgave.betalingsinformasjon": section(`${B}.betalingsinformasjon`),
  [PER_DATO]: section(`${B}.fields.sumForskuddstrekkPerLoennsutbetalingsdato`),
  [`${PER_DATO}.#`]: item(`${B}.loennsutbetaling`),
  [`${PER_DATO}.#.loennsutbetalingsdato`]: field(`${B}.fields.loennsutbetalingsdato`),
  [`${PER_DATO}.#.beloep`]: field(`${B}.fields.forskuddstrekkBeloep`),
  "oppgave.betalingsinformasjon.sumArbeidsgiveravgift": field(`${B}.fields.sumArbeidsgiveravgift`),
};

export const FIELD_LABELS: Record<ReportKind, Readonly<Record<string, FieldLabel>>> = {
  oar: OAR_LABELS,
  amelding: AMELDING_LABELS,
};

/** "oppgave.virksomhet.0.inntektsmottaker.12.yrke" → "oppgave.virksomhet.#.inntektsmottaker.#.yrke". */
export function patternOf(segments: readonly string[]): string {
  return segments.map((s) => (/^\d+$/.test(s) ? "#" : s)).join(".");
}

/** The entry for a pattern; own properties only, so "constructor" or "__proto__" in a path is just unknown. */
export function fieldLabel(kind: ReportKind, pattern: string): FieldLabel | undefined {
  const table = FIELD_LABELS[kind];
  return Object.hasOwn(table, pattern) ? table[pattern] : undefined;
}
