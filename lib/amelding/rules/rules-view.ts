import { parseDecimal } from "@/lib/validation/decimal";

/*
 * What the control rules read of an A-melding, taken defensively from any leveranse-shaped value:
 * a parsed payload, an imported file or the builder's form values (amounts as typed text). Rules
 * run on this view rather than on the schema's output so the builder can show them while other
 * fields are still incomplete, and so a rule can see what the schema refuses (a positive
 * forskuddstrekk). Unknown or malformed parts are skipped, never thrown on.
 */

export type ViewPermisjon = { index: number; permisjonId: string; startdato: string; sluttdato: string };
export type ViewArbeidsforhold = {
  index: number;
  typeArbeidsforhold: string;
  arbeidsforholdId: string;
  startdato: string;
  sluttdato: string;
  formForAnsettelse: string;
  permisjon: ViewPermisjon[];
};
export type ViewPerson = {
  /** Dotted model path of the person, e.g. `oppgave.virksomhet.0.inntektsmottaker.2`. */
  path: string;
  virksomhet: string;
  /** Fødselsnummer/d-nummer, else the first foreign id: what matches the person from month to month. */
  id: string;
  name: string;
  arbeidsforhold: ViewArbeidsforhold[];
  inntekt: { index: number; loennsinntektBeskrivelse: string; beloep: number | null }[];
  forskuddstrekk: { index: number; beloep: number | null }[];
};
export type RulesView = { kalendermaaned: string; virksomheter: string[]; persons: ViewPerson[] };

const MAX_ITEMS = 100_000;

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.slice(0, MAX_ITEMS).map(record) : [];
}
function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
function amount(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return typeof value === "string" ? parseDecimal(value) : null;
}

/** Reads the view; `leveranse` may be wrapped as `{ leveranse: … }` (the wire JSON's root). */
export function readRulesView(input: unknown): RulesView {
  const root = record(input);
  const leveranse = "leveranse" in root && !("oppgave" in root) ? record(root.leveranse) : root;
  const virksomheter = list(record(leveranse.oppgave).virksomhet);
  const persons: ViewPerson[] = [];
  virksomheter.forEach((v, vi) => {
    const orgnr = text(v.norskIdentifikator).replace(/\s+/g, "");
    list(v.inntektsmottaker).forEach((p, pi) => {
      const foreign = text(list(p.internasjonalIdentifikator)[0]?.identifikator);
      persons.push({
        path: `oppgave.virksomhet.${vi}.inntektsmottaker.${pi}`,
        virksomhet: orgnr,
        id: text(p.norskIdentifikator).replace(/\s+/g, "") || foreign,
        name: text(record(p.identifiserendeInformasjon).navn),
        arbeidsforhold: list(p.arbeidsforhold).map((a, index) => ({
          index,
          typeArbeidsforhold: text(a.typeArbeidsforhold),
          arbeidsforholdId: text(a.arbeidsforholdId),
          startdato: text(a.startdato),
          sluttdato: text(a.sluttdato),
          formForAnsettelse: text(a.formForAnsettelse),
          permisjon: list(a.permisjon).map((l, li) => ({
            index: li,
            permisjonId: text(l.permisjonId),
            startdato: text(l.startdato),
            sluttdato: text(l.sluttdato),
          })),
        })),
        inntekt: list(p.inntekt).map((line, index) => ({
          index,
          loennsinntektBeskrivelse: text(record(line.loennsinntekt).beskrivelse),
          beloep: amount(line.beloep),
        })),
        forskuddstrekk: list(p.forskuddstrekk).map((line, index) => ({ index, beloep: amount(line.beloep) })),
      });
    });
  });
  return {
    kalendermaaned: text(leveranse.kalendermaaned),
    virksomheter: virksomheter.map((v) => text(v.norskIdentifikator).replace(/\s+/g, "")),
    persons,
  };
}
