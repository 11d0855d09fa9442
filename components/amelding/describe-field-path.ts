/** Items of a repeated part, by the list key in the model path → the builder's legend for one item. */
const ITEM_LEGENDS: Record<string, string> = {
  virksomhet: "virksomhet",
  inntektsmottaker: "person",
  arbeidsforhold: "arbeidsforhold",
  inntekt: "inntekt",
  forskuddstrekk: "forskuddstrekk",
  loennOgGodtgjoerelse: "agaLine",
  sumForskuddstrekkPerLoennsutbetalingsdato: "loennsutbetaling",
  pensjonsinnretning: "pensjonsinnretning",
};

/** norskIdentifikator means three things; its label depends on whose it is. */
const NORSK_IDENTIFIKATOR_OF: Record<string, string> = {
  opplysningspliktig: "opplysningspliktig",
  virksomhet: "virksomhetOrgnr",
  inntektsmottaker: "norskIdentifikator",
};

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/**
 * A readable name for a model path, for the error summary and the `?felt=` notice:
 * "oppgave.virksomhet.0.inntektsmottaker.1.inntekt.0.beloep" → "Virksomhet 1 – Inntektsmottaker 2 – Inntekt 1 – Beløp".
 */
export function describeFieldPath(path: string, t: Translate): string {
  const segments = path.split(".");
  const parts: string[] = [];
  let owner = "";
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i];
    if (key === undefined) break;
    const next = segments[i + 1];
    const legend = ITEM_LEGENDS[key];
    if (next !== undefined && /^\d+$/.test(next) && legend) {
      parts.push(t(legend, { n: Number(next) + 1 }));
      owner = key;
      i++;
      continue;
    }
    if (key === "opplysningspliktig") owner = key;
    if (i === segments.length - 1 && !/^\d+$/.test(key)) {
      const labelKey = key === "norskIdentifikator" ? (NORSK_IDENTIFIKATOR_OF[owner] ?? key) : key;
      parts.push(t.has(`fields.${labelKey}`) ? t(`fields.${labelKey}`) : labelKey);
    }
  }
  return parts.join(" – ");
}
