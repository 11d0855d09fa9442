import { describe, expect, it } from "vitest";
import { arbeidsgiveravgiftForVirksomhet, checkBetalingsinformasjon, computeSums } from "./sums";

const aga = (avgiftsgrunnlagBeloep: number | string, prosentsatsForAvgiftsberegning: number | string) => ({
  avgiftsgrunnlagBeloep,
  prosentsatsForAvgiftsberegning,
});

describe("A-melding sums", () => {
  it("adds forskuddstrekk over every person and virksomhet, negative, and what is to pay, positive", () => {
    const sums = computeSums({
      virksomhet: [
        {
          inntektsmottaker: [
            { forskuddstrekk: [{ beloep: -7000 }, { beloep: -500 }] },
            { forskuddstrekk: [{ beloep: -1200 }] },
          ],
        },
        { inntektsmottaker: [{ forskuddstrekk: [{ beloep: "-300" }] }] },
      ],
    });
    expect(sums.forskuddstrekkLines).toBe(-9000);
    expect(sums.sumForskuddstrekkPerLoennsutbetalingsdato).toBe(9000);
  });

  it("computes arbeidsgiveravgift per virksomhet from grunnlag and rate, rounded to whole kroner", () => {
    expect(arbeidsgiveravgiftForVirksomhet([aga(40000, 14.1)])).toBe(5640);
    // 245428 × 14.1 % = 34605.348 → 34605 (Skatteetaten's example pair)
    expect(arbeidsgiveravgiftForVirksomhet([aga("245428.0", "14.1")])).toBe(34605);
    // 106.3763 + 0.4717 = 106.848 → 107: lines are added exactly and rounded once (per line it would be 106 + 0)
    expect(arbeidsgiveravgiftForVirksomhet([aga(1003.55, 10.6), aga(4.45, 10.6)])).toBe(107);
    expect(arbeidsgiveravgiftForVirksomhet([aga(5, 10)])).toBe(1); // 0.5 rounds away from zero
    expect(arbeidsgiveravgiftForVirksomhet([aga(-5, 10)])).toBe(-1);
  });

  it("rounds each virksomhet separately before adding them up", () => {
    const sums = computeSums({
      virksomhet: [
        { arbeidsgiveravgift: { loennOgGodtgjoerelse: [aga(3, 14.1)] } }, // 0.423 → 0
        { arbeidsgiveravgift: { loennOgGodtgjoerelse: [aga(3, 14.1)] } }, // 0.423 → 0
        { arbeidsgiveravgift: { loennOgGodtgjoerelse: [aga(50000, 6.4), aga(10000, 0)] } }, // 3200
      ],
    });
    expect(sums.arbeidsgiveravgiftPerVirksomhet).toEqual([0, 0, 3200]);
    expect(sums.sumArbeidsgiveravgift).toBe(3200);
  });

  it("reports each sum in betalingsinformasjon that disagrees with the lines, with the expected value", () => {
    const oppgave = {
      virksomhet: [
        {
          inntektsmottaker: [{ forskuddstrekk: [{ beloep: -7000 }] }],
          arbeidsgiveravgift: { loennOgGodtgjoerelse: [aga(40000, 14.1)] },
        },
      ],
    };
    const perDate = (...beloep: (number | string)[]) =>
      beloep.map((b, i) => ({ loennsutbetalingsdato: `2026-10-${String(10 + i)}`, beloep: b }));
    expect(
      checkBetalingsinformasjon({
        ...oppgave,
        betalingsinformasjon: { sumForskuddstrekkPerLoennsutbetalingsdato: perDate(7000), sumArbeidsgiveravgift: 5640 },
      }),
    ).toEqual([]);
    // Several payment dates: their total is compared with the lines, which carry no date.
    expect(
      checkBetalingsinformasjon({
        ...oppgave,
        betalingsinformasjon: {
          sumForskuddstrekkPerLoennsutbetalingsdato: perDate(4000, "3000"),
          sumArbeidsgiveravgift: 5640,
        },
      }),
    ).toEqual([]);
    expect(
      checkBetalingsinformasjon({
        ...oppgave,
        betalingsinformasjon: {
          sumForskuddstrekkPerLoennsutbetalingsdato: perDate(7001),
          sumArbeidsgiveravgift: "5640",
        },
      }),
    ).toEqual([
      { field: "sumForskuddstrekkPerLoennsutbetalingsdato", expected: 7000, actual: 7001, key: "sumMismatch" },
    ]);
    expect(checkBetalingsinformasjon(oppgave)).toEqual([
      { field: "sumForskuddstrekkPerLoennsutbetalingsdato", expected: 7000, actual: undefined, key: "sumMissing" },
      { field: "sumArbeidsgiveravgift", expected: 5640, actual: undefined, key: "sumMissing" },
    ]);
  });

  it("lets sums be left out when the lines add up to nothing", () => {
    expect(checkBetalingsinformasjon({ virksomhet: [{ inntektsmottaker: [] }] })).toEqual([]);
  });
});
