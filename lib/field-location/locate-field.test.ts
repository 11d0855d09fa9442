import { describe, expect, it } from "vitest";
import { testTranslator } from "@/lib/testing/test-translator";
import { locateField } from "./locate-field";
import { stiToModelPath } from "./model-path";

const nb = testTranslator("nb");
const en = testTranslator("en");

/** Synthetic (Tenor) fødselsnumre: month + 80, never a real person. */
const OLA = "02929212345";
const KARI = "15858810008";

const leveranse = {
  opplysningspliktig: { norskIdentifikator: "310900125" },
  oppgave: {
    virksomhet: [
      {
        norskIdentifikator: "310900230",
        inntektsmottaker: [
          { norskIdentifikator: KARI, identifiserendeInformasjon: { navn: "Kari Testesen" } },
          {
            norskIdentifikator: OLA,
            identifiserendeInformasjon: { navn: "Ola Prøvestad" },
            arbeidsforhold: [{ yrke: "1234567" }, { yrke: "7654321" }],
          },
        ],
      },
    ],
  },
};

const twoVirksomheter = {
  oppgave: {
    virksomhet: [
      { norskIdentifikator: "310900230", inntektsmottaker: [] },
      {
        norskIdentifikator: "310900311",
        inntektsmottaker: [
          {
            internasjonalIdentifikator: [{ identifikator: "PL-778899", identifikatortype: "passnummer", land: "PL" }],
            identifiserendeInformasjon: { navn: "Jan Kowalski" },
          },
        ],
      },
    ],
  },
};

const oppdrag = {
  oppdragsgiver: { variant: "norsk", navn: "Byggmester AS", organisasjonsnummer: "310900125" },
  oppdragstaker: { variant: "utenlandsk", navn: "Baltic Steel OÜ", registreringsnummer: "EE123" },
  oppdrag: { beskrivelse: "Montering" },
};

describe("locating a field", () => {
  it("names an OAR sti by the form's section and label, in the reader's language", () => {
    expect(locateField("oar", "/oppdrag/beskrivelse", { t: nb, identity: "birthdate" })).toEqual({
      raw: "/oppdrag/beskrivelse",
      modelPath: "oppdrag.beskrivelse",
      crumbs: ["Oppdraget", "Beskrivelse av arbeidet"],
      known: true,
    });
    expect(locateField("oar", "/oppdrag/kontraktsverdi", { t: en, identity: "birthdate" }).crumbs).toEqual([
      "The assignment",
      "Contract value (NOK)",
    ]);
  });

  it("names the OAR party a field belongs to from the stored report", () => {
    const at = (sti: string) => locateField("oar", sti, { t: nb, payload: oppdrag, identity: "masked" }).crumbs;
    expect(at("/oppdragsgiver/organisasjonsnummer")).toEqual([
      "Oppdragsgiver: Byggmester AS (310 900 125)",
      "Organisasjonsnummer",
    ]);
    expect(at("/oppdragstaker/utenlandskIdentifikasjon")).toEqual([
      "Oppdragstaker: Baltic Steel OÜ",
      "Utenlandsk identifikasjon (registreringsnummer)",
    ]);
    expect(at("/oppdragstaker/adresseIHjemland/landkode")).toEqual([
      "Oppdragstaker: Baltic Steel OÜ",
      "Adresse i hjemlandet",
      "Land",
    ]);
  });

  it("resolves list indices to the right person, with the birth date part of the number only", () => {
    const location = locateField("amelding", "oppgave.virksomhet.0.inntektsmottaker.1.arbeidsforhold", {
      t: nb,
      payload: leveranse,
      identity: "birthdate",
    });
    expect(location.crumbs).toEqual(["Ola Prøvestad (029292·····)", "Arbeidsforhold"]);
    expect(location.known).toBe(true);
    expect(
      locateField("amelding", "/leveranse/oppgave/virksomhet/0/inntektsmottaker/0/norskIdentifikator", {
        t: nb,
        payload: leveranse,
        identity: "birthdate",
      }).crumbs,
    ).toEqual(["Kari Testesen (158588·····)", "Fødselsnummer eller d-nummer"]);
    expect(
      locateField("amelding", "oppgave.virksomhet.0.inntektsmottaker.1.arbeidsforhold.1.yrke", {
        t: en,
        payload: leveranse,
        identity: "birthdate",
      }).crumbs,
    ).toEqual(["Ola Prøvestad (029292·····)", "Employment 2", "Occupation code"]);
  });

  it("masks the person for roles that may not read personal data, as the rest of the app does", () => {
    const location = locateField("amelding", "oppgave.virksomhet.0.inntektsmottaker.1.arbeidsforhold", {
      t: nb,
      payload: leveranse,
      identity: "masked",
    });
    expect(location.crumbs).toEqual(["Ola Prøvestad (******12345)", "Arbeidsforhold"]);
    expect(JSON.stringify(location)).not.toContain("029292");
    // A foreign id is personal data too: only the name is shown.
    expect(
      locateField("amelding", "oppgave.virksomhet.1.inntektsmottaker.0.identifiserendeInformasjon.navn", {
        t: nb,
        payload: twoVirksomheter,
        identity: "masked",
      }).crumbs,
    ).toEqual(["Virksomhet 310 900 311", "Jan Kowalski", "Navn"]);
    expect(
      locateField("amelding", "oppgave.virksomhet.1.inntektsmottaker.0.identifiserendeInformasjon.navn", {
        t: nb,
        payload: twoVirksomheter,
        identity: "birthdate",
      }).crumbs,
    ).toEqual(["Virksomhet 310 900 311", "Jan Kowalski (PL-778899)", "Navn"]);
  });

  it("numbers items without a payload and leaves the person out where a heading shows it", () => {
    const path = "oppgave.virksomhet.0.inntektsmottaker.1.inntekt.0.loennsinntekt.beskrivelse";
    expect(locateField("amelding", path, { t: nb, identity: "birthdate" }).crumbs).toEqual([
      "Virksomhet 1",
      "Inntektsmottaker 2",
      "Inntekt 1",
      "Lønnsinntekt",
      "Beskrivelse",
    ]);
    expect(locateField("amelding", path, { t: nb, identity: "birthdate", parties: false }).crumbs).toEqual([
      "Inntekt 1",
      "Lønnsinntekt",
      "Beskrivelse",
    ]);
    expect(
      locateField("amelding", "/leveranse/oppgave/betalingsinformasjon/sumForskuddstrekkPerLoennsutbetalingsdato", {
        t: nb,
        identity: "birthdate",
      }).crumbs,
    ).toEqual(["Betalingsinformasjon", "Forskuddstrekk per lønnsutbetalingsdato"]);
  });

  it("humanises a path the forms do not have and says it is unknown", () => {
    const location = locateField(
      "amelding",
      "/leveranse/oppgave/virksomhet/0/inntektsmottaker/1/utleggstrekk/0/beloep",
      {
        t: nb,
        payload: leveranse,
        identity: "birthdate",
      },
    );
    expect(location.known).toBe(false);
    expect(location.crumbs).toEqual(["Ola Prøvestad (029292·····)", "Utleggstrekk 1", "Beløp"]);
    expect(
      locateField("amelding", "/leveranse/oppgave/betalingsinformasjon/sumFinansskattLoenn", {
        t: nb,
        identity: "birthdate",
      }),
    ).toMatchObject({ known: false, crumbs: ["Betalingsinformasjon", "Sum finansskatt lønn"] });
    expect(locateField("oar", "/__proto__/constructor", { t: nb, identity: "birthdate" })).toMatchObject({
      known: false,
      crumbs: ["Proto", "Constructor"],
    });
    expect(locateField("oar", "", { t: nb, identity: "birthdate" })).toMatchObject({ known: false, crumbs: [] });
  });
});

describe("Skatteetaten's sti as a model path", () => {
  it("reads JSON pointers, dots and brackets, and renames OAR's wire fields", () => {
    expect(stiToModelPath("amelding", "/leveranse/oppgave/virksomhet/0/inntektsmottaker/2")).toBe(
      "oppgave.virksomhet.0.inntektsmottaker.2",
    );
    expect(stiToModelPath("amelding", "leveranse.oppgave.virksomhet[1].norskIdentifikator")).toBe(
      "oppgave.virksomhet.1.norskIdentifikator",
    );
    expect(stiToModelPath("amelding", "oppgave.virksomhet.0")).toBe("oppgave.virksomhet.0");
    expect(stiToModelPath("oar", "$.oppdrag.kontraktsverdi")).toBe("oppdrag.kontraktsverdiNok");
    expect(stiToModelPath("oar", "/oppdragstaker/adresseIHjemland/landkode")).toBe(
      "oppdragstaker.adresseHjemland.landkode",
    );
    expect(stiToModelPath("oar", "/a~1b")).toBe("a/b");
    expect(stiToModelPath("oar", `/${"x/".repeat(10_000)}`)?.split(".")).toHaveLength(30);
  });
});
