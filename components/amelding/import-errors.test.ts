import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { ImportRejected } from "@/lib/amelding/import/import-result";
import nb from "@/lib/i18n/messages/nb.json";
import { renderMarkup } from "@/lib/testing/render-markup";
import { ImportErrors } from "./import-errors";

const result: ImportRejected = {
  ok: false,
  format: "json",
  documentErrors: [],
  groups: [
    { person: null, virksomhet: null, errors: [{ field: "oppgave.virksomhet.1.norskIdentifikator", key: "required" }] },
    {
      person: "Kari Testesen, ******10008",
      virksomhet: "310900230",
      errors: [
        { field: "arbeidsforhold.1.yrke", key: "yrkeFormat" },
        { field: "utleggstrekk.0.beloep", key: "deductionNegative" },
      ],
    },
  ],
  errorCount: 3,
  personCount: 1,
  warnings: [],
};

/** The list items' text, tags removed. */
function items(html: string): string[] {
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map(([, inner]) => (inner as string).replace(/<[^>]+>/g, ""));
}

describe("import errors", () => {
  it("name each field as the builder labels it, under its person, with the raw path only for fields the builder lacks", () => {
    const html = renderMarkup(createElement(ImportErrors, { result }));
    expect(items(html)).toEqual([
      "Virksomhet 2 › Organisasjonsnummer for virksomheten: Feltet må fylles ut.",
      `Arbeidsforhold 2 › Yrkeskode: ${nb.ameldingValidation.yrkeFormat}`,
      `Utleggstrekk 1 › Beløp Teknisk sti: utleggstrekk.0.beloep: ${nb.ameldingValidation.deductionNegative}`,
    ]);
  });
});
