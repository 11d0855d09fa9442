import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { measure, prototypeSnapshot } from "@/lib/testing/prototypes";
import { ACTION_INPUT_LIMITS, checkInput, type InputRefusalCode, isForbiddenKey } from "./guard";

const OBJECT_REFUSALS: InputRefusalCode[] = [
  "forbiddenKey",
  "tooDeep",
  "tooManyNodes",
  "keyTooLong",
  "textTooLong",
  "nulCharacter",
  "unsupportedValue",
];
const LIMITS = { ...ACTION_INPUT_LIMITS, maxDepth: 6, maxNodes: 200, maxStringLength: 40 };

const key = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "__defineGetter__",
    "length",
    "0",
    "leveranse",
    "oppgave",
  ),
  fc.string({ maxLength: 8 }),
);
const leaf = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom("\u0000", "a\u0000"),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
type Tree = { leaf: unknown } | { list: Tree[] } | { entries: [string, Tree][] };
/** JSON-like trees with hostile keys, parsed as JSON.parse or React's reply decoding would: "__proto__" becomes an own key. */
const tree = fc
  .letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf.map((v) => ({ leaf: v })),
      fc.array(tie("node"), { maxLength: 5 }).map((list) => ({ list })),
      fc.array(fc.tuple(key, tie("node")), { maxLength: 5 }).map((entries) => ({ entries })),
    ),
  }))
  .node.map((t) => JSON.parse(jsonText(t)) as unknown);

function jsonText(t: Tree): string {
  if ("leaf" in t) return JSON.stringify(t.leaf) ?? "null";
  if ("list" in t) return `[${t.list.map(jsonText).join(",")}]`;
  return `{${t.entries.map(([k, c]) => `${JSON.stringify(k)}:${jsonText(c)}`).join(",")}}`;
}

/** An independent check of what the guard promises for a value it lets through. */
function withinBounds(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.length <= LIMITS.maxStringLength && !value.includes("\u0000");
  if (!value || typeof value !== "object") return true;
  if (depth >= LIMITS.maxDepth) return false;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.every(([k, v]) => (Array.isArray(value) || !isForbiddenKey(k)) && withinBounds(v, depth + 1));
}

describe("checkInput under arbitrary values (property-based)", () => {
  it("never throws, refuses with a known code or lets through only bounded, prototype-safe values, which zod then copies safely", () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(tree, (value) => {
        const refusal = checkInput(value, LIMITS);
        if (refusal) {
          expect(OBJECT_REFUSALS).toContain(refusal.code);
          return;
        }
        expect(withinBounds(value)).toBe(true);
        expect(measure(value).nodes).toBeLessThanOrEqual(LIMITS.maxNodes);
        // What defineAction does next: zod copies the keys of a record into a new object.
        z.record(z.string(), z.unknown()).safeParse(value);
      }),
      { numRuns: 1000 },
    );
    expect(prototypeSnapshot()).toEqual(before);
  });

  it("refuses what is not plain data, wherever it is", () => {
    for (const odd of [new Date(), new Map(), () => 1, Symbol("s"), 1n, Object.create({ inherited: 1 })]) {
      expect(checkInput({ a: [odd] }, LIMITS)).toMatchObject({ code: "unsupportedValue", path: ["a", 0] });
    }
  });
});
