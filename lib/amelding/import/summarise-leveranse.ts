import type { Leveranse } from "@/lib/amelding/leveranse-schema";
import { checkBetalingsinformasjon, type SumMismatch, statedSum } from "@/lib/amelding/sums";

export type LeveranseSummary = {
  kalendermaaned: string;
  opplysningspliktig: string;
  meldingsId: string;
  erstatterMeldingsId: string | null;
  kildesystem: string;
  virksomheter: { orgnr: string; persons: number }[];
  persons: number;
  /** Σ inntekt beloep over every person. */
  sumInntekt: number;
  /** Σ forskuddstrekk beloep over every person (negative). */
  sumForskuddstrekk: number;
  /** Σ avgiftsgrunnlagBeloep of loennOgGodtgjoerelse over every virksomhet. */
  sumAvgiftsgrunnlag: number;
  /** As reported in betalingsinformasjon, if the file has it (forskuddstrekk: Σ over the payment dates). */
  reportedSumForskuddstrekk: number | null;
  reportedSumArbeidsgiveravgift: number | null;
  /** Sums in betalingsinformasjon that disagree with the lines: shown, not refused (lib/amelding/sums.ts). */
  sumWarnings: SumMismatch[];
};

/** Sums in øre as integers, so 10 000 lines of 0.1 add up to exactly 1000. */
function addKroner(total: number, value: number | undefined) {
  return total + Math.round((value ?? 0) * 100);
}

/** What the user checks before saving or sending an imported A-melding. */
export function summariseLeveranse(leveranse: Leveranse): LeveranseSummary {
  let persons = 0;
  let inntekt = 0;
  let forskuddstrekk = 0;
  let grunnlag = 0;
  const virksomheter = leveranse.oppgave.virksomhet.map((v) => {
    persons += v.inntektsmottaker.length;
    for (const person of v.inntektsmottaker) {
      for (const line of person.inntekt ?? []) inntekt = addKroner(inntekt, line.beloep);
      for (const line of person.forskuddstrekk ?? []) forskuddstrekk = addKroner(forskuddstrekk, line.beloep);
    }
    for (const line of v.arbeidsgiveravgift?.loennOgGodtgjoerelse ?? [])
      grunnlag = addKroner(grunnlag, line.avgiftsgrunnlagBeloep);
    return { orgnr: v.norskIdentifikator, persons: v.inntektsmottaker.length };
  });
  const betaling = leveranse.oppgave.betalingsinformasjon;
  return {
    kalendermaaned: leveranse.kalendermaaned,
    opplysningspliktig: leveranse.opplysningspliktig.norskIdentifikator,
    meldingsId: leveranse.meldingsId,
    erstatterMeldingsId: leveranse.erstatterMeldingsId ?? null,
    kildesystem: leveranse.kildesystem,
    virksomheter,
    persons,
    sumInntekt: inntekt / 100,
    sumForskuddstrekk: forskuddstrekk / 100,
    sumAvgiftsgrunnlag: grunnlag / 100,
    reportedSumForskuddstrekk: statedSum(betaling ?? {}, "sumForskuddstrekkPerLoennsutbetalingsdato") ?? null,
    reportedSumArbeidsgiveravgift: betaling?.sumArbeidsgiveravgift ?? null,
    sumWarnings: checkBetalingsinformasjon(leveranse.oppgave),
  };
}
