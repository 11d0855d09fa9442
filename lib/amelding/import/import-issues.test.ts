import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatIssueParams } from "./import-issues";

describe("formatIssueParams", () => {
  it("writes every number in the reader's format, leaving text as it is", () => {
    const nb = createFormatter({ locale: "nb" });
    const en = createFormatter({ locale: "en" });
    const params = { expected: -43800, field: "sumArbeidsgiveravgift", limit: 2000 };
    // Bokmål: a minus sign and a (narrow) no-break space between thousands.
    expect(formatIssueParams(params, (n) => nb.number(n))).toEqual({
      expected: "−43\u00a0800",
      field: "sumArbeidsgiveravgift",
      limit: "2\u00a0000",
    });
    expect(formatIssueParams(params, (n) => en.number(n))).toMatchObject({ expected: "-43,800", limit: "2,000" });
    expect(formatIssueParams(undefined, String)).toBeUndefined();
  });
});
