import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InputRefusalCode } from "@/lib/input/guard";
import { measure, prototypeSnapshot } from "@/lib/testing/prototypes";
import { FORM_DATA_LIMITS, parseFormData } from "./form-data";

const FORM_REFUSALS: InputRefusalCode[] = [
  "forbiddenKey",
  "tooDeep",
  "tooManyNodes",
  "keyTooLong",
  "textTooLong",
  "nulCharacter",
  "arrayIndexInvalid",
  "fieldConflict",
  "tooLarge",
];

/** Name segments as an attacker would pick them: prototype names, huge and odd indices, and anything. */
const segment = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "length",
    "0",
    "1",
    "2",
    "01",
    "-1",
    "4294967294",
    "9999",
    "",
    "a",
    "b",
  ),
  fc.string({ maxLength: 6 }),
);
const name = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 10 }), fc.boolean())
  .map(([segments, list]) => `${segments.join(".")}${list ? "[]" : ""}`);
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom("\u0000", "0x10", "1e3", "Infinity", " 12 "),
);

describe("parseFormData under arbitrary form data (property-based)", () => {
  it("never throws, never touches a prototype, and either refuses with a known code or returns output no larger than its input", () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 40 }), (entries) => {
        const fd = new FormData();
        for (const [k, v] of entries) fd.append(k, v);
        const result = parseFormData(fd);
        if (!result.ok) {
          expect(FORM_REFUSALS).toContain(result.refusal.code);
          return;
        }
        const inputChars = entries.reduce((n, [k, v]) => n + k.length + v.length, 0);
        const out = measure(result.value);
        expect(out.chars).toBeLessThanOrEqual(inputChars);
        expect(out.nodes).toBeLessThanOrEqual(1 + entries.length * (FORM_DATA_LIMITS.maxDepth + 1));
        expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
      }),
      { numRuns: 1000 },
    );
    expect(prototypeSnapshot()).toEqual(before);
  });
});
