/*
 * Sums in betalingsinformasjon (model v2.3), computed from the lines of the leveranse, and where
 * the stated sums disagree with them.
 *
 * Forskuddstrekk: v2.3 states it per payment date (`sumForskuddstrekkPerLoennsutbetalingsdato`,
 * whole kroner to pay, positive in Skatteetaten's examples), while each inntektsmottaker's
 * forskuddstrekk lines are negative whole kroner without a date. So the model lets us check only
 * the total: Σ beloep over the payment dates = −Σ forskuddstrekk beloep over every person.
 *
 * sumArbeidsgiveravgift: per virksomhet, Σ avgiftsgrunnlagBeloep × prosentsatsForAvgiftsberegning / 100
 * over its loennOgGodtgjoerelse lines, computed exactly (øre × hundredths of a percent, as
 * integers) and rounded once per virksomhet to whole kroner, halves away from zero; the total is
 * the sum of those whole-krone amounts. Skatteetaten's rounding rule is not published where we
 * can read it, so this is the one place to change if it differs.
 *
 * A disagreement is a warning, not a refusal: Skatteetaten checks these sums after receipt (a
 * deviation in the feedback), and its own published example states sums that its few lines do
 * not add up to (docs/skatteetaten-contract.md, "A-melding model v2.3").
 */

import { isAcceptableAmount, parseDecimal } from "@/lib/validation/decimal";

type Amount = number | string | undefined;
type LinesOfOppgave = {
  virksomhet?: {
    inntektsmottaker?: { forskuddstrekk?: { beloep?: Amount }[] }[];
    arbeidsgiveravgift?: {
      loennOgGodtgjoerelse?: { avgiftsgrunnlagBeloep?: Amount; prosentsatsForAvgiftsberegning?: Amount }[];
    };
  }[];
};
type BetalingsinformasjonLike = {
  sumForskuddstrekkPerLoennsutbetalingsdato?: { loennsutbetalingsdato?: string; beloep?: Amount }[];
  sumArbeidsgiveravgift?: Amount;
};

export type ComputedSums = {
  /** Σ forskuddstrekk beloep over every person: negative, as the lines are reported. */
  forskuddstrekkLines: number;
  /** What the per-date sums should add up to: the forskuddstrekk to pay, −forskuddstrekkLines. */
  sumForskuddstrekkPerLoennsutbetalingsdato: number;
  sumArbeidsgiveravgift: number;
  arbeidsgiveravgiftPerVirksomhet: number[];
};

/** Reads form text ("40 000,50") as the schema does, so the builder can show live sums while the user types. */
export function toHundredths(value: Amount): bigint | null {
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

export function arbeidsgiveravgiftForVirksomhet(
  lines: { avgiftsgrunnlagBeloep?: Amount; prosentsatsForAvgiftsberegning?: Amount }[],
): number {
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
  const lines = Number(forskuddstrekk) / 100;
  return {
    forskuddstrekkLines: lines,
    // 0 - lines, so no lines give 0 rather than -0.
    sumForskuddstrekkPerLoennsutbetalingsdato: 0 - lines,
    sumArbeidsgiveravgift: perVirksomhet.reduce((a, b) => a + b, 0),
    arbeidsgiveravgiftPerVirksomhet: perVirksomhet,
  };
}

export type SumField = "sumForskuddstrekkPerLoennsutbetalingsdato" | "sumArbeidsgiveravgift";
const SUM_FIELDS: readonly SumField[] = ["sumForskuddstrekkPerLoennsutbetalingsdato", "sumArbeidsgiveravgift"];

export type SumMismatch = {
  field: SumField;
  /** What the lines add up to. */
  expected: number;
  /** What betalingsinformasjon says (for forskuddstrekk: Σ over the payment dates); undefined when missing. */
  actual: number | undefined;
  key: "sumMismatch" | "sumMissing";
};

/** What betalingsinformasjon states for one sum, or undefined when it states nothing. */
export function statedSum(given: BetalingsinformasjonLike, field: SumField): number | undefined {
  if (field === "sumArbeidsgiveravgift") {
    const raw = toHundredths(given.sumArbeidsgiveravgift);
    return raw === null ? undefined : Number(raw) / 100;
  }
  const dates = given.sumForskuddstrekkPerLoennsutbetalingsdato ?? [];
  const amounts = dates.map((d) => toHundredths(d.beloep)).filter((a): a is bigint => a !== null);
  return amounts.length === 0 ? undefined : Number(amounts.reduce((a, b) => a + b, 0n)) / 100;
}

/**
 * Where betalingsinformasjon disagrees with the lines (warnings, see above). A sum may be left
 * out when the lines add up to 0 (nothing to pay); otherwise it should be given and equal.
 */
export function checkBetalingsinformasjon(
  oppgave: LinesOfOppgave & { betalingsinformasjon?: BetalingsinformasjonLike },
): SumMismatch[] {
  const computed = computeSums(oppgave);
  const given = oppgave.betalingsinformasjon ?? {};
  const out: SumMismatch[] = [];
  for (const field of SUM_FIELDS) {
    const actual = statedSum(given, field);
    const expected = computed[field];
    if (actual === undefined && expected !== 0) out.push({ field, expected, actual, key: "sumMissing" });
    else if (actual !== undefined && actual !== expected) out.push({ field, expected, actual, key: "sumMismatch" });
  }
  return out;
}
