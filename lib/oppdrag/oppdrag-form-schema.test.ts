import { describe, expect, it } from "vitest";
import { oppdragFormSchema } from "./oppdrag-form-schema";

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
});
