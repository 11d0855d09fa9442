import { describe, expect, it } from "vitest";
import { isAcceptableAmount, parseDecimal, parseWholeNumber, wholeNumberSchema } from "./decimal";

describe("parseDecimal", () => {
  it.each([
    ["0", 0],
    ["12", 12],
    ["-7000", -7000],
    ["\u22127000", -7000],
    ["23989.5", 23989.5],
    ["23989,50", 23989.5],
    ["40 000", 40000],
    ["40\u00a0000,50", 40000.5],
    ["1\u202f234\u202f567.89", 1234567.89],
    ["0.29", 0.29],
    ["9999999999999.99", 9999999999999.99],
  ])("reads %j as %d", (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each([
    "0x10",
    "0X10",
    "0b1",
    "0o17",
    "1e3",
    "1E3",
    "1e-2",
    "Infinity",
    "-Infinity",
    "NaN",
    " 12 ",
    "12 ",
    " 12",
    "\t12",
    "12\n",
    "",
    " ",
    "+12",
    "1 2",
    "12 34",
    "4 0000",
    "1,000.50",
    "1.000,50",
    "12.",
    ".5",
    "-",
    "--1",
    "1_000",
    "١٢",
    "10000000000000",
    "12abc",
  ])("refuses %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe("parseDecimal with the xs:decimal grammar (XML files)", () => {
  it("reads what the XSD allows and nothing else", () => {
    for (const [text, n] of [
      ["1500", 1500],
      ["+1500.50", 1500.5],
      ["-7000", -7000],
      ["1.", 1],
      [".5", 0.5],
      ["0", 0],
    ] as const) {
      expect(parseDecimal(text, { grammar: "xsd" }), text).toBe(n);
    }
    for (const text of ["0x10", "1e3", "Infinity", "1 500", "1,5", ".", "+", "", "10000000000000"])
      expect(parseDecimal(text, { grammar: "xsd" }), text).toBeNull();
  });
});

describe("parseWholeNumber and wholeNumberSchema", () => {
  it("accept digits only", () => {
    expect(parseWholeNumber("12")).toBe(12);
    for (const text of ["0x10", "1e3", " 12", "12.0", "+12", "", "Infinity", "0b1"])
      expect(parseWholeNumber(text)).toBeNull();
    expect(wholeNumberSchema().safeParse("0x10").success).toBe(false);
    expect(wholeNumberSchema().safeParse(16.5).success).toBe(false);
    expect(wholeNumberSchema().parse("16")).toBe(16);
    expect(wholeNumberSchema().parse(16)).toBe(16);
  });
});

describe("isAcceptableAmount", () => {
  it("refuses non-finite numbers and amounts too large to be exact in øre", () => {
    expect(isAcceptableAmount(450000.5)).toBe(true);
    expect(isAcceptableAmount(Number.POSITIVE_INFINITY)).toBe(false);
    expect(isAcceptableAmount(Number.NaN)).toBe(false);
    expect(isAcceptableAmount(1e13)).toBe(false);
  });
});
