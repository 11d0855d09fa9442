import { XMLParser, XMLValidator } from "fast-xml-parser";
import { type ComplexType, LEVERANSE, type ScalarKind } from "@/lib/amelding/v2-elements";
import { parseDecimal } from "@/lib/validation/decimal";
import { type DocumentError, formatImportPath, type ImportPath, type UnknownElementWarning } from "./import-issues";
import { IMPORT_XML_LIMITS } from "./import-limits";

/** Any v2.x namespace: the 2.x versions share the tree; differences show up as unknown elements. */
const NAMESPACE = /^urn:ske:fastsetting:innsamling:a-meldingen:(v2_\d+)$/;
const INTEGER = /^[+-]?\d+$/;

export type XmlToLeveranseResult =
  | { ok: true; leveranse: Record<string, unknown>; version: string; warnings: UnknownElementWarning[] }
  | { ok: false; errors: DocumentError[] };

type Walk = { errors: DocumentError[]; unknown: Map<string, UnknownElementWarning> };

function localName(name: string) {
  return name.slice(name.indexOf(":") + 1);
}

function isAttribute(key: string) {
  return key.startsWith("@_");
}

/**
 * Reads an A-melding in the XSD v2.x XML format (root `melding`, child `Leveranse`) into the
 * same tree as the JSON API's `leveranse`:
 * - namespace prefixes are dropped; attributes (xmlns, xsi:…) are ignored, and an element marked
 *   `xsi:nil="true"` counts as absent;
 * - every element the XSD lets repeat becomes an array, even with one occurrence;
 * - integers, decimals and booleans become numbers and booleans. A value that is not one is
 *   kept as the text found, so the field validation reports it at that person and field;
 * - elements the XSD does not have are left out and returned as warnings.
 * A file that is not well-formed, has another root, or has structure errors gives errors only.
 */
export function xmlToLeveranse(xml: string): XmlToLeveranseResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return {
      ok: false,
      errors: [{ code: "xml_malformed", line: valid.err.line, column: valid.err.col, detail: valid.err.msg }],
    };
  }
  let doc: Record<string, unknown>;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      parseTagValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      // The caller bounds the file and refuses DOCTYPE first (lib/input/xml-text.ts), so only XML's
      // predefined and numeric entities remain, which never expand; the depth bound is the parser's own besides.
      maxNestedTags: IMPORT_XML_LIMITS.maxDepth,
    }).parse(xml) as Record<string, unknown>;
  } catch (error) {
    // The validator passed, so this is a limit (entity expansion, nesting depth) the parser enforces.
    return {
      ok: false,
      errors: [{ code: "xml_malformed", detail: error instanceof Error ? error.message : String(error) }],
    };
  }

  const rootKey = Object.keys(doc).find((k) => !k.startsWith("?") && !k.startsWith("#") && !isAttribute(k));
  if (!rootKey) return { ok: false, errors: [{ code: "xml_malformed", detail: "no root element" }] };
  if (localName(rootKey) !== "melding") return { ok: false, errors: [{ code: "xml_wrong_root", found: rootKey }] };
  const root = doc[rootKey];
  const rootObject = root && typeof root === "object" && !Array.isArray(root) ? (root as Record<string, unknown>) : {};
  const prefix = rootKey.includes(":") ? rootKey.slice(0, rootKey.indexOf(":")) : null;
  const namespace = rootObject[prefix ? `@_xmlns:${prefix}` : "@_xmlns"];
  const version = typeof namespace === "string" ? NAMESPACE.exec(namespace)?.[1] : undefined;
  if (!version)
    return {
      ok: false,
      errors: [{ code: "xml_wrong_namespace", found: typeof namespace === "string" ? namespace : null }],
    };

  const walk: Walk = { errors: [], unknown: new Map() };
  const leveranseKeys = Object.keys(rootObject).filter((k) => localName(k) === "Leveranse");
  const leveranseNodes = leveranseKeys.flatMap((k) => asList(rootObject[k]));
  for (const key of Object.keys(rootObject)) {
    if (!isAttribute(key) && key !== "#text" && localName(key) !== "Leveranse") noteUnknown(walk, [localName(key)]);
  }
  if (leveranseNodes.length === 0) return { ok: false, errors: [{ code: "xml_missing_leveranse" }] };
  if (leveranseNodes.length > 1) return { ok: false, errors: [{ code: "xml_repeated_element", path: ["Leveranse"] }] };

  const leveranse = readComplex(leveranseNodes[0], LEVERANSE, [], walk) ?? {};
  if (walk.errors.length > 0) return { ok: false, errors: walk.errors };
  return { ok: true, leveranse, version, warnings: [...walk.unknown.values()] };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function noteUnknown(walk: Walk, path: ImportPath) {
  const element = formatImportPath(path.filter((p) => typeof p === "string"));
  const seen = walk.unknown.get(element);
  if (seen) seen.count += 1;
  else walk.unknown.set(element, { code: "unknown_element", element, count: 1, firstPath: path });
}

function isNil(node: unknown) {
  if (!node || typeof node !== "object" || Array.isArray(node)) return false;
  return Object.entries(node).some(
    ([k, v]) => isAttribute(k) && localName(k.slice(2)) === "nil" && (v === "true" || v === "1"),
  );
}

/** The element's children grouped by local name, in document order per name. */
function childrenByName(node: Record<string, unknown>) {
  const out = new Map<string, unknown[]>();
  for (const [key, value] of Object.entries(node)) {
    if (isAttribute(key) || key === "#text") continue;
    const name = localName(key);
    out.set(name, [...(out.get(name) ?? []), ...asList(value)]);
  }
  return out;
}

function readComplex(
  node: unknown,
  type: ComplexType,
  path: ImportPath,
  walk: Walk,
): Record<string, unknown> | undefined {
  if (node === "" || node === undefined || node === null) return {};
  if (typeof node !== "object" || Array.isArray(node)) {
    walk.errors.push({ code: "xml_expected_elements", path });
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if (typeof record["#text"] === "string" && record["#text"].trim() !== "") {
    walk.errors.push({ code: "xml_expected_elements", path });
  }
  const out: Record<string, unknown> = {};
  for (const [name, rawValues] of childrenByName(record)) {
    // Own entries only: an element named like an Object.prototype member ("constructor") is unknown, not a function.
    const spec = Object.hasOwn(type, name) ? type[name] : undefined;
    if (!spec) {
      for (const _ of rawValues) noteUnknown(walk, [...path, name]);
      continue;
    }
    const values = rawValues.filter((v) => !isNil(v));
    if (values.length === 0) continue;
    if (!spec.repeats && values.length > 1) {
      walk.errors.push({ code: "xml_repeated_element", path: [...path, name] });
      continue;
    }
    const read = values.map((value, i) => {
      const at = spec.repeats ? [...path, name, i] : [...path, name];
      return typeof spec.type === "string"
        ? readScalar(value, spec.type, at, walk)
        : readComplex(value, spec.type, at, walk);
    });
    out[name] = spec.repeats ? read : read[0];
  }
  return out;
}

function readScalar(node: unknown, kind: ScalarKind, path: ImportPath, walk: Walk): unknown {
  let text: string;
  if (typeof node === "string") text = node;
  else if (node && typeof node === "object" && !Array.isArray(node)) {
    if (childrenByName(node as Record<string, unknown>).size > 0) {
      walk.errors.push({ code: "xml_expected_value", path });
      return undefined;
    }
    const inner = (node as Record<string, unknown>)["#text"];
    text = typeof inner === "string" ? inner : "";
  } else text = "";

  switch (kind) {
    case "text":
      return text;
    case "integer":
      return INTEGER.test(text) ? (parseDecimal(text, { grammar: "xsd" }) ?? text) : text;
    case "decimal":
      return parseDecimal(text, { grammar: "xsd" }) ?? text;
    case "boolean":
      if (text === "true" || text === "1") return true;
      if (text === "false" || text === "0") return false;
      return text;
  }
}
