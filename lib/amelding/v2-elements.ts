/**
 * The element tree of A-melding model v2.3 (XSD namespace `urn:ske:fastsetting:innsamling:a-meldingen:v2_3`),
 * as data: which elements each complex type holds, which of them may repeat, and which carry
 * whole numbers, decimals or booleans. Two readers walk it:
 * - the XML importer, so a repeated element becomes an array even when a file holds only one,
 *   and `012345` in a fødselsnummer stays text while `12345.50` in a `beloep` becomes a number;
 * - the A-melding adapter, which writes each scalar with the JSON type Skatteetaten's published
 *   example uses for it (integers as JSON numbers, decimals as JSON strings).
 *
 * Element names and types follow the information model and Skatteetaten's published JSON
 * example (docs/skatteetaten-contract.md, "A-melding model v2.3" and "JSON types"); xs:date,
 * xs:dateTime and xs:gYearMonth are text, as in the JSON API.
 */

export type ScalarKind = "text" | "integer" | "decimal" | "boolean";
export type ComplexType = { readonly [element: string]: ElementSpec };
export type ElementSpec = { readonly type: ScalarKind | ComplexType; readonly repeats: boolean };

const one = (type: ScalarKind | ComplexType): ElementSpec => ({ type, repeats: false });
const many = (type: ComplexType): ElementSpec => ({ type, repeats: true });

const text = one("text");
const integer = one("integer");
const decimal = one("decimal");
const boolean = one("boolean");

const periode: ComplexType = { startdato: text, sluttdato: text };

const arbeidsgiveravgiftsgrunnlag: ComplexType = {
  beregningskodeForArbeidsgiveravgift: text,
  sone: text,
  avgiftsgrunnlagBeloep: decimal,
  prosentsatsForAvgiftsberegning: decimal,
};

const fradragIGrunnlaget: ComplexType = {
  beregningskodeForArbeidsgiveravgift: text,
  sone: text,
  avgiftsfradragBeloep: decimal,
  prosentsatsForAvgiftsberegning: decimal,
};

const arbeidsgiveravgift: ComplexType = {
  loennOgGodtgjoerelse: many(arbeidsgiveravgiftsgrunnlag),
  tilskuddOgPremieTilPensjon: many(arbeidsgiveravgiftsgrunnlag),
  utenlandskeMedSaerskiltProsentsats: one({ avgiftsgrunnlagBeloep: decimal, prosentsatsForAvgiftsberegning: decimal }),
  utenlandskeMedFastAvgiftsbeloep: one({
    antallAvgiftsgrunnlagPersoner: integer,
    beloepssatsForAvgiftsberegning: decimal,
  }),
  fradragIGrunnlagetForSone: many(fradragIGrunnlaget),
  fradragIGrunnlagetForUtenlandsk: one({ avgiftsfradragBeloep: decimal, prosentsatsForAvgiftsberegning: decimal }),
  samletGrunnlagUnderOpplysningsplikt: integer,
};

const bilOgBaat: ComplexType = {
  antallKilometer: decimal,
  antallReiser: integer,
  heravAntallKilometerMellomHjemOgArbeid: decimal,
  listeprisForBil: decimal,
  bilregistreringsnummer: text,
  erBilpool: boolean,
  erAnnenBil: boolean,
  erBilUtenforStandardregelen: boolean,
  personklassifiseringAvBilbruker: text,
};

const tilleggsinformasjon: ComplexType = {
  bilOgBaat: one(bilOgBaat),
  dagmammaIEgenBolig: one({ antallBarn: integer, antallMaaneder: integer }),
  etterbetalingsperiode: one(periode),
  inntektPaaNorskKontinentalsokkel: one({ tidsrom: one(periode), gjelderLoennFoerste60Dager: boolean }),
  inntjeningsforhold: text,
  livrente: one({ totaltUtbetaltBeloep: decimal }),
  lottOgPart: one({ antallDager: integer }),
  nettoloenn: one({
    oppgrossingstabellnummer: integer,
    bilinformasjon: one(bilOgBaat),
    betaltSkattebeloepIUtlandet: decimal,
  }),
  pensjon: one({
    grunnpensjonsbeloep: decimal,
    tilleggspensjonsbeloep: decimal,
    ufoeregrad: integer,
    // A decimal: the 19 Feb 2026 example sends it as "50" (docs/skatteetaten-contract.md, "JSON types").
    pensjonsgrad: decimal,
    heravEtterlattepensjon: decimal,
    tidsrom: one(periode),
  }),
  reiseKostOgLosji: one({ persontype: text, antallReiser: integer }),
  utenlandskArtist: one({ inntektsaar: text, oppgrossingsgrunnlag: decimal, trukketArtistskatt: integer }),
  bonusFraForsvaret: one({ aaretUtbetalingenGjelderFor: text }),
};

const beskrevetInntekt: ComplexType = { beskrivelse: text, tilleggsinformasjon: one(tilleggsinformasjon) };

const inntekt: ComplexType = {
  skatteOgAvgiftsregel: text,
  startdatoOpptjeningsperiode: text,
  sluttdatoOpptjeningsperiode: text,
  fordel: text,
  utloeserArbeidsgiveravgift: boolean,
  inngaarIGrunnlagForTrekk: boolean,
  beloep: decimal,
  arbeidsforholdId: text,
  loennsinntekt: one({
    ...beskrevetInntekt,
    spesifikasjon: one({
      skattemessigBosattILand: text,
      opptjeningsland: text,
      erOpptjentPaaHjelpefartoey: boolean,
      erOpptjentPaaKontinentalsokkel: boolean,
    }),
    antall: decimal,
  }),
  ytelseFraOffentlige: one(beskrevetInntekt),
  pensjonEllerTrygd: one(beskrevetInntekt),
  naeringsinntekt: one(beskrevetInntekt),
};

const arbeidsforhold: ComplexType = {
  arbeidsforholdId: text,
  typeArbeidsforhold: text,
  startdato: text,
  sluttdato: text,
  antallTimerPerUkeSomEnFullStillingTilsvarer: decimal,
  avloenningstype: text,
  yrke: text,
  arbeidstidsordning: text,
  stillingsprosent: decimal,
  sisteLoennsendringsdato: text,
  loennsansiennitet: text,
  loennstrinn: text,
  fartoey: one({ skipsregister: text, skipstype: text, fartsomraade: text }),
  permisjon: many({
    startdato: text,
    sluttdato: text,
    permisjonsprosent: decimal,
    permisjonId: text,
    beskrivelse: text,
    loennet: boolean,
  }),
  sisteDatoForStillingsprosentendring: text,
  aarsakTilSluttdato: text,
  formForAnsettelse: text,
  permittering: many({
    permitteringId: text,
    varslingsdato: text,
    startdatoPermittering: text,
    sluttdatoPermittering: text,
    sluttdatoLoennsplikt: text,
    permitteringsprosent: decimal,
    permitteringsaarsak: text,
  }),
  moenstringPaaFartoey: many({
    moenstringsperiodeId: text,
    fartoeyId: text,
    paamoenstringsdato: text,
    avmoenstringsdato: text,
    yrkePerMoenstring: many({ yrkeskodePerMoenstring: text, antallTimerPerYrkeskodePerMoenstring: integer }),
  }),
};

const inntektsmottaker: ComplexType = {
  norskIdentifikator: text,
  internasjonalIdentifikator: many({ identifikator: text, identifikatortype: text, land: text }),
  identifiserendeInformasjon: one({ navn: text, foedselsdato: text, ansattnummer: text }),
  arbeidsforhold: many(arbeidsforhold),
  fradrag: many({ beskrivelse: text, beloep: decimal }),
  forskuddstrekk: many({ beskrivelse: text, beloep: integer }),
  inntekt: many(inntekt),
  sjoefolksrelatertInformasjon: one({ antallDoegnOmbord: integer, antallDoegnOmbordUtenDekkedeSmaautgifter: integer }),
  oppholdPaaSvalbardJanMayenOgBilandene: many({
    oppholdsId: text,
    startdato: text,
    sluttdato: text,
    beskrivelse: text,
  }),
  utleggstrekk: many({ beskrivelse: text, beloep: integer, datoForUtleggstrekk: text }),
};

const oppgave: ComplexType = {
  // v2.3 replaced the single sumForskuddstrekk of older 2.x messages with one sum per payment date.
  betalingsinformasjon: one({
    sumArbeidsgiveravgift: integer,
    sumFinansskattLoenn: integer,
    sumUtleggstrekk: integer,
    sumForskuddstrekkPerLoennsutbetalingsdato: many({ loennsutbetalingsdato: text, beloep: integer }),
  }),
  betalingsinformasjonForForenkletOrdning: many({
    sumForskuddstrekk: integer,
    sumArbeidsgiveravgift: integer,
    loennsutbetalingsdato: text,
  }),
  annenBagatellmessigStoette: decimal,
  virksomhet: many({
    norskIdentifikator: text,
    inntektsmottaker: many(inntektsmottaker),
    arbeidsgiveravgift: one(arbeidsgiveravgift),
  }),
  pensjonsinnretning: many({ identifikator: text }),
};

/** The `Leveranse` element under the root `melding`; its JSON counterpart is `leveranse`. */
export const LEVERANSE: ComplexType = {
  leveringstidspunkt: text,
  kalendermaaned: text,
  kildesystem: text,
  erstatterMeldingsId: text,
  meldingsId: text,
  opplysningspliktig: one({ norskIdentifikator: text }),
  oppgave: one(oppgave),
  spraakForTilbakemelding: text,
};
