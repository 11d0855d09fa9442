import { randomUUID } from "node:crypto";
import type { Leveranse } from "@/lib/amelding/leveranse-schema";
import { computeSums } from "@/lib/amelding/sums";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";

export { syntheticFodselsnummer };

/** A small seeded generator (mulberry32), so a failing test or benchmark can be reproduced. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ["Kari", "Ola", "Ingrid", "Lars", "Sofie", "Jonas", "Nora", "Emil", "Maja", "Henrik"];
const FAMILY = ["Testesen", "Prøvestad", "Syntetisk", "Eksempelsen", "Fiktivdal"];

/**
 * A valid synthetic leveranse (model v2.3, our model: amounts as numbers) for `orgnr` with one
 * virksomhet and `persons` inntektsmottakere, each with an ordinary employment, a fixed salary,
 * a forskuddstrekk, and betalingsinformasjon that agrees with the lines (all salaries paid on the 20th).
 */
export function generateLeveranse(options: {
  opplysningspliktig: string;
  virksomhet: string;
  persons: number;
  kalendermaaned?: string;
  seed?: number;
}): Leveranse {
  const random = seededRandom(options.seed ?? 1);
  const month = options.kalendermaaned ?? "2026-10";
  const used = new Set<string>();
  let grunnlag = 0;
  const inntektsmottaker = Array.from({ length: options.persons }, (_, i) => {
    let fnr = syntheticFodselsnummer(random);
    while (used.has(fnr)) fnr = syntheticFodselsnummer(random);
    used.add(fnr);
    const salary = 30_000 + Math.floor(random() * 4_000_000) / 100;
    grunnlag += Math.round(salary * 100);
    return {
      norskIdentifikator: fnr,
      identifiserendeInformasjon: {
        navn: `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`,
        ansattnummer: String(1000 + i),
      },
      arbeidsforhold: [
        {
          typeArbeidsforhold: "ordinaertArbeidsforhold",
          arbeidsforholdId: `AF-${i + 1}`,
          startdato: "2020-01-01",
          antallTimerPerUkeSomEnFullStillingTilsvarer: 37.5,
          yrke: "2511101",
          arbeidstidsordning: "ikkeSkift",
          stillingsprosent: 100,
          formForAnsettelse: "fast",
        },
      ],
      inntekt: [
        {
          fordel: "kontantytelse",
          utloeserArbeidsgiveravgift: true,
          inngaarIGrunnlagForTrekk: true,
          beloep: salary,
          loennsinntekt: { beskrivelse: "fastloenn" },
        },
      ],
      forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -Math.round(salary * 0.3) }],
    };
  });
  const oppgave = {
    virksomhet: [
      {
        norskIdentifikator: options.virksomhet,
        inntektsmottaker,
        arbeidsgiveravgift: {
          loennOgGodtgjoerelse: [
            {
              beregningskodeForArbeidsgiveravgift: "generelleNaeringer",
              sone: "1",
              avgiftsgrunnlagBeloep: grunnlag / 100,
              prosentsatsForAvgiftsberegning: 14.1,
            },
          ],
        },
      },
    ],
  };
  const sums = computeSums(oppgave);
  return {
    leveringstidspunkt: `${month}-28T10:00:00Z`,
    kalendermaaned: month,
    kildesystem: "Innrapportering",
    meldingsId: randomUUID(),
    opplysningspliktig: { norskIdentifikator: options.opplysningspliktig },
    oppgave: {
      betalingsinformasjon: {
        sumForskuddstrekkPerLoennsutbetalingsdato: [
          { loennsutbetalingsdato: `${month}-20`, beloep: sums.sumForskuddstrekkPerLoennsutbetalingsdato },
        ],
        sumArbeidsgiveravgift: sums.sumArbeidsgiveravgift,
      },
      ...oppgave,
    },
    spraakForTilbakemelding: "bokmaal",
  };
}
