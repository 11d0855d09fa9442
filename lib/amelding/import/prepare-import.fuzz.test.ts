import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AMELDING_MESSAGE_KEYS } from "@/lib/amelding/validation-messages";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { leveranseToXml } from "@/lib/testing/leveranse-to-xml";
import { prototypeSnapshot } from "@/lib/testing/prototypes";
import type { DocumentError } from "./import-issues";
import { type PreparedImport, prepareImport } from "./prepare-import";

/*
 * The import worker's work (prepareImport: bounded parse, validation, summary, payload) over
 * arbitrary and hostile files. Whatever the file: no exception (the route would answer 500), no
 * change to a global prototype, only typed errors, an answer bounded by the file's size, and
 * nothing accepted that the database cannot store.
 */

const DOCUMENT_CODES: DocumentError["code"][] = [
  "empty",
  "unknown_format",
  "json_malformed",
  "json_missing_leveranse",
  "xml_malformed",
  "xml_wrong_root",
  "xml_wrong_namespace",
  "xml_missing_leveranse",
  "xml_repeated_element",
  "xml_expected_elements",
  "xml_expected_value",
  "input_refused",
];
const FIELD_KEYS = new Set<string>(AMELDING_MESSAGE_KEYS);

function expectTyped(prepared: PreparedImport, text: string) {
  const answer = JSON.stringify(prepared.ok ? { ...prepared, payloadJson: undefined } : prepared.rejected);
  // Each error comes from something in the file, and a listed error takes at most a few hundred characters.
  expect(answer.length).toBeLessThanOrEqual(200 * text.length + 20_000);
  if (prepared.ok) {
    expect(prepared.payloadJson!.length).toBeLessThanOrEqual(2 * text.length + 1000);
    // What is accepted can be stored: PostgreSQL's jsonb cannot hold U+0000.
    expect(prepared.payloadJson).not.toContain("\\u0000");
    return;
  }
  for (const error of prepared.rejected.documentErrors) expect(DOCUMENT_CODES).toContain(error.code);
  for (const group of prepared.rejected.groups)
    for (const error of group.errors) expect(FIELD_KEYS.has(error.key)).toBe(true);
}

const hostileKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "0",
  "length",
);
const hostileValue = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "0x10", "1e3", "Infinity", " 12 ", "-0", "", "9".repeat(400)),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A path into a generated leveranse, to put something hostile there. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== "object") return [prefix];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...children.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

const base = JSON.parse(
  JSON.stringify(generateLeveranse({ opplysningspliktig: "310900125", virksomhet: "310900230", persons: 2, seed: 7 })),
);
const basePaths = paths(base);

/** The valid leveranse with a few hostile keys and values put in at random places, written as JSON text by hand (so "__proto__" stays a key). */
const hostileJson = fc
  .array(fc.tuple(fc.nat(basePaths.length - 1), fc.oneof(hostileKey, fc.string({ maxLength: 6 })), hostileValue), {
    minLength: 1,
    maxLength: 4,
  })
  .map((edits) => {
    const inserts = new Map<string, [string, unknown][]>();
    for (const [p, k, v] of edits) {
      const at = JSON.stringify(basePaths[p]);
      inserts.set(at, [...(inserts.get(at) ?? []), [k, v]]);
    }
    const write = (value: unknown, path: (string | number)[]): string => {
      const extra = inserts.get(JSON.stringify(path)) ?? [];
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, [...path, i])).join(",")}]`;
      if (value && typeof value === "object") {
        const members = [
          ...Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${write(v, [...path, k])}`),
          ...extra.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`),
        ];
        return `{${members.join(",")}}`;
      }
      return JSON.stringify(value) ?? "null";
    };
    return `{"leveranse":${write(base, [])}}`;
  });

/** Text that is almost JSON or XML: fragments of both, hostile ones among them. */
const fragments = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        '"',
        "\\",
        "\\u0000",
        "1e3",
        "-0.5",
        "true",
        '"__proto__"',
        '"leveranse"',
        "<",
        ">",
        "</",
        "/>",
        '<!DOCTYPE x [<!ENTITY a "b">]>',
        "&a;",
        "&#0;",
        "&amp;",
        "<![CDATA[",
        "]]>",
        "<!--",
        "-->",
        '<?xml version="1.0"?>',
        'xmlns="urn:ske:fastsetting:innsamling:a-meldingen:v2_3"',
        "melding",
        "Leveranse",
        "constructor",
        "=",
        "'",
      ),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

/** XML in the A-melding's frame with elements and attributes named as an attacker would. */
const xmlName = fc.oneof(
  fc.constantFrom(
    "constructor",
    "toString",
    "hasOwnProperty",
    "ns2:constructor",
    "ns2:toString",
    "ns2:inntektsmottaker",
    "ns2:beloep",
    "oppgave",
    "virksomhet",
    "x",
  ),
  fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
);
type Element = { name: string; attributes: [string, string][]; children: (Element | string)[] };
const xmlText = fc.oneof(
  fc.constantFrom("0x10", "1e3", " 12 ", "&amp;", "&lt;", "&#65;", "Infinity"),
  fc.stringMatching(/^[a-zA-Z0-9 .,-]{0,8}$/),
);
const element: fc.Arbitrary<Element> = fc.letrec<{ el: Element }>((tie) => ({
  el: fc.record({
    name: xmlName,
    attributes: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom("xsi:nil", "constructor", "__proto__"), fc.stringMatching(/^[a-z]{1,4}$/)),
        fc.constantFrom("true", "1", "x"),
      ),
      { maxLength: 3 },
    ),
    children: fc.array(fc.oneof({ depthSize: "small" }, xmlText, tie("el")), { maxLength: 4 }),
  }),
})).el;
function writeXml(e: Element): string {
  const attributes = [...new Map(e.attributes)].map(([k, v]) => ` ${k}="${v}"`).join("");
  return `<${e.name}${attributes}>${e.children.map((c) => (typeof c === "string" ? c : writeXml(c))).join("")}</${e.name}>`;
}
const hostileXml = fc.tuple(fc.array(element, { maxLength: 3 }), fc.boolean()).map(([elements, doctype]) =>
  leveranseToXml(base)
    .replace("<ns2:oppgave>", `<ns2:oppgave>${elements.map(writeXml).join("")}`)
    .replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      doctype ? '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY e "x">]>' : "",
    ),
);

describe("prepareImport under arbitrary and hostile files (property-based)", () => {
  for (const [name, files, runs] of [
    ["JSON with hostile keys and values", hostileJson, 150],
    ["XML with hostile elements, attributes and declarations", hostileXml, 150],
    ["text that is almost JSON or XML", fragments, 400],
  ] as const) {
    it(`${name}: no exception, no prototype change, typed errors, answer bounded by the file`, () => {
      const before = prototypeSnapshot();
      fc.assert(
        fc.property(files, (text) => {
          expectTyped(prepareImport(text, { payload: true }), text);
        }),
        { numRuns: runs },
      );
      expect(prototypeSnapshot()).toEqual(before);
    });
  }
});
