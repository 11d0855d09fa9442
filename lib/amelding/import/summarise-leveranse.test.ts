import { describe, expect, it } from "vitest";
import { XML_V2_3 } from "./fixtures/xml-fixtures";
import { parseImport } from "./parse-import";
import { summariseLeveranse } from "./summarise-leveranse";

describe("summariseLeveranse", () => {
  it("counts virksomheter and persons and adds up the amounts to the øre", () => {
    const parsed = parseImport(XML_V2_3);
    if (!parsed.ok) throw new Error("fixture should be valid");
    expect(summariseLeveranse(parsed.leveranse)).toEqual({
      kalendermaaned: "2026-03",
      opplysningspliktig: "310900125",
      meldingsId: "GL-2026-03-0001",
      erstatterMeldingsId: null,
      kildesystem: "Gammel Lønn 7.2",
      virksomheter: [
        { orgnr: "312000016", persons: 2 },
        { orgnr: "312000024", persons: 1 },
      ],
      persons: 3,
      sumInntekt: 130739.5,
      sumForskuddstrekk: -31950,
      sumAvgiftsgrunnlag: 130739.5,
      reportedSumForskuddstrekk: 31950,
      reportedSumArbeidsgiveravgift: 18434,
      sumWarnings: [],
    });
  });
});
