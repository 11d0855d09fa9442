import { describe, expect, it } from "vitest";
import { generateLeveranse, seededRandom, syntheticFodselsnummer } from "@/lib/testing/amelding-generator";
import { leveranseSchema, leveranseUnsentSchema } from "./leveranse-schema";

const ORG = "310900125";
const SUB = "310900230";

function valid() {
  return generateLeveranse({ opplysningspliktig: ORG, virksomhet: SUB, persons: 2, seed: 42 });
}

/** A deep copy as the JSON a file would hold, so a test can break one field of it. */
function asJson(value: unknown): any {
  return JSON.parse(JSON.stringify(value));
}

function issues(input: unknown, schema: typeof leveranseSchema | typeof leveranseUnsentSchema = leveranseSchema) {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
}

const person0 = "oppgave.virksomhet.0.inntektsmottaker.0";

describe("leveranse schema", () => {
  it("accepts a generated leveranse and keeps its wire shape", () => {
    const l = valid();
    expect(leveranseSchema.parse(asJson(l))).toEqual(asJson(l));
  });

  it("reads decimals sent as strings, as in Skatteetaten's JSON example, and keeps unmodelled keys", () => {
    const l = asJson(valid());
    const line = l.oppgave.virksomhet[0].arbeidsgiveravgift.loennOgGodtgjoerelse[0];
    line.avgiftsgrunnlagBeloep = String(line.avgiftsgrunnlagBeloep);
    line.prosentsatsForAvgiftsberegning = "14.1";
    l.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0].loennsinntekt.tilleggsinformasjon = {
      inntjeningsforhold: "x",
    };
    l.oppgave.pensjonsinnretning = [{ identifikator: "899205291" }];
    const parsed = leveranseSchema.parse(l) as any;
    expect(parsed.oppgave.virksomhet[0].arbeidsgiveravgift.loennOgGodtgjoerelse[0].prosentsatsForAvgiftsberegning).toBe(
      14.1,
    );
    expect(parsed.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0].loennsinntekt.tilleggsinformasjon).toEqual({
      inntjeningsforhold: "x",
    });
    expect(parsed.oppgave.pensjonsinnretning).toEqual([{ identifikator: "899205291" }]);
  });

  it("reads amounts typed in a form with spaces and a decimal comma", () => {
    const l = asJson(valid());
    const income = l.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0];
    income.beloep = "40 000,50";
    const parsed = leveranseSchema.parse(l) as any;
    expect(parsed.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0].beloep).toBe(40000.5);
    income.beloep = "40000.505";
    expect(issues(l)).toEqual([`${person0}.inntekt.0.beloep:amountDecimals`]);
    income.beloep = "førti tusen";
    expect(issues(l)).toEqual([`${person0}.inntekt.0.beloep:amountInvalid`]);
  });

  it("reads amounts strictly as decimals: no hexadecimal, exponent, Infinity, stray spaces or amounts beyond øre precision", () => {
    const l = asJson(valid());
    const income = l.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0];
    for (const beloep of ["0x10", "1e3", "Infinity", " 12 ", "1 2", "0b1", "+12", 1e15, Number.POSITIVE_INFINITY]) {
      income.beloep = beloep;
      expect(issues(l), String(beloep)).toEqual([`${person0}.inntekt.0.beloep:amountInvalid`]);
    }
  });

  it("names each bad top-level field", () => {
    const l = asJson(valid());
    l.kalendermaaned = "2026-13";
    l.meldingsId = "not allowed!";
    l.opplysningspliktig.norskIdentifikator = "310900126";
    delete l.kildesystem;
    expect(issues(l)).toEqual(
      expect.arrayContaining([
        "kalendermaaned:kalendermaanedFormat",
        "meldingsId:meldingsIdFormat",
        "opplysningspliktig.norskIdentifikator:orgnrChecksum",
        "kildesystem:required",
      ]),
    );
  });

  it("limits kalendermaaned to 2014-01..2099-12 and meldingsId to 150 characters", () => {
    for (const [month, ok] of [
      ["2013-12", false],
      ["2014-01", true],
      ["2099-12", true],
      ["2100-01", false],
    ] as const) {
      const l = asJson(valid());
      l.kalendermaaned = month;
      expect(issues(l).includes("kalendermaaned:kalendermaanedRange")).toBe(!ok);
    }
    const l = asJson(valid());
    l.meldingsId = "a".repeat(151);
    expect(issues(l)).toContain("meldingsId:meldingsIdTooLong");
    l.meldingsId = "a".repeat(150);
    expect(issues(l)).toEqual([]);
  });

  it("checks the fødselsnummer, accepting a synthetic d-nummer", () => {
    const l = asJson(valid());
    const fnr: string = l.oppgave.virksomhet[0].inntektsmottaker[0].norskIdentifikator;
    l.oppgave.virksomhet[0].inntektsmottaker[0].norskIdentifikator = `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;
    l.oppgave.virksomhet[0].inntektsmottaker[1].norskIdentifikator = syntheticFodselsnummer(seededRandom(9), {
      dnummer: true,
    });
    expect(issues(l)).toEqual([`${person0}.norskIdentifikator:fnrChecksum`]);
  });

  it("requires a Norwegian or a foreign identifier, and name and birth date without a fødselsnummer", () => {
    const l = asJson(valid());
    const p = l.oppgave.virksomhet[0].inntektsmottaker[0];
    delete p.norskIdentifikator;
    p.inntekt[0].beloep = "x"; // an error further down does not hide the missing identifier
    expect(issues(l)).toEqual([
      `${person0}.inntekt.0.beloep:amountInvalid`,
      `${person0}.norskIdentifikator:identifierRequired`,
    ]);
    p.inntekt[0].beloep = 1000;
    p.internasjonalIdentifikator = [{ identifikator: "P1234567", identifikatortype: "passnummer", land: "se" }];
    expect(issues(l)).toEqual([`${person0}.identifiserendeInformasjon.foedselsdato:requiredWithoutFnr`]);
    p.identifiserendeInformasjon.foedselsdato = "1985-04-12";
    const parsed = leveranseSchema.parse(l) as any;
    expect(parsed.oppgave.virksomhet[0].inntektsmottaker[0].internasjonalIdentifikator[0].land).toBe("SE");
    p.internasjonalIdentifikator[0].land = "XX";
    p.internasjonalIdentifikator[0].identifikatortype = "shoeSize";
    expect(issues(l)).toEqual([
      `${person0}.internasjonalIdentifikator.0.identifikatortype:codeUnknown`,
      `${person0}.internasjonalIdentifikator.0.land:countryInvalid`,
    ]);
  });

  it("requires forskuddstrekk as negative whole kroner", () => {
    for (const [beloep, message] of [
      [7000, "deductionNegative"],
      [-7000.5, "amountWholeKroner"],
      ["-7 000", null],
    ] as const) {
      const l = asJson(valid());
      const trekk = l.oppgave.virksomhet[0].inntektsmottaker[0].forskuddstrekk[0];
      trekk.beloep = beloep;
      const found = issues(l).filter((i) => i.includes("forskuddstrekk.0.beloep"));
      expect(found).toEqual(message ? [`${person0}.forskuddstrekk.0.beloep:${message}`] : []);
    }
  });

  it("checks codes against the code lists and the rules of an ordinary employment", () => {
    const l = asJson(valid());
    const p = l.oppgave.virksomhet[0].inntektsmottaker[0];
    p.inntekt[0].loennsinntekt.beskrivelse = "lommepenger";
    p.inntekt[0].fordel = "gave";
    p.arbeidsforhold[0].yrke = "12345";
    p.arbeidsforhold[0].stillingsprosent = 120;
    delete p.arbeidsforhold[0].arbeidstidsordning;
    p.arbeidsforhold[0].sluttdato = "2019-12-31";
    l.oppgave.virksomhet[0].arbeidsgiveravgift.loennOgGodtgjoerelse[0].sone = "6";
    expect(issues(l)).toEqual(
      expect.arrayContaining([
        `${person0}.inntekt.0.loennsinntekt.beskrivelse:codeUnknown`,
        `${person0}.inntekt.0.fordel:codeUnknown`,
        `${person0}.arbeidsforhold.0.yrke:yrkeFormat`,
        `${person0}.arbeidsforhold.0.stillingsprosent:percentRange`,
        `${person0}.arbeidsforhold.0.arbeidstidsordning:requiredForOrdinaryEmployment`,
        `${person0}.arbeidsforhold.0.sluttdato:endBeforeStart`,
        "oppgave.virksomhet.0.arbeidsgiveravgift.loennOgGodtgjoerelse.0.sone:codeUnknown",
      ]),
    );
  });

  it("requires exactly one kind of income per line", () => {
    const l = asJson(valid());
    const line = l.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0];
    delete line.loennsinntekt;
    expect(issues(l)).toContain(`${person0}.inntekt.0.loennsinntekt.beskrivelse:required`);
    line.loennsinntekt = { beskrivelse: "fastloenn" };
    line.naeringsinntekt = { beskrivelse: "vederlag" };
    expect(issues(l)).toContain(`${person0}.inntekt.0.naeringsinntekt:inntektTypeSeveral`);
  });

  it("rejects the same person twice in a virksomhet and the same virksomhet twice", () => {
    const l = asJson(valid());
    const people = l.oppgave.virksomhet[0].inntektsmottaker;
    people[1].norskIdentifikator = people[0].norskIdentifikator;
    expect(issues(l)).toContain("oppgave.virksomhet.0.inntektsmottaker.1.norskIdentifikator:duplicatePerson");
    l.oppgave.virksomhet.push({ norskIdentifikator: SUB, inntektsmottaker: [] });
    expect(issues(l)).toContain("oppgave.virksomhet.1.norskIdentifikator:duplicateVirksomhet");
  });

  it("takes betalingsinformasjon in the v2.3 shape: whole kroner, one forskuddstrekk sum per payment date", () => {
    const l = asJson(valid());
    l.oppgave.betalingsinformasjon = {
      sumForskuddstrekkPerLoennsutbetalingsdato: [
        { loennsutbetalingsdato: "2026-10-05", beloep: "3 000" },
        { loennsutbetalingsdato: "2026-10-20", beloep: -4000 },
        { loennsutbetalingsdato: "2026-10-25", beloep: 4000.5 },
        { beloep: 1 },
      ],
      sumArbeidsgiveravgift: 5640.5,
      sumFinansskattLoenn: "12",
    };
    const dates = "oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato";
    expect(issues(l)).toEqual([
      `${dates}.1.beloep:amountNotNegative`,
      `${dates}.2.beloep:amountWholeKroner`,
      `${dates}.3.loennsutbetalingsdato:required`,
      "oppgave.betalingsinformasjon.sumArbeidsgiveravgift:amountWholeKroner",
    ]);
    l.oppgave.betalingsinformasjon = {
      sumForskuddstrekkPerLoennsutbetalingsdato: [
        { loennsutbetalingsdato: "2026-10-05", beloep: 3000 },
        { loennsutbetalingsdato: "2026-10-05", beloep: 0 },
      ],
    };
    expect(issues(l)).toEqual([`${dates}.1.loennsutbetalingsdato:duplicateDate`]);
  });

  it("does not refuse sums that disagree with the lines: Skatteetaten reports those in its feedback", () => {
    const l = asJson(valid());
    l.oppgave.betalingsinformasjon.sumArbeidsgiveravgift += 1;
    delete l.oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato;
    expect(issues(l)).toEqual([]);
  });

  it("takes formForAnsettelse, pensjonsinnretning and spraakForTilbakemelding, and no longer needs avloenningstype", () => {
    const l = asJson(valid());
    const arbeidsforhold = l.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold[0];
    delete arbeidsforhold.avloenningstype;
    arbeidsforhold.formForAnsettelse = "midlertidig";
    l.oppgave.pensjonsinnretning = [{ identifikator: "899205291" }];
    l.spraakForTilbakemelding = "nynorsk";
    expect(issues(l)).toEqual([]);
    arbeidsforhold.formForAnsettelse = "sesong";
    l.oppgave.pensjonsinnretning = [{ identifikator: " " }];
    l.spraakForTilbakemelding = "svensk";
    expect(issues(l)).toEqual([
      `${person0}.arbeidsforhold.0.formForAnsettelse:codeUnknown`,
      "oppgave.pensjonsinnretning.0.identifikator:required",
      "spraakForTilbakemelding:codeUnknown",
    ]);
  });

  it("forbids a message replacing itself", () => {
    const l = asJson(valid());
    l.erstatterMeldingsId = l.meldingsId;
    expect(issues(l)).toEqual(["erstatterMeldingsId:replacesItself"]);
  });

  it("lets a draft leave out leveringstidspunkt, which a complete leveranse requires", () => {
    const l = asJson(valid());
    delete l.leveringstidspunkt;
    expect(issues(l)).toEqual(["leveringstidspunkt:required"]);
    expect(issues(l, leveranseUnsentSchema)).toEqual([]);
  });

  it("drops an identifiserendeInformasjon left empty in a form", () => {
    const l = asJson(valid());
    l.oppgave.virksomhet[0].inntektsmottaker[0].identifiserendeInformasjon = {
      navn: "",
      foedselsdato: "",
      ansattnummer: " ",
    };
    const parsed = leveranseSchema.parse(l);
    expect(
      JSON.parse(JSON.stringify(parsed)).oppgave.virksomhet[0].inntektsmottaker[0].identifiserendeInformasjon,
    ).toBeUndefined();
  });
});
