import { describe, expect, it } from "vitest";
import { isValidOrgnr, normaliseOrgnr, orgnrCheckDigit } from "./orgnr";

function withCheckDigit(firstEight: string) {
  const d = orgnrCheckDigit(firstEight);
  if (d === null) throw new Error("no valid check digit");
  return firstEight + d;
}

describe("orgnr", () => {
  it("accepts a number whose ninth digit is the mod-11 check digit", () => {
    // 3*3+1*2+0*7+1*6+2*5+3*4+4*3+5*2 = 61; 61 mod 11 = 6; 11-6 = 5
    expect(orgnrCheckDigit("31012345")).toBe(5);
    expect(isValidOrgnr("310123455")).toBe(true);
  });

  it("rejects a wrong check digit, wrong length and non-digits", () => {
    expect(isValidOrgnr("310123456")).toBe(false);
    expect(isValidOrgnr("31012345")).toBe(false);
    expect(isValidOrgnr("3101234555")).toBe(false);
    expect(isValidOrgnr("31012345a")).toBe(false);
  });

  it("treats remainder 0 as check digit 0 and remainder 1 as invalid", () => {
    // find prefixes with each remainder rather than hard-coding them
    let zero: string | undefined;
    let one: string | undefined;
    for (let n = 31000000; n < 31001000 && (!zero || !one); n++) {
      const s = String(n);
      const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((a, w, i) => a + w * Number(s[i]), 0);
      if (sum % 11 === 0) zero ??= s;
      if (sum % 11 === 1) one ??= s;
    }
    expect(orgnrCheckDigit(zero!)).toBe(0);
    expect(isValidOrgnr(`${zero}0`)).toBe(true);
    expect(orgnrCheckDigit(one!)).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidOrgnr(`${one}${d}`)).toBe(false);
  });

  it("ignores spaces people type", () => {
    expect(normaliseOrgnr("310 123 455")).toBe("310123455");
    expect(isValidOrgnr("310 123 455")).toBe(true);
    expect(isValidOrgnr(withCheckDigit("31098765"))).toBe(true);
  });
});
