import { describe, expect, it } from "vitest";
import { seededRandom, syntheticFodselsnummer } from "@/lib/testing/amelding-generator";
import { checkFodselsnummer, isValidFodselsnummer } from "./fodselsnummer";

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const weighted = (digits: number[], weights: number[]) => weights.reduce((s, w, i) => s + w * digits[i]!, 0);

/** Appends check digits; `k1Rest` 0 is the classic rule, 1–3 are allowed for numbers issued from 2032. */
function withCheckDigits(nine: string, k1Rest = 0): string | null {
  const digits = [...nine].map(Number);
  let k1 = 11 + k1Rest - (weighted(digits, K1) % 11);
  if (k1 > 10) k1 -= 11;
  if (k1 === 10) return null;
  let k2 = 11 - (weighted([...digits, k1], K2) % 11);
  if (k2 === 11) k2 = 0;
  return k2 === 10 ? null : `${nine}${k1}${k2}`;
}

function firstValid(prefixes: string[], k1Rest = 0): string {
  for (const p of prefixes) {
    const n = withCheckDigits(p, k1Rest);
    if (n) return n;
  }
  throw new Error("no valid number for these prefixes");
}

const individuals = Array.from({ length: 200 }, (_, i) => String(100 + i));

describe("fødselsnummer and d-nummer", () => {
  it("accepts Tenor synthetic numbers (month + 80) generated for tests", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const fnr = syntheticFodselsnummer(random);
      expect(checkFodselsnummer(fnr)).toEqual({ valid: true, kind: "fodselsnummer", synthetic: true });
    }
  });

  it("accepts a synthetic d-nummer (first digit + 4) and reports it as one", () => {
    const dnr = syntheticFodselsnummer(seededRandom(3), { dnummer: true });
    expect(Number(dnr[0])).toBeGreaterThanOrEqual(4);
    expect(checkFodselsnummer(dnr)).toMatchObject({ valid: true, kind: "dnummer" });
  });

  it("accepts NAV's synthetic numbers (month + 40)", () => {
    const nav = firstValid(individuals.map((ind) => `1545${"90"}${ind}`));
    expect(checkFodselsnummer(nav)).toMatchObject({ valid: true, synthetic: true });
  });

  it("accepts numbers whose first check digit follows the 2032 rule (remainder 1–3)", () => {
    for (const rest of [1, 2, 3]) {
      const n = firstValid(
        individuals.map((ind) => `1587${"32"}${ind}`),
        rest,
      );
      expect(isValidFodselsnummer(n)).toBe(true);
    }
  });

  it("rejects a wrong check digit, an impossible date and the wrong length, each with its reason", () => {
    const fnr = syntheticFodselsnummer(seededRandom(11));
    const wrongK2 = `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;
    expect(checkFodselsnummer(wrongK2)).toEqual({ valid: false, reason: "checksum" });
    const feb30 = firstValid(individuals.map((ind) => `3082${"90"}${ind}`));
    expect(checkFodselsnummer(feb30)).toEqual({ valid: false, reason: "date" });
    expect(checkFodselsnummer("1234567890")).toEqual({ valid: false, reason: "format" });
    expect(checkFodselsnummer("abcdefghijk")).toEqual({ valid: false, reason: "format" });
  });

  it("ignores spaces people type", () => {
    const fnr = syntheticFodselsnummer(seededRandom(5));
    expect(isValidFodselsnummer(`${fnr.slice(0, 6)} ${fnr.slice(6)}`)).toBe(true);
  });
});
