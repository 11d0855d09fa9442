import "server-only";
import { isJsonObject, type JsonObject, pointer, type ShapeCheck } from "./shape-check";

/*
 * The JSON type of every field of Skatteetaten's published A-melding example
 * (docs/api/innrapportering-amelding-filopplasting.md, version of 19 Feb 2026), which the sandbox
 * insists on (docs/skatteetaten-contract.md, "JSON types"):
 * - whole kroner are JSON integers (both published versions agree);
 * - decimals are JSON strings holding a decimal ("23989.5"): the 19 Feb version. The 17 Feb
 *   version sent numbers; where the contract is unknown the sandbox accepts one choice only,
 *   the latest published;
 * - flags are JSON booleans, identifiers, codes and dates JSON strings, lists JSON arrays.
 * Fields the example does not show are not type-checked. Kept here, in the sandbox's own words,
 * not taken from our adapters, so the sandbox can catch an adapter that gets them wrong.
 */

type FieldType = "integer" | "decimalString" | "boolean" | "string" | "array";

/** `beloep` is whole kroner under these lists and a decimal elsewhere (inntekt, fradrag). */
const INTEGER_BELOEP_IN = new Set(["sumForskuddstrekkPerLoennsutbetalingsdato", "forskuddstrekk", "utleggstrekk"]);

const FIELD_TYPES: Record<string, FieldType> = {
  sumArbeidsgiveravgift: "integer",
  sumFinansskattLoenn: "integer",
  sumUtleggstrekk: "integer",
  avgiftsgrunnlagBeloep: "decimalString",
  prosentsatsForAvgiftsberegning: "decimalString",
  stillingsprosent: "decimalString",
  antallTimerPerUkeSomEnFullStillingTilsvarer: "decimalString",
  pensjonsgrad: "decimalString",
  utloeserArbeidsgiveravgift: "boolean",
  inngaarIGrunnlagForTrekk: "boolean",
  kildesystem: "string",
  meldingsId: "string",
  leveringstidspunkt: "string",
  kalendermaaned: "string",
  spraakForTilbakemelding: "string",
  norskIdentifikator: "string",
  identifikator: "string",
  loennsutbetalingsdato: "string",
  arbeidsforholdId: "string",
  typeArbeidsforhold: "string",
  startdato: "string",
  sluttdato: "string",
  yrke: "string",
  arbeidstidsordning: "string",
  sisteLoennsendringsdato: "string",
  loennsansiennitet: "string",
  sisteDatoForStillingsprosentendring: "string",
  loennstrinn: "string",
  aarsakTilSluttdato: "string",
  formForAnsettelse: "string",
  beskrivelse: "string",
  skatteOgAvgiftsregel: "string",
  fordel: "string",
  inntjeningsforhold: "string",
  opptjeningsland: "string",
  beregningskodeForArbeidsgiveravgift: "string",
  sone: "string",
  sumForskuddstrekkPerLoennsutbetalingsdato: "array",
  virksomhet: "array",
  inntektsmottaker: "array",
  arbeidsforhold: "array",
  fradrag: "array",
  forskuddstrekk: "array",
  inntekt: "array",
  utleggstrekk: "array",
  loennOgGodtgjoerelse: "array",
  pensjonsinnretning: "array",
};

/** xs:decimal's lexical form. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Deeper than any A-melding goes; a body nested deeper is refused rather than walked. */
const MAX_DEPTH = 32;

const MESSAGES: Record<FieldType, string> = {
  integer: "Feltet må være et heltall (JSON-tall), f.eks. 34605",
  decimalString: 'Feltet må være et desimaltall som tekst, f.eks. "23989.5"',
  boolean: "Feltet må være true eller false",
  string: "Feltet må være en tekst",
  array: "Feltet må være en liste",
};

function typeOf(key: string, parentList: string | null): FieldType | undefined {
  if (key === "beloep") return parentList && INTEGER_BELOEP_IN.has(parentList) ? "integer" : "decimalString";
  return FIELD_TYPES[key];
}

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "decimalString":
      return typeof value === "string" && DECIMAL.test(value);
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "array":
      return Array.isArray(value);
  }
}

/** Reports every field of the leveranse whose JSON type differs from the published example's. */
export function checkAmeldingJsonTypes(c: ShapeCheck, leveranse: JsonObject) {
  const walk = (node: JsonObject, at: string, parentList: string | null, depth: number) => {
    if (depth > MAX_DEPTH) return c.report(at, null, "Innholdet er for dypt nestet");
    for (const [key, value] of Object.entries(node)) {
      if (value === null || value === undefined) continue;
      const here = pointer(at, key);
      const type = typeOf(key, parentList);
      if (type && !fits(value, type)) {
        c.report(here, value, MESSAGES[type]);
        continue;
      }
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isJsonObject(item)) walk(item, pointer(here, i), key, depth + 1);
        });
      } else if (isJsonObject(value)) {
        walk(value, here, parentList, depth + 1);
      }
    }
  };
  walk(leveranse, "/leveranse", null, 0);
}
