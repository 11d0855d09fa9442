import { describe, expect, it } from "vitest";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { leveranseToXml } from "@/lib/testing/leveranse-to-xml";
import { XML_V2_3 as XML_FIXTURE, XML_V2_2 } from "./fixtures/xml-fixtures";
import { detectImportFormat, parseImport } from "./parse-import";

const OPTIONS = { opplysningspliktig: "310900125", virksomhet: "312000016", kalendermaaned: "2026-03", persons: 3 };

describe("detectImportFormat", () => {
  it.each([
    ['{"leveranse":{}}', "json"],
    ['\uFEFF\n  {"leveranse":{}}', "json"],
    ["[1]", "json"],
    ['<?xml version="1.0"?><melding/>', "xml"],
    ["\r\n<melding/>", "xml"],
    ["leveranse: {}", null],
    ["", null],
  ])("%j → %s", (text, format) => {
    expect(detectImportFormat(text)).toBe(format);
  });
});

describe("parseImport", () => {
  it("reads the API's JSON ({ leveranse }) into the model", () => {
    const leveranse = generateLeveranse(OPTIONS);
    const result = parseImport(JSON.stringify({ leveranse }, null, 2));
    expect(result).toMatchObject({ ok: true, format: "json", warnings: [] });
    if (!result.ok) return;
    expect(result.leveranse.kalendermaaned).toBe("2026-03");
    expect(result.leveranse.oppgave.virksomhet[0]!.inntektsmottaker).toHaveLength(3);
  });

  it("accepts amounts sent as strings, as the API's own JSON has them", () => {
    const leveranse = generateLeveranse(OPTIONS);
    // A string where the model has a number: the import reads it as the API's JSON does.
    Object.assign(leveranse.oppgave.virksomhet[0]!.inntektsmottaker[0]!.inntekt![0]!, { beloep: "23989.5" });
    const result = parseImport(JSON.stringify({ leveranse }));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.leveranse.oppgave.virksomhet[0]!.inntektsmottaker[0]!.inntekt![0]!.beloep).toBe(23989.5);
  });

  it("reads the XML fixture from an older payroll system and reports its version", () => {
    const result = parseImport(XML_FIXTURE);
    expect(result).toMatchObject({ ok: true, format: "xml", xmlVersion: "v2_3", warnings: [] });
  });

  it("reads a file written for an older 2.x model, leaving out the forskuddstrekk sum v2.3 replaced", () => {
    const leftOut = [
      {
        code: "unknown_element",
        element: "oppgave.betalingsinformasjon.sumForskuddstrekk",
        count: 1,
        firstPath: ["oppgave", "betalingsinformasjon", "sumForskuddstrekk"],
      },
    ];
    const xml = parseImport(XML_V2_2);
    expect(xml).toMatchObject({ ok: true, format: "xml", xmlVersion: "v2_2", warnings: leftOut });

    const leveranse = generateLeveranse(OPTIONS);
    // What a file for v2.2 has: a forskuddstrekk sum, avloenningstype, no formForAnsettelse.
    Object.assign(leveranse.oppgave, {
      betalingsinformasjon: { sumForskuddstrekk: -31950, sumArbeidsgiveravgift: 18434 },
    });
    const arbeidsforhold = leveranse.oppgave.virksomhet[0]!.inntektsmottaker[0]!.arbeidsforhold![0]!;
    Object.assign(arbeidsforhold, { avloenningstype: "fast" });
    delete arbeidsforhold.formForAnsettelse;
    const json = parseImport(JSON.stringify({ leveranse }));
    expect(json).toMatchObject({ ok: true, format: "json", warnings: leftOut });
    if (json.ok) expect(json.leveranse.oppgave.betalingsinformasjon).toEqual({ sumArbeidsgiveravgift: 18434 });
  });

  it("reads the same leveranse from JSON and from XML into the same model", () => {
    const leveranse = generateLeveranse({ ...OPTIONS, persons: 2 });
    const fromJson = parseImport(JSON.stringify({ leveranse }));
    const fromXml = parseImport(leveranseToXml(leveranse));
    expect(fromJson.ok && fromXml.ok).toBe(true);
    if (fromJson.ok && fromXml.ok) expect(fromXml.leveranse).toEqual(fromJson.leveranse);
  });

  it("gives field errors with the person (name, masked fødselsnummer) and field", () => {
    const leveranse = generateLeveranse(OPTIONS);
    const [, second, third] = leveranse.oppgave.virksomhet[0]!.inntektsmottaker;
    if (!second || !third) throw new Error("the generator made three persons");
    second.norskIdentifikator = `${second.norskIdentifikator!.slice(0, 10)}${(Number(second.norskIdentifikator![10]) + 1) % 10}`;
    Object.assign(third.inntekt![0]!, { beloep: "12 000,5x" });
    const result = parseImport(leveranseToXml(leveranse));
    expect(result).toMatchObject({ ok: false, format: "xml", documentErrors: [], virksomheter: ["312000016"] });
    if (result.ok) return;
    expect(result.fieldErrors).toEqual([
      {
        path: "oppgave.virksomhet.0.inntektsmottaker.1.norskIdentifikator",
        field: "norskIdentifikator",
        key: "fnrChecksum",
        person: {
          virksomhetIndex: 0,
          index: 1,
          label: `${second.identifiserendeInformasjon!.navn}, ******${second.norskIdentifikator!.slice(6)}`,
          given: {
            name: second.identifiserendeInformasjon!.navn,
            norskIdentifikator: second.norskIdentifikator,
            foreignId: "",
          },
        },
      },
      {
        path: "oppgave.virksomhet.0.inntektsmottaker.2.inntekt.0.beloep",
        field: "inntekt.0.beloep",
        key: "amountInvalid",
        person: expect.objectContaining({ index: 2 }),
      },
    ]);
  });

  it("explains what is wrong with a file it cannot read", () => {
    expect(parseImport("  \n")).toMatchObject({ ok: false, documentErrors: [{ code: "empty" }] });
    expect(parseImport("kalendermaaned;2026-03")).toMatchObject({
      ok: false,
      format: null,
      documentErrors: [{ code: "unknown_format" }],
    });
    expect(parseImport('{"melding": {}}')).toMatchObject({
      ok: false,
      format: "json",
      documentErrors: [{ code: "json_missing_leveranse" }],
    });
    expect(parseImport('{\n  "leveranse": {\n    "kalendermaaned" "2026-03"\n  }\n}')).toMatchObject({
      ok: false,
      documentErrors: [{ code: "json_malformed", line: 3, column: 22 }],
    });
    expect(parseImport('{\n  "leveranse": {')).toMatchObject({
      documentErrors: [{ code: "json_malformed", line: 2, column: 17 }],
    });
    expect(parseImport("<melding><Leveranse></melding>")).toMatchObject({
      format: "xml",
      documentErrors: [{ code: "xml_malformed", line: 1 }],
    });
  });
});
