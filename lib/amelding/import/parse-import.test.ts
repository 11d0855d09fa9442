import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFodselsnummer } from "@/lib/validation/fodselsnummer";
import { leveranseToXml, syntheticFodselsnummer, syntheticLeveranse } from "@/lib/testing/synthetic-amelding";
import { detectImportFormat, parseImport } from "./parse-import";

const XML_FIXTURE = readFileSync(new URL("./fixtures/amelding-v2_3-tre-personer.xml", import.meta.url), "utf8");
const OPTIONS = { opplysningspliktig: "310900125", virksomhet: "312000016", kalendermaaned: "2026-03" };

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
    const leveranse = syntheticLeveranse(OPTIONS);
    const result = parseImport(JSON.stringify({ leveranse }, null, 2));
    expect(result).toMatchObject({ ok: true, format: "json", warnings: [] });
    if (!result.ok) return;
    expect(result.leveranse.kalendermaaned).toBe("2026-03");
    expect(result.leveranse.oppgave.virksomhet[0]!.inntektsmottaker).toHaveLength(3);
  });

  it("accepts amounts sent as strings, as the API's own JSON has them", () => {
    const leveranse = syntheticLeveranse(OPTIONS) as any;
    leveranse.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0].beloep = "23989.5";
    const result = parseImport(JSON.stringify({ leveranse }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.leveranse.oppgave.virksomhet[0]!.inntektsmottaker[0]!.inntekt![0]!.beloep).toBe(23989.5);
  });

  it("reads the XML fixture from an older payroll system and reports its version", () => {
    const result = parseImport(XML_FIXTURE);
    expect(result).toMatchObject({ ok: true, format: "xml", xmlVersion: "v2_3", warnings: [] });
  });

  it("reads the same leveranse from JSON and from XML into the same model", () => {
    const leveranse = syntheticLeveranse({ ...OPTIONS, persons: 2 });
    const fromJson = parseImport(JSON.stringify({ leveranse }));
    const fromXml = parseImport(leveranseToXml(leveranse));
    expect(fromJson.ok && fromXml.ok).toBe(true);
    if (fromJson.ok && fromXml.ok) expect(fromXml.leveranse).toEqual(fromJson.leveranse);
  });

  it("gives field issues with the path of the person and field", () => {
    const leveranse = syntheticLeveranse(OPTIONS) as any;
    leveranse.oppgave.virksomhet[0].inntektsmottaker[1].norskIdentifikator = "15858810009";
    leveranse.oppgave.virksomhet[0].inntektsmottaker[2].forskuddstrekk[0].beloep = 500;
    const result = parseImport(leveranseToXml(leveranse));
    expect(result).toMatchObject({
      ok: false,
      format: "xml",
      documentErrors: [],
      fieldIssues: [
        { path: ["oppgave", "virksomhet", 0, "inntektsmottaker", 1, "norskIdentifikator"], messageKey: "fnrChecksum" },
        { path: ["oppgave", "virksomhet", 0, "inntektsmottaker", 2, "forskuddstrekk", 0, "beloep"], messageKey: "deductionNegative" },
      ],
    });
    if (!result.ok) expect((result.raw as any).oppgave.virksomhet[0].inntektsmottaker[1].identifiserendeInformasjon.navn).toBe("Testperson 2");
  });

  it("explains what is wrong with a file it cannot read", () => {
    expect(parseImport("  \n")).toMatchObject({ ok: false, documentErrors: [{ code: "empty" }] });
    expect(parseImport("kalendermaaned;2026-03")).toMatchObject({ ok: false, format: null, documentErrors: [{ code: "unknown_format" }] });
    expect(parseImport('{"melding": {}}')).toMatchObject({ ok: false, format: "json", documentErrors: [{ code: "json_missing_leveranse" }] });
    expect(parseImport('{\n  "leveranse": {\n    "kalendermaaned" "2026-03"\n  }\n}')).toMatchObject({
      ok: false,
      documentErrors: [{ code: "json_malformed", line: 3, column: 22 }],
    });
    expect(parseImport('{\n  "leveranse": {')).toMatchObject({ documentErrors: [{ code: "json_malformed", line: 2, column: 17 }] });
    expect(parseImport("<melding><Leveranse></melding>")).toMatchObject({ format: "xml", documentErrors: [{ code: "xml_malformed", line: 1 }] });
  });
});

describe("syntheticFodselsnummer", () => {
  it("gives distinct valid synthetic numbers", () => {
    const numbers = Array.from({ length: 500 }, (_, i) => syntheticFodselsnummer(i * 7));
    expect(new Set(numbers).size).toBe(500);
    for (const n of numbers) expect(checkFodselsnummer(n)).toMatchObject({ valid: true, synthetic: true });
  });
});
