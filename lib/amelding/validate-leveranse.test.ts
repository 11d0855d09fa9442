import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { validateLeveranse, validateLeveranseUnsent } from "./validate-leveranse";
import { AMELDING_MESSAGE_KEYS } from "./validation-messages";

function leveranse(persons = 3): any {
  return JSON.parse(
    JSON.stringify(generateLeveranse({ opplysningspliktig: "310900125", virksomhet: "310900230", persons, seed: 4 })),
  );
}

describe("validateLeveranse", () => {
  it("returns the parsed leveranse when it is valid", () => {
    const result = validateLeveranse(leveranse());
    expect(result.ok).toBe(true);
  });

  it("ties each error to the person (name and masked fødselsnummer) and the field within that person", () => {
    const l = leveranse();
    const person = l.oppgave.virksomhet[0].inntektsmottaker[2];
    person.inntekt[0].beloep = "mye";
    person.arbeidsforhold[0].yrke = "12";
    const result = validateLeveranse(l);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fnr: string = person.norskIdentifikator;
    const label = `${person.identifiserendeInformasjon.navn}, ******${fnr.slice(6)}`;
    const given = { name: person.identifiserendeInformasjon.navn, norskIdentifikator: fnr, foreignId: "" };
    expect(result.errors).toEqual([
      {
        path: "oppgave.virksomhet.0.inntektsmottaker.2.arbeidsforhold.0.yrke",
        key: "yrkeFormat",
        field: "arbeidsforhold.0.yrke",
        person: { virksomhetIndex: 0, index: 2, label, given },
      },
      {
        path: "oppgave.virksomhet.0.inntektsmottaker.2.inntekt.0.beloep",
        key: "amountInvalid",
        field: "inntekt.0.beloep",
        person: { virksomhetIndex: 0, index: 2, label, given },
      },
    ]);
    // The label is what may be shown as it is; the number as given is for the server to show by role.
    expect(result.errors.map((e) => e.person?.label).join()).not.toContain(fnr);
  });

  it("labels a person without name or id by position, and errors outside persons by path only", () => {
    const l = leveranse();
    l.oppgave.virksomhet[0].inntektsmottaker[1] = { inntekt: [] };
    l.oppgave.betalingsinformasjon.sumArbeidsgiveravgift = 1.5;
    const result = validateLeveranse(l);
    if (result.ok) throw new Error("expected errors");
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "norskIdentifikator",
          key: "identifierRequired",
          person: expect.objectContaining({ label: "#2" }),
        }),
        {
          path: "oppgave.betalingsinformasjon.sumArbeidsgiveravgift",
          key: "amountWholeKroner",
          field: "oppgave.betalingsinformasjon.sumArbeidsgiveravgift",
        },
      ]),
    );
  });

  it("maps structural errors in imported JSON to a message key", () => {
    const l = leveranse();
    l.oppgave.virksomhet[0].inntektsmottaker = { not: "a list" };
    const result = validateLeveranse(l);
    if (result.ok) throw new Error("expected errors");
    expect(result.errors).toEqual([
      expect.objectContaining({ path: "oppgave.virksomhet.0.inntektsmottaker", key: "structureInvalid" }),
    ]);
  });

  it("accepts a draft without leveringstidspunkt", () => {
    const l = leveranse();
    delete l.leveringstidspunkt;
    expect(validateLeveranse(l).ok).toBe(false);
    expect(validateLeveranseUnsent(l).ok).toBe(true);
  });

  it("has a text in both languages for every message key", () => {
    for (const key of AMELDING_MESSAGE_KEYS) {
      expect(nb.ameldingValidation).toHaveProperty(key);
      expect(en.ameldingValidation).toHaveProperty(key);
    }
  });
});
