import { randomUUID } from "node:crypto";
import { XMLBuilder } from "fast-xml-parser";

/*
 * Synthetic A-meldinger for import tests (unit and Playwright): valid Tenor-style test numbers
 * (month + 80, never a real person), valid codes, sums that add up. Relative imports only, so
 * Playwright can load this file too.
 */

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: string, weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const d = (11 - (sum % 11)) % 11;
  return d === 10 ? null : d;
}

/** The `n`th synthetic fødselsnummer (Tenor: month + 80), born in 1960–1999; distinct for distinct `n`. */
export function syntheticFodselsnummer(n: number): string {
  const day = String((n % 28) + 1).padStart(2, "0");
  const month = String(((Math.floor(n / 28) % 12) + 1 + 80)).padStart(2, "0");
  const year = String(60 + (Math.floor(n / 336) % 40)).padStart(2, "0");
  // Individual numbers 000–499 are people born 1900–1999; try from a spread start until both checks work.
  for (let i = 0; i < 500; i++) {
    const individual = String((Math.floor(n / 13440) * 37 + i) % 500).padStart(3, "0");
    const nine = `${day}${month}${year}${individual}`;
    const k1 = checkDigit(nine, K1);
    if (k1 === null) continue;
    const k2 = checkDigit(`${nine}${k1}`, K2);
    if (k2 === null) continue;
    return `${nine}${k1}${k2}`;
  }
  throw new Error(`no synthetic fødselsnummer for ${n}`);
}

export type SyntheticLeveranseOptions = {
  opplysningspliktig: string;
  virksomhet: string;
  kalendermaaned: string;
  persons?: number;
  meldingsId?: string;
};

/** A complete leveranse (the value of the JSON's `leveranse`), `persons` people at one virksomhet. */
export function syntheticLeveranse(options: SyntheticLeveranseOptions) {
  const persons = Array.from({ length: options.persons ?? 3 }, (_, i) => {
    const fnr = syntheticFodselsnummer(i);
    const loenn = 40000 + i * 1000;
    return {
      norskIdentifikator: fnr,
      identifiserendeInformasjon: { navn: `Testperson ${i + 1}` },
      arbeidsforhold: [
        {
          arbeidsforholdId: `AF-${i + 1}`,
          typeArbeidsforhold: "ordinaertArbeidsforhold",
          startdato: "2020-01-01",
          antallTimerPerUkeSomEnFullStillingTilsvarer: 37.5,
          avloenningstype: "fast",
          yrke: "2512101",
          arbeidstidsordning: "ikkeSkift",
          stillingsprosent: 100,
        },
      ],
      inntekt: [
        {
          fordel: "kontantytelse",
          utloeserArbeidsgiveravgift: true,
          inngaarIGrunnlagForTrekk: true,
          beloep: loenn,
          loennsinntekt: { beskrivelse: "fastloenn" },
        },
      ],
      forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -Math.round(loenn * 0.3) }],
    };
  });
  const grunnlag = persons.reduce((sum, p) => sum + p.inntekt[0]!.beloep, 0);
  const trekk = persons.reduce((sum, p) => sum + p.forskuddstrekk[0]!.beloep, 0);
  return {
    leveringstidspunkt: `${options.kalendermaaned}-28T10:00:00Z`,
    kalendermaaned: options.kalendermaaned,
    kildesystem: "innrapportering-test",
    meldingsId: options.meldingsId ?? `test-${randomUUID()}`,
    opplysningspliktig: { norskIdentifikator: options.opplysningspliktig },
    oppgave: {
      betalingsinformasjon: { sumForskuddstrekk: trekk, sumArbeidsgiveravgift: Math.round(grunnlag * 0.141) },
      virksomhet: [
        {
          norskIdentifikator: options.virksomhet,
          inntektsmottaker: persons,
          arbeidsgiveravgift: {
            loennOgGodtgjoerelse: [
              { beregningskodeForArbeidsgiveravgift: "generelleNaeringer", sone: "1", avgiftsgrunnlagBeloep: grunnlag, prosentsatsForAvgiftsberegning: 14.1 },
            ],
          },
        },
      ],
    },
  };
}

function prefixed(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => prefixed(v, prefix));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [`${prefix}:${k}`, prefixed(v, prefix)]));
  }
  return value;
}

/** The same leveranse as an XSD v2.3 XML file, the way older payroll systems write it (prefixed namespace). */
export function leveranseToXml(leveranse: object, version = "v2_3"): string {
  const body = new XMLBuilder({ format: true, ignoreAttributes: false, attributeNamePrefix: "@_" }).build({
    "ns2:melding": {
      "@_xmlns:ns2": `urn:ske:fastsetting:innsamling:a-meldingen:${version}`,
      "ns2:Leveranse": prefixed(leveranse, "ns2"),
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
