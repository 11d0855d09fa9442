import arbeidstidsordning from "./code-lists/arbeidstidsordning.json";
import avloenningstype from "./code-lists/avloenningstype.json";
import beregningskode from "./code-lists/beregningskode-arbeidsgiveravgift.json";
import fordel from "./code-lists/fordel.json";
import formForAnsettelse from "./code-lists/form-for-ansettelse.json";
import forskuddstrekkBeskrivelse from "./code-lists/forskuddstrekk-beskrivelse.json";
import identifikatortype from "./code-lists/identifikatortype.json";
import loennsinntektBeskrivelse from "./code-lists/loennsinntekt-beskrivelse.json";
import sone from "./code-lists/sone.json";
import spraak from "./code-lists/spraak-for-tilbakemelding.json";
import typeArbeidsforhold from "./code-lists/type-arbeidsforhold.json";

/**
 * The A-melding code lists are data (the official kodelister are not published where we can
 * reach them; docs/skatteetaten-contract.md), so each lives in a JSON file that can be swapped for Skatteetaten's
 * list without touching code. Labels are in the file, per locale.
 */
export type CodeListEntry = { code: string; nb: string; en: string };
export type CodeList<E extends CodeListEntry = CodeListEntry> = { source: string; codes: E[] };
export type SoneEntry = CodeListEntry & { rate: number };

export const CODE_LISTS = {
  arbeidstidsordning,
  avloenningstype,
  beregningskodeForArbeidsgiveravgift: beregningskode,
  fordel,
  formForAnsettelse,
  forskuddstrekkBeskrivelse,
  identifikatortype,
  loennsinntektBeskrivelse,
  sone: sone as CodeList<SoneEntry>,
  spraakForTilbakemelding: spraak,
  typeArbeidsforhold,
} satisfies Record<string, CodeList>;

export type CodeListName = keyof typeof CODE_LISTS;

const codeSets = new Map<CodeListName, ReadonlySet<string>>();

/** Whether `value` is a code in the named list (a Set, so checking 10 000 lines stays cheap). */
export function isCode(list: CodeListName, value: string): boolean {
  let set = codeSets.get(list);
  if (!set) {
    set = new Set(CODE_LISTS[list].codes.map((c) => c.code));
    codeSets.set(list, set);
  }
  return set.has(value);
}

/** Options for a select, labelled in the given locale. */
export function codeOptions(list: CodeListName, locale: string): { value: string; label: string }[] {
  return CODE_LISTS[list].codes.map((c) => ({ value: c.code, label: locale === "en" ? c.en : c.nb }));
}

/** The ordinary arbeidsgiveravgift rate (percent) of a zone, or undefined for an unknown zone. */
export function soneRate(code: string): number | undefined {
  return CODE_LISTS.sone.codes.find((c) => c.code === code)?.rate;
}
