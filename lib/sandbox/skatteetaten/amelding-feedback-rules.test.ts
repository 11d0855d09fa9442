import { describe, expect, it } from "vitest";
import { buildFeedbackDocument, forfallsdato, sandboxKid, sandboxKontonummer } from "./amelding-feedback-document";
import { ameldingDeviations, SANDBOX_RULES } from "./amelding-feedback-rules";
import { ORG_A, testLeveranse } from "./test-support";

const FNR = "01017012345";
const arbeidsforhold = [{ typeArbeidsforhold: "ordinaertArbeidsforhold", arbeidsforholdId: "1" }];

/** A leveranse the sandbox has nothing to say about, as the wire carries it (decimals as strings). */
function cleanLeveranse(overrides: Record<string, unknown> = {}) {
  const leveranse = testLeveranse(overrides);
  leveranse.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold = arbeidsforhold;
  leveranse.oppgave.virksomhet[0].arbeidsgiveravgift = {
    loennOgGodtgjoerelse: [
      {
        beregningskodeForArbeidsgiveravgift: "generelleNaeringer",
        sone: "1",
        avgiftsgrunnlagBeloep: "40000",
        prosentsatsForAvgiftsberegning: "14.1",
      },
    ],
  };
  return leveranse;
}

describe("sandbox A-melding feedback rules", () => {
  it("finds nothing in a consistent leveranse, with amounts sent as decimal strings", () => {
    const leveranse = cleanLeveranse();
    expect(leveranse.oppgave.virksomhet[0].arbeidsgiveravgift.loennOgGodtgjoerelse[0].avgiftsgrunnlagBeloep).toBe(
      "40000",
    );
    expect(ameldingDeviations(leveranse)).toEqual([]);
  });

  it("reports an inntektsmottaker with income but no arbeidsforhold as Øyeblikkelig, naming the person and field", () => {
    const leveranse = cleanLeveranse();
    const mottakere = leveranse.oppgave.virksomhet[0].inntektsmottaker;
    mottakere.push({
      norskIdentifikator: FNR,
      identifiserendeInformasjon: { navn: "Kari Testesen" },
      inntekt: [{ beloep: "1000" }],
    });
    expect(ameldingDeviations(leveranse)).toEqual([
      {
        kode: SANDBOX_RULES.missingArbeidsforhold,
        alvorlighetsgrad: "Oeyeblikkelig",
        melding: `Inntektsmottaker Kari Testesen (${FNR}) har inntekt, men mangler arbeidsforhold`,
        sti: "/leveranse/oppgave/virksomhet/0/inntektsmottaker/1/arbeidsforhold",
        virksomhet: { norskIdentifikator: leveranse.oppgave.virksomhet[0].norskIdentifikator },
        inntektsmottaker: { identifikator: FNR, navn: "Kari Testesen" },
      },
    ]);
  });

  it("reports forskuddstrekk and arbeidsgiveravgift sums that do not add up as Retningslinje", () => {
    const leveranse = cleanLeveranse();
    leveranse.oppgave.betalingsinformasjon = {
      sumForskuddstrekkPerLoennsutbetalingsdato: [
        { loennsutbetalingsdato: "2026-10-05", beloep: 3000 },
        { loennsutbetalingsdato: "2026-10-20", beloep: 4100 },
      ],
      sumArbeidsgiveravgift: 5700,
    };
    const found = ameldingDeviations(leveranse);
    expect(found.map((a) => [a.kode, a.alvorlighetsgrad, a.sti])).toEqual([
      [
        SANDBOX_RULES.forskuddstrekkSum,
        "Retningslinje",
        "/leveranse/oppgave/betalingsinformasjon/sumForskuddstrekkPerLoennsutbetalingsdato",
      ],
      [
        SANDBOX_RULES.arbeidsgiveravgiftSum,
        "Retningslinje",
        "/leveranse/oppgave/betalingsinformasjon/sumArbeidsgiveravgift",
      ],
    ]);
    expect(found[0]!.melding).toContain("(-7000)");
  });

  it("rejects when kildesystem contains «avvisning», whatever the case", () => {
    const found = ameldingDeviations(cleanLeveranse({ kildesystem: "Lønn-AVVISNING-test" }));
    expect(found).toEqual([
      expect.objectContaining({
        kode: SANDBOX_RULES.forcedRejection,
        alvorlighetsgrad: "Avvisning",
        sti: "/leveranse/kildesystem",
      }),
    ]);
  });
});

describe("sandbox A-melding feedback document", () => {
  const ids = { forsendelseId: "f-1", meldingsId: "m-1", kalendermaaned: "2026-10", opplysningspliktig: ORG_A };

  it("says GODKJENT with the amounts to pay and where to pay them", () => {
    const { tilbakemelding } = buildFeedbackDocument(cleanLeveranse(), ids, new Date("2026-11-03T10:00:00Z"));
    expect(tilbakemelding).toMatchObject({
      behandlingsresultat: "GODKJENT",
      avvik: [],
      mottattPeriode: {
        sumForskuddstrekk: "7000.00",
        sumArbeidsgiveravgift: "5640.00",
        betalingsinformasjon: {
          kontonummer: sandboxKontonummer(ORG_A),
          kid: sandboxKid(ORG_A, "2026-10"),
          forfallsdato: "2026-11-16",
        },
      },
    });
  });

  it("says GODKJENT_MED_AVVIK for Øyeblikkelig deviations, and AVVIST with nothing to pay for Avvisning", () => {
    const withDeviation = cleanLeveranse();
    delete withDeviation.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold;
    expect(buildFeedbackDocument(withDeviation, ids, new Date()).tilbakemelding.behandlingsresultat).toBe(
      "GODKJENT_MED_AVVIK",
    );
    const rejected = buildFeedbackDocument(
      cleanLeveranse({ kildesystem: "avvisning" }),
      ids,
      new Date(),
    ).tilbakemelding;
    expect(rejected).toMatchObject({ behandlingsresultat: "AVVIST", mottattPeriode: null });
  });

  it("gives a due date on the 15th after the two-month term, moved off weekends", () => {
    expect(forfallsdato("2026-01")).toBe("2026-03-16"); // 15 March 2026 is a Sunday
    expect(forfallsdato("2026-02")).toBe("2026-03-16");
    expect(forfallsdato("2026-04")).toBe("2026-05-15");
    expect(forfallsdato("2025-11")).toBe("2026-01-15");
  });

  it("makes a mod-11-valid account number and a Luhn-valid KID", () => {
    const account = sandboxKontonummer(ORG_A);
    const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const rest = weights.reduce((s, w, i) => s + w * Number(account[i]), 0) % 11;
    expect(account).toMatch(/^\d{11}$/);
    expect(Number(account[10])).toBe(rest === 0 ? 0 : 11 - rest);
    const kid = sandboxKid(ORG_A, "2026-10");
    const luhn = [...kid].reverse().reduce((s, d, i) => {
      const x = Number(d) * (i % 2 === 1 ? 2 : 1);
      return s + (x > 9 ? x - 9 : x);
    }, 0);
    expect(luhn % 10).toBe(0);
  });
});
