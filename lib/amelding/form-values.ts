import { soneRate } from "./code-lists";
import type { InntektType } from "./leveranse-schema";

/**
 * The builder's state is the leveranse itself, in the wire shape, with what the user typed as
 * text ("40 000,50"); the shared schema turns it into the model. These helpers read and change
 * it by the same dotted paths zod reports and the field ids use (`field-<path>`).
 */
export type FormValues = Record<string, unknown>;

function segments(path: string): (string | number)[] {
  return path === "" ? [] : path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function getAt(values: unknown, path: string): unknown {
  let node = values;
  for (const key of segments(path)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `node` with `update` applied at the path; only the nodes along the path are copied. */
function updateAt(node: unknown, keys: (string | number)[], update: (old: unknown) => unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return update(node);
  if (typeof key === "number") {
    const list = Array.isArray(node) ? [...node] : [];
    list[key] = updateAt(list[key], rest, update);
    return list;
  }
  const obj = node && typeof node === "object" && !Array.isArray(node) ? { ...(node as Record<string, unknown>) } : {};
  const next = updateAt(obj[key], rest, update);
  if (next === undefined) delete obj[key];
  else obj[key] = next;
  return obj;
}

export function setAt(values: FormValues, path: string, value: unknown): FormValues {
  return updateAt(values, segments(path), () => value) as FormValues;
}

export function appendAt(values: FormValues, listPath: string, item: unknown): FormValues {
  return updateAt(values, segments(listPath), (old) => [...(Array.isArray(old) ? old : []), item]) as FormValues;
}

/** Removes one item; an optional list left empty is removed too, so the wire never carries `[]` for it. */
export function removeAt(values: FormValues, listPath: string, index: number, keepEmpty = false): FormValues {
  return updateAt(values, segments(listPath), (old) => {
    const list = (Array.isArray(old) ? old : []).filter((_, i) => i !== index);
    return list.length === 0 && !keepEmpty ? undefined : list;
  }) as FormValues;
}

export function listAt(values: unknown, path: string): unknown[] {
  const node = getAt(values, path);
  return Array.isArray(node) ? node : [];
}

/** Shown in an input: numbers and booleans as text, absent as "". */
export function textAt(values: unknown, path: string): string {
  const node = getAt(values, path);
  return node === undefined || node === null || typeof node === "object" ? "" : String(node);
}

export const newVirksomhet = () => ({ norskIdentifikator: "", inntektsmottaker: [] });
export const newInntektsmottaker = () => ({
  norskIdentifikator: "",
  identifiserendeInformasjon: { navn: "", foedselsdato: "", ansattnummer: "" },
});
export const newInternasjonalIdentifikator = () => ({ identifikator: "", identifikatortype: "passnummer", land: "" });
export const newArbeidsforhold = () => ({
  typeArbeidsforhold: "ordinaertArbeidsforhold",
  arbeidsforholdId: "",
  startdato: "",
  sluttdato: "",
  antallTimerPerUkeSomEnFullStillingTilsvarer: "37.5",
  yrke: "",
  arbeidstidsordning: "ikkeSkift",
  stillingsprosent: "100",
  formForAnsettelse: "fast",
});
export const newInntekt = () => ({
  fordel: "kontantytelse",
  utloeserArbeidsgiveravgift: "true",
  inngaarIGrunnlagForTrekk: "true",
  beloep: "",
  loennsinntekt: { beskrivelse: "fastloenn" },
});
export const newForskuddstrekk = () => ({ beskrivelse: "ordinaert", beloep: "" });
export const newForskuddstrekkForDato = (beloep = "") => ({ loennsutbetalingsdato: "", beloep });
export const newPensjonsinnretning = () => ({ identifikator: "" });
export const newLoennOgGodtgjoerelse = (sone = "1") => ({
  beregningskodeForArbeidsgiveravgift: "generelleNaeringer",
  sone,
  avgiftsgrunnlagBeloep: "",
  prosentsatsForAvgiftsberegning: String(soneRate(sone) ?? ""),
});

/** Switches an inntektsmottaker between a Norwegian id and foreign ids, dropping the other. */
export function withIdentifierKind(
  person: Record<string, unknown>,
  kind: "norsk" | "internasjonal",
): Record<string, unknown> {
  const { norskIdentifikator: _n, internasjonalIdentifikator: _i, ...rest } = person;
  return kind === "norsk"
    ? { norskIdentifikator: "", ...rest }
    : { internasjonalIdentifikator: [newInternasjonalIdentifikator()], ...rest };
}

export function identifierKind(person: unknown): "norsk" | "internasjonal" {
  return getAt(person, "internasjonalIdentifikator") !== undefined ? "internasjonal" : "norsk";
}

const INNTEKT_TYPE_ORDER: InntektType[] = [
  "loennsinntekt",
  "ytelseFraOffentlige",
  "pensjonEllerTrygd",
  "naeringsinntekt",
];

export function inntektType(line: unknown): InntektType {
  return INNTEKT_TYPE_ORDER.find((t) => getAt(line, t) !== undefined) ?? "loennsinntekt";
}

/** Moves an inntekt line to another kind of income; the beskrivelse starts empty (codes differ per kind). */
export function withInntektType(line: Record<string, unknown>, type: InntektType): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(line).filter(([k]) => !(INNTEKT_TYPE_ORDER as string[]).includes(k)));
  return { ...rest, [type]: { beskrivelse: "" } };
}

export function blankLeveranse(options: {
  meldingsId: string;
  opplysningspliktig: string;
  kalendermaaned: string;
}): FormValues {
  return {
    kalendermaaned: options.kalendermaaned,
    kildesystem: KILDESYSTEM,
    meldingsId: options.meldingsId,
    opplysningspliktig: { norskIdentifikator: options.opplysningspliktig },
    oppgave: {
      betalingsinformasjon: { sumForskuddstrekkPerLoennsutbetalingsdato: [], sumArbeidsgiveravgift: "" },
      virksomhet: [newVirksomhet()],
    },
    spraakForTilbakemelding: "bokmaal",
  };
}

/** What this product calls itself in kildesystem. */
export const KILDESYSTEM = "Innrapportering";
