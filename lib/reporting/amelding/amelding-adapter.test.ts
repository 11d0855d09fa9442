import { describe, expect, it } from "vitest";
import { ameldingBody, createAmeldingAdapter } from "./amelding-adapter";

const leveranse = {
  kalendermaaned: "2026-10",
  meldingsId: "m-1",
  opplysningspliktig: { norskIdentifikator: "310900125" },
  oppgave: {
    betalingsinformasjon: {
      sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-10-20", beloep: 7000 }],
      sumArbeidsgiveravgift: 5640,
      sumFinansskattLoenn: 120,
      sumUtleggstrekk: 300,
    },
    virksomhet: [
      {
        norskIdentifikator: "310900230",
        inntektsmottaker: [
          {
            norskIdentifikator: "08842199736",
            inntekt: [{ beloep: 23989.5, fordel: "kontantytelse", utloeserArbeidsgiveravgift: true }],
            forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -7000 }],
            utleggstrekk: [{ beskrivelse: "utleggstrekkSkatt", beloep: -300 }],
            fradrag: [{ beskrivelse: "fagforeningskontingent", beloep: -456 }],
            arbeidsforhold: [
              { stillingsprosent: 100, yrke: "3411101", antallTimerPerUkeSomEnFullStillingTilsvarer: 37.5 },
            ],
          },
        ],
        arbeidsgiveravgift: {
          loennOgGodtgjoerelse: [{ sone: "1a", avgiftsgrunnlagBeloep: 40000, prosentsatsForAvgiftsberegning: 14.1 }],
        },
      },
    ],
  },
};

describe("A-melding adapter", () => {
  it("sends whole-krone fields as JSON integers and decimals as strings, as Skatteetaten's latest example does", () => {
    const body = ameldingBody(leveranse) as { leveranse: any };
    const { betalingsinformasjon } = body.leveranse.oppgave;
    expect(betalingsinformasjon).toEqual({
      sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-10-20", beloep: 7000 }],
      sumArbeidsgiveravgift: 5640,
      sumFinansskattLoenn: 120,
      sumUtleggstrekk: 300,
    });
    const person = body.leveranse.oppgave.virksomhet[0].inntektsmottaker[0];
    expect(person.inntekt[0]).toEqual({ beloep: "23989.5", fordel: "kontantytelse", utloeserArbeidsgiveravgift: true });
    expect(person.forskuddstrekk[0].beloep).toBe(-7000);
    expect(person.utleggstrekk[0].beloep).toBe(-300);
    expect(person.fradrag[0].beloep).toBe("-456");
    expect(person.arbeidsforhold[0]).toEqual({
      stillingsprosent: "100",
      yrke: "3411101",
      antallTimerPerUkeSomEnFullStillingTilsvarer: "37.5",
    });
    expect(person.norskIdentifikator).toBe("08842199736");
    expect(body.leveranse.oppgave.virksomhet[0].arbeidsgiveravgift.loennOgGodtgjoerelse[0]).toEqual({
      sone: "1a",
      avgiftsgrunnlagBeloep: "40000",
      prosentsatsForAvgiftsberegning: "14.1",
    });
  });

  it("writes decimals without exponent notation, whole numbers kept as text as integers, and unknown fields as received", () => {
    const body = ameldingBody({
      oppgave: {
        virksomhet: [
          {
            inntektsmottaker: [
              {
                inntekt: [
                  {
                    beloep: 0.0000001,
                    loennsinntekt: { tilleggsinformasjon: { reiseKostOgLosji: { antallReiser: "3" } } },
                    egetFelt: 5,
                  },
                ],
              },
            ],
          },
        ],
      },
      ukjent: { beloep: 1.5 },
    }) as { leveranse: any };
    const inntekt = body.leveranse.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0];
    expect(inntekt.beloep).toBe("0.0000001");
    expect(inntekt.loennsinntekt.tilleggsinformasjon.reiseKostOgLosji.antallReiser).toBe(3);
    expect(inntekt.egetFelt).toBe(5);
    expect(body.leveranse.ukjent).toEqual({ beloep: 1.5 });
  });

  it("posts to /innsending/{kalendermaaned}/{orgnr} with JSON headers and the key where configured", () => {
    const inHeader = createAmeldingAdapter({
      baseUrl: "http://127.0.0.1:4102/amelding/v1/",
      idempotencyKeyIn: "header",
    });
    const req = inHeader.buildRequest(leveranse, {
      idempotencyKey: "k-1",
      orgnr: "310900125",
      existsAtSkatteetaten: false,
    });
    expect(req.method).toBe("POST");
    expect(req.url).toBe("http://127.0.0.1:4102/amelding/v1/innsending/2026-10/310900125");
    expect(req.headers).toEqual({
      Accept: "application/json",
      "Content-Type": "application/json",
      idempotencyKey: "k-1",
    });
    expect(JSON.parse(req.body)).toHaveProperty("leveranse.meldingsId", "m-1");

    const inQuery = createAmeldingAdapter({ baseUrl: "http://x.test/v1", idempotencyKeyIn: "query" });
    const r2 = inQuery.buildRequest(leveranse, {
      idempotencyKey: "k-2",
      orgnr: "310900125",
      existsAtSkatteetaten: false,
    });
    expect(r2.url).toBe("http://x.test/v1/innsending/2026-10/310900125?idempotencyKey=k-2");
    expect(r2.headers).toEqual({ Accept: "application/json", "Content-Type": "application/json" });
  });

  it("sends a payload stored before model v2.3 without the single forskuddstrekk sum", () => {
    const adapter = createAmeldingAdapter({ baseUrl: "http://x.test/v1", idempotencyKeyIn: "header" });
    const old = {
      ...leveranse,
      oppgave: {
        ...leveranse.oppgave,
        betalingsinformasjon: { sumForskuddstrekk: -7000, sumArbeidsgiveravgift: 5640 },
      },
    };
    const body = JSON.parse(
      adapter.buildRequest(old, { idempotencyKey: "k", orgnr: "310900125", existsAtSkatteetaten: false }).body,
    );
    expect(body.leveranse.oppgave.betalingsinformasjon).toEqual({ sumArbeidsgiveravgift: 5640 });
  });

  it("keeps every field of the success answer", () => {
    const adapter = createAmeldingAdapter({ baseUrl: "http://x.test/v1", idempotencyKeyIn: "header" });
    expect(adapter.readAccepted('{"dialogId":"d","forsendelseId":"f","meldingsId":"m","ny":7,"obj":{}}')).toEqual({
      dialogId: "d",
      forsendelseId: "f",
      meldingsId: "m",
      ny: "7",
    });
  });
});
