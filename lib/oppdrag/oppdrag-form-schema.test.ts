import { describe, expect, it } from "vitest";
import { addDays, osloDate } from "@/lib/amelding/deadlines";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
import { MAX_ARBEIDSTAKERE, oppdragFormSchema } from "./oppdrag-form-schema";

const valid = {
  oppdragsgiver: { variant: "norsk", navn: "Fjellvind Bygg AS", organisasjonsnummer: "310 900 125" },
  oppdragstaker: {
    variant: "utenlandsk",
    navn: "Baltic Steel UAB",
    registreringsnummer: "LT-300400",
    adresseHjemland: { adresselinje: "Gatve 1", poststed: "Vilnius", landkode: "LT" },
  },
  oppdrag: {
    beskrivelse: "Stålmontasje",
    arbeidssted: { type: "land", adresse: { adresselinje: "Kaia 2", postnummer: "5003", poststed: "Bergen" } },
    startdato: "2026-11-01",
    forventetSluttdato: "2027-02-28",
    kontraktsverdiNok: "450 000,50",
  },
};

function issues(input: unknown) {
  const r = oppdragFormSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
}

describe("oppdrag form schema", () => {
  it("accepts a complete report and normalises orgnr and amount", () => {
    const r = oppdragFormSchema.parse(valid);
    expect(r.oppdragsgiver).toMatchObject({ organisasjonsnummer: "310900125" });
    expect(r.oppdrag.kontraktsverdiNok).toBe(450000.5);
    expect(r.hovedoppdragsgiver).toBeUndefined();
  });

  it("checks the orgnr with mod-11 and names the field", () => {
    expect(issues({ ...valid, oppdragsgiver: { ...valid.oppdragsgiver, organisasjonsnummer: "310900126" } })).toContain(
      "oppdragsgiver.organisasjonsnummer:orgnrChecksum",
    );
  });

  it("requires the end date on or after the start date", () => {
    expect(issues({ ...valid, oppdrag: { ...valid.oppdrag, forventetSluttdato: "2026-10-01" } })).toContain(
      "oppdrag.forventetSluttdato:endBeforeStart",
    );
  });

  it("refuses a negative or unreadable contract value", () => {
    expect(issues({ ...valid, oppdrag: { ...valid.oppdrag, kontraktsverdiNok: "-5" } })).toContain(
      "oppdrag.kontraktsverdiNok:amountNegative",
    );
    expect(issues({ ...valid, oppdrag: { ...valid.oppdrag, kontraktsverdiNok: "mye" } })).toContain(
      "oppdrag.kontraktsverdiNok:amountInvalid",
    );
  });

  it("reads the contract value strictly as a decimal: no hexadecimal, exponent, Infinity or stray spaces", () => {
    for (const text of ["0x10", "1e3", "0b1", "Infinity", " 12 ", "4 50000"]) {
      expect(issues({ ...valid, oppdrag: { ...valid.oppdrag, kontraktsverdiNok: text } }), text).toContain(
        "oppdrag.kontraktsverdiNok:amountInvalid",
      );
    }
    expect(issues({ ...valid, oppdrag: { ...valid.oppdrag, kontraktsverdiNok: 1e15 } })).toContain(
      "oppdrag.kontraktsverdiNok:amountInvalid",
    );
  });

  it("requires what a foreign oppdragsgiver must give instead of an orgnr", () => {
    const found = issues({ ...valid, oppdragsgiver: { variant: "utenlandsk", navn: "Foreign GmbH" } });
    expect(found).toEqual(
      expect.arrayContaining([
        "oppdragsgiver.registreringsnummer:required",
        "oppdragsgiver.kontaktperson:required",
        expect.stringMatching(/^oppdragsgiver\.adresseNorge/),
        expect.stringMatching(/^oppdragsgiver\.adresseHjemland/),
      ]),
    );
  });

  it("requires a valid ISO 3166 country for a foreign party", () => {
    const taker = { ...valid.oppdragstaker, adresseHjemland: { adresselinje: "X", landkode: "QQ" } };
    expect(issues({ ...valid, oppdragstaker: taker })).toContain(
      "oppdragstaker.adresseHjemland.landkode:countryInvalid",
    );
  });

  it("validates the main oppdragsgiver only when it is different", () => {
    expect(
      issues({ ...valid, hovedoppdragsgiverErAnnen: "on", hovedoppdragsgiver: { variant: "norsk", navn: "" } }),
    ).toEqual(expect.arrayContaining(["hovedoppdragsgiver.navn:required"]));
    expect(issues({ ...valid, hovedoppdragsgiver: { variant: "norsk", navn: "" } })).toEqual([]);
  });

  it("requires the field name for work on the continental shelf", () => {
    expect(issues({ ...valid, oppdrag: { ...valid.oppdrag, arbeidssted: { type: "sokkel", felt: "" } } })).toContain(
      "oppdrag.arbeidssted.felt:required",
    );
  });

  describe("arbeidstakere", () => {
    const fnr = syntheticFodselsnummer();
    const norwegian = {
      navn: "Ola Testmann",
      identifikasjon: { variant: "norsk", fodselsnummer: `${fnr.slice(0, 6)} ${fnr.slice(6)}` },
      forsteArbeidsdag: "2026-11-02",
    };
    const foreign = {
      navn: "Jonas Testaitis",
      identifikasjon: {
        variant: "utenlandsk",
        utenlandskIdNummer: "LT-ID-778",
        fodselsdato: "1985-04-12",
        landkode: "LT",
      },
      forsteArbeidsdag: "2026-11-02",
      sisteArbeidsdag: "2026-12-20",
    };
    const withWorkers = (...arbeidstakere: unknown[]) => ({ ...valid, arbeidstakere });

    it("defaults to none, and keeps a Norwegian number without spaces and a foreign identification", () => {
      expect(oppdragFormSchema.parse(valid).arbeidstakere).toEqual([]);
      const r = oppdragFormSchema.parse(withWorkers(norwegian, { ...foreign, sisteArbeidsdag: "" }));
      expect(r.arbeidstakere[0]).toMatchObject({ identifikasjon: { fodselsnummer: fnr } });
      expect(r.arbeidstakere[1]).toMatchObject({ identifikasjon: { landkode: "LT", fodselsdato: "1985-04-12" } });
      expect(r.arbeidstakere[1]?.sisteArbeidsdag).toBeUndefined();
    });

    it("checks a fødselsnummer's format and check digits, naming the field", () => {
      const bad = (fodselsnummer: string) =>
        issues(withWorkers({ ...norwegian, identifikasjon: { variant: "norsk", fodselsnummer } }));
      expect(bad("1234")).toContain("arbeidstakere.0.identifikasjon.fodselsnummer:fodselsnummerFormat");
      const wrongDigit = `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;
      expect(bad(wrongDigit)).toContain("arbeidstakere.0.identifikasjon.fodselsnummer:fodselsnummerInvalid");
      expect(bad("")).toContain("arbeidstakere.0.identifikasjon.fodselsnummer:required");
    });

    it("requires the foreign ID number, a past date of birth and a listed country without a Norwegian number", () => {
      const found = issues(withWorkers({ ...foreign, identifikasjon: { variant: "utenlandsk", landkode: "QQ" } }));
      expect(found).toEqual(
        expect.arrayContaining([
          "arbeidstakere.0.identifikasjon.utenlandskIdNummer:required",
          "arbeidstakere.0.identifikasjon.fodselsdato:required",
          "arbeidstakere.0.identifikasjon.landkode:countryInvalid",
        ]),
      );
      const future = addDays(osloDate(new Date()), 1);
      expect(
        issues(withWorkers({ ...foreign, identifikasjon: { ...foreign.identifikasjon, fodselsdato: future } })),
      ).toContain("arbeidstakere.0.identifikasjon.fodselsdato:birthDateInFuture");
      expect(issues(withWorkers({ ...foreign, identifikasjon: undefined }))).toContain(
        "arbeidstakere.0.identifikasjon:required",
      );
    });

    it("requires a first day, and a last day (when given) not before it", () => {
      expect(issues(withWorkers({ ...norwegian, forsteArbeidsdag: "" }))).toContain(
        "arbeidstakere.0.forsteArbeidsdag:required",
      );
      expect(issues(withWorkers({ ...norwegian, forsteArbeidsdag: "2026-02-30" }))).toContain(
        "arbeidstakere.0.forsteArbeidsdag:dateInvalid",
      );
      expect(issues(withWorkers(norwegian, { ...foreign, sisteArbeidsdag: "2026-11-01" }))).toEqual([
        "arbeidstakere.1.sisteArbeidsdag:lastDayBeforeFirst",
      ]);
      expect(issues(withWorkers({ ...foreign, sisteArbeidsdag: foreign.forsteArbeidsdag }))).toEqual([]);
    });

    it("takes at most MAX_ARBEIDSTAKERE", () => {
      expect(issues(withWorkers(...Array(MAX_ARBEIDSTAKERE).fill(norwegian)))).toEqual([]);
      expect(issues(withWorkers(...Array(MAX_ARBEIDSTAKERE + 1).fill(norwegian)))).toContain("arbeidstakere:tooMany");
    });
  });

  it("reads the change date, and refuses one far in the future", () => {
    const today = osloDate(new Date());
    expect(oppdragFormSchema.parse({ ...valid, endringsdato: today }).endringsdato).toBe(today);
    expect(oppdragFormSchema.parse({ ...valid, endringsdato: "" }).endringsdato).toBeUndefined();
    expect(issues({ ...valid, endringsdato: addDays(today, 31) })).toEqual([]);
    expect(issues({ ...valid, endringsdato: addDays(today, 32) })).toContain("endringsdato:changeDateTooFarAhead");
    expect(issues({ ...valid, endringsdato: "2026-13-01" })).toContain("endringsdato:dateInvalid");
  });
});
