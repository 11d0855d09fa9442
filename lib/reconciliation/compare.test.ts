import { describe, expect, it } from "vitest";
import { compareWithReport, sentAmounts } from "./compare";

const FNR_A = "15858810008";
const FNR_B = "01017012345";
const leveranse = {
  kalendermaaned: "2026-10",
  oppgave: {
    virksomhet: [
      {
        norskIdentifikator: "310900230",
        arbeidsgiveravgift: {
          loennOgGodtgjoerelse: [{ avgiftsgrunnlagBeloep: 60000.5, prosentsatsForAvgiftsberegning: 14.1 }],
        },
        inntektsmottaker: [
          {
            norskIdentifikator: FNR_A,
            inntekt: [{ beloep: 40000 }, { beloep: "500.25" }],
            forskuddstrekk: [{ beloep: -7000 }],
          },
          { norskIdentifikator: FNR_B, inntekt: [{ beloep: 20000.25 }], forskuddstrekk: [{ beloep: -3000 }] },
          // No identifier: counted in the totals only.
          { inntekt: [{ beloep: 100 }], forskuddstrekk: [{ beloep: -10 }] },
        ],
      },
    ],
  },
};

const agreeing = {
  meldingsIds: ["m-1"],
  persons: [
    { id: FNR_A, inntekt: 4_050_025, forskuddstrekk: -700_000 },
    { id: FNR_B, inntekt: 2_000_025, forskuddstrekk: -300_000 },
  ],
  // 60 000.50 × 14.1 % = 8 460.0705 → 8 460 kr.
  virksomheter: [{ orgnr: "310900230", arbeidsgiveravgift: 846_000 }],
  totals: { forskuddstrekk: -1_001_000, arbeidsgiveravgift: 846_000 },
};

describe("comparing what we sent with the reconciliation report", () => {
  it("reads our amounts per person, virksomhet and total in whole øre", () => {
    const sent = sentAmounts(leveranse);
    expect(Object.fromEntries(sent.persons)).toEqual({
      [FNR_A]: { inntekt: 4_050_025, forskuddstrekk: -700_000 },
      [FNR_B]: { inntekt: 2_000_025, forskuddstrekk: -300_000 },
    });
    expect(Object.fromEntries(sent.virksomheter)).toEqual({ "310900230": 846_000 });
    expect(sent.totals).toEqual({ forskuddstrekk: -1_001_000, arbeidsgiveravgift: 846_000 });
  });

  it("finds nothing when the report agrees", () => {
    expect(compareWithReport(sentAmounts(leveranse), agreeing)).toEqual([]);
  });

  it("lists each difference with ours, theirs and theirs − ours, a person on one side only against 0", () => {
    const differences = compareWithReport(sentAmounts(leveranse), {
      ...agreeing,
      persons: [
        { id: FNR_A, inntekt: 4_150_025, forskuddstrekk: -700_000 },
        { id: "29029912345", inntekt: 50_000, forskuddstrekk: 0 },
      ],
      virksomheter: [{ orgnr: "310900230", arbeidsgiveravgift: 845_900 }],
      totals: { forskuddstrekk: -700_000, arbeidsgiveravgift: 845_900 },
    });
    expect(differences).toEqual([
      { scope: "total", id: null, kind: "forskuddstrekk", ours: -1_001_000, theirs: -700_000, difference: 301_000 },
      { scope: "total", id: null, kind: "arbeidsgiveravgift", ours: 846_000, theirs: 845_900, difference: -100 },
      {
        scope: "virksomhet",
        id: "310900230",
        kind: "arbeidsgiveravgift",
        ours: 846_000,
        theirs: 845_900,
        difference: -100,
      },
      { scope: "person", id: FNR_B, kind: "inntekt", ours: 2_000_025, theirs: 0, difference: -2_000_025 },
      { scope: "person", id: FNR_B, kind: "forskuddstrekk", ours: -300_000, theirs: 0, difference: 300_000 },
      { scope: "person", id: FNR_A, kind: "inntekt", ours: 4_050_025, theirs: 4_150_025, difference: 100_000 },
      { scope: "person", id: "29029912345", kind: "inntekt", ours: 0, theirs: 50_000, difference: 50_000 },
    ]);
  });

  it("counts nothing for a stored payload of another shape, rather than failing", () => {
    expect(sentAmounts({ oppgave: { virksomhet: "x" } }).totals).toEqual({ forskuddstrekk: 0, arbeidsgiveravgift: 0 });
    expect(sentAmounts(null).persons.size).toBe(0);
  });
});
