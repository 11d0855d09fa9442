/*
 * Sums in betalingsinformasjon, computed from the lines of the leveranse.
 *
 * sumForskuddstrekk: the sum of every forskuddstrekk beloep (negative whole kroner, so exact).
 *
 * sumArbeidsgiveravgift: per virksomhet, Σ avgiftsgrunnlagBeloep × prosentsatsForAvgiftsberegning / 100
 * over its loennOgGodtgjoerelse lines, computed exactly (øre × hundredths of a percent, as
 * integers) and rounded once per virksomhet to whole kroner, halves away from zero; the total is
 * the sum of those whole-krone amounts. Skatteetaten reports arbeidsgiveravgift per virksomhet
 * in whole kroner; its exact rounding rule is not published where we can read it [open], so this
 * is the one place to change if it differs.
 */

import { isAcceptableAmount, parseDecimal } from "@/lib/validation/decimal";

type Amount = number | string | undefined;
type LinesOfOppgave = {
  virksomhet?: {
    inntektsmottaker?: { forskuddstrekk?: { beloep?: Amount }[] }[];
    arbeidsgiveravgift?: { loennOgGodtgjoerelse?: { avgiftsgrunnlagBeloep?: Amount; prosentsatsForAvgiftsberegning?: Amount }[] };
  }[];
};
type BetalingsinformasjonLike = { sumForskuddstrekk?: Amount; sumArbeidsgiveravgift?: Amount };

export type ComputedSums = { sumForskuddstrekk: number; sumArbeidsgiveravgift: number; arbeidsgiveravgiftPerVirksomhet: number[] };

/** Reads form text ("40 000,50") as the schema does, so the builder can show live sums while the user types. */
function toHundredths(value: Amount): bigint | null {
  if (value === undefined || value === "") return null;
  const n = typeof value === "number" ? (isAcceptableAmount(value) ? value : null) : parseDecimal(value);
  return n === null ? null : BigInt(Math.round(n * 100));
}

/** n / d rounded to the nearest integer, halves away from zero (BigInt division truncates). */
function divideRounded(n: bigint, d: bigint): bigint {
  const sign = n < 0n ? -1n : 1n;
  const abs = n * sign;
  return sign * ((abs + d / 2n) / d);
}

export function arbeidsgiveravgiftForVirksomhet(lines: { avgiftsgrunnlagBeloep?: Amount; prosentsatsForAvgiftsberegning?: Amount }[]): number {
  let total = 0n; // øre × hundredths of a percent
  for (const line of lines) {
    const grunnlag = toHundredths(line.avgiftsgrunnlagBeloep);
    const rate = toHundredths(line.prosentsatsForAvgiftsberegning);
    if (grunnlag !== null && rate !== null) total += grunnlag * rate;
  }
  // kroner = øre/100 × (rate/100)/100  →  divide by 100 × 100 × 100
  return Number(divideRounded(total, 1_000_000n));
}

export function computeSums(oppgave: LinesOfOppgave): ComputedSums {
  let forskuddstrekk = 0n;
  const perVirksomhet: number[] = [];
  for (const v of oppgave.virksomhet ?? []) {
    for (const person of v.inntektsmottaker ?? []) {
      for (const trekk of person.forskuddstrekk ?? []) forskuddstrekk += toHundredths(trekk.beloep) ?? 0n;
    }
    perVirksomhet.push(arbeidsgiveravgiftForVirksomhet(v.arbeidsgiveravgift?.loennOgGodtgjoerelse ?? []));
  }
  return {
    sumForskuddstrekk: Number(forskuddstrekk) / 100,
    sumArbeidsgiveravgift: perVirksomhet.reduce((a, b) => a + b, 0),
    arbeidsgiveravgiftPerVirksomhet: perVirksomhet,
  };
}

export type SumField = "sumForskuddstrekk" | "sumArbeidsgiveravgift";
export type SumMismatch = {
  field: SumField;
  /** What the lines add up to. */
  expected: number;
  /** What betalingsinformasjon says; undefined when the sum is missing. */
  actual: number | undefined;
  key: "sumMismatch" | "sumMissing";
};

/**
 * Where betalingsinformasjon disagrees with the lines. A sum may be left out when the lines add
 * up to 0 (nothing to pay); otherwise it must be given and equal to the computed value.
 */
export function checkBetalingsinformasjon(oppgave: LinesOfOppgave & { betalingsinformasjon?: BetalingsinformasjonLike }): SumMismatch[] {
  const computed = computeSums(oppgave);
  const given = oppgave.betalingsinformasjon ?? {};
  const out: SumMismatch[] = [];
  for (const field of ["sumForskuddstrekk", "sumArbeidsgiveravgift"] as const) {
    const raw = toHundredths(given[field]);
    const actual = raw === null ? undefined : Number(raw) / 100;
    const expected = computed[field];
    if (actual === undefined && expected !== 0) out.push({ field, expected, actual, key: "sumMissing" });
    else if (actual !== undefined && actual !== expected) out.push({ field, expected, actual, key: "sumMismatch" });
  }
  return out;
}
