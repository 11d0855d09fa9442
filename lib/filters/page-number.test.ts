import { describe, expect, it } from "vitest";
import { MAX_PAGE, parsePageNumber } from "./page-number";

describe("parsePageNumber", () => {
  it("reads a whole page number", () => {
    expect(parsePageNumber("1")).toBe(1);
    expect(parsePageNumber("7")).toBe(7);
    expect(parsePageNumber(String(MAX_PAGE))).toBe(MAX_PAGE);
  });

  it("takes the first of a repeated page", () => {
    expect(parsePageNumber(["3", "9"])).toBe(3);
  });

  it("shows the first page for anything it cannot use", () => {
    for (const value of [undefined, "", "0", "-2", "2.5", "abc", "1; drop table", String(MAX_PAGE + 1), "1e9", [], {}])
      expect(parsePageNumber(value)).toBe(1);
  });
});
