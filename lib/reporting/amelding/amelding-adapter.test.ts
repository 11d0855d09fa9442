import { describe, expect, it } from "vitest";
import { ameldingBody, createAmeldingAdapter } from "./amelding-adapter";

const leveranse = {
  kalendermaaned: "2026-10",
  meldingsId: "m-1",
  opplysningspliktig: { norskIdentifikator: "310900125" },
  oppgave: {
    betalingsinformasjon: { sumForskuddstrekk: -12000, sumArbeidsgiveravgift: 5640.5 },
    virksomhet: [
      {
        norskIdentifikator: "310900230",
        inntektsmottaker: [
          {
            inntekt: [{ beloep: 23989.5, fordel: "kontantytelse" }],
            forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -7000 }],
            arbeidsforhold: [{ stillingsprosent: 100 }],
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
  it("sends decimals as strings and forskuddstrekk as negative integers, as Skatteetaten's example does", () => {
    const body = ameldingBody(leveranse) as { leveranse: typeof leveranse };
    const v = body.leveranse.oppgave.virksomhet[0]! as unknown as Record<string, any>;
    expect(v.inntektsmottaker[0].inntekt[0].beloep).toBe("23989.5");
    expect(v.inntektsmottaker[0].forskuddstrekk[0].beloep).toBe(-7000);
    expect(v.inntektsmottaker[0].arbeidsforhold[0].stillingsprosent).toBe("100");
    expect(v.arbeidsgiveravgift.loennOgGodtgjoerelse[0].prosentsatsForAvgiftsberegning).toBe("14.1");
    expect(body.leveranse.oppgave.betalingsinformasjon.sumArbeidsgiveravgift).toBe("5640.5");
    expect(body.leveranse.oppgave.betalingsinformasjon.sumForskuddstrekk).toBe(-12000);
  });

  it("posts to /innsending/{kalendermaaned}/{orgnr} with JSON headers and the key where configured", () => {
    const adapter = createAmeldingAdapter({ baseUrl: "http://127.0.0.1:4102/amelding/v1/", idempotencyKeyIn: "query" });
    const req = adapter.buildRequest(leveranse, { idempotencyKey: "k-1", orgnr: "310900125", existsAtSkatteetaten: false });
    expect(req.method).toBe("POST");
    expect(req.url).toBe("http://127.0.0.1:4102/amelding/v1/innsending/2026-10/310900125?idempotencyKey=k-1");
    expect(req.headers).toEqual({ Accept: "application/json", "Content-Type": "application/json" });
    expect(JSON.parse(req.body)).toHaveProperty("leveranse.meldingsId", "m-1");

    const inHeader = createAmeldingAdapter({ baseUrl: "http://x.test/v1", idempotencyKeyIn: "header" });
    const r2 = inHeader.buildRequest(leveranse, { idempotencyKey: "k-2", orgnr: "310900125", existsAtSkatteetaten: false });
    expect(r2.url).toBe("http://x.test/v1/innsending/2026-10/310900125");
    expect(r2.headers.idempotencyKey).toBe("k-2");
  });

  it("keeps every field of the success answer", () => {
    const adapter = createAmeldingAdapter({ baseUrl: "http://x.test/v1", idempotencyKeyIn: "query" });
    expect(adapter.readAccepted('{"dialogId":"d","forsendelseId":"f","meldingsId":"m","ny":7,"obj":{}}')).toEqual({
      dialogId: "d",
      forsendelseId: "f",
      meldingsId: "m",
      ny: "7",
    });
  });
});
