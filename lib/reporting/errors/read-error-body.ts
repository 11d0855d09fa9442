import type { BodyFormat, DecodedSpecification } from "./decoded-error";
import { decodeXmlEntities, readXmlTree } from "./read-xml-tree";

/*
 * Reading an error answer's body: whatever a Skatteetaten API (or a proxy in front of it) sent,
 * as JSON, XML, HTML or text, into its code, message, korrelasjonsid and specification entries.
 * What the codes mean is the catalogue's (error-catalogue.ts) and classify-error.ts's business.
 */

/** A specification entry as read, before its code is looked up in the catalogue. */
export type RawSpecification = Omit<DecodedSpecification, "entry" | "known">;

/** What the body says, in our terms; codes not yet looked up. */
export type ErrorBodyContent = {
  code: string | null;
  melding: string | null;
  korrelasjonsid: string | null;
  specifications: RawSpecification[];
};

// ---------------------------------------------------------------------------------------------
// Field names, compared after lower-casing and dropping everything but letters and digits,
// so `angittVerdi`, `angitt_verdi` and `Angitt-Verdi` are the same key.
// ---------------------------------------------------------------------------------------------

const CODE_KEYS = ["kode", "code", "feilkode", "errorcode"];
const MESSAGE_KEYS = [
  "melding",
  "message",
  "feilmelding",
  "errormessage",
  "detail",
  "errordescription",
  "description",
  "title",
];
const KORRELASJONSID_KEYS = ["korrelasjonsid", "korrelasjonid", "correlationid", "xcorrelationid", "xkorrelasjonsid"];
const SPEC_CONTAINER_KEYS = [
  "spesifisering",
  // The file-upload API's status object lists what its validation found under `feilliste`.
  "feilliste",
  "spesifiseringer",
  "feilspesifisering",
  "feilspesifiseringer",
  "detaljer",
  "errors",
  "details",
];
const TOP_LEVEL_SPEC_CODE_KEYS = ["feilspesifiseringskode", "spesifiseringskode"];
const TOP_LEVEL_SPEC_MESSAGE_KEYS = ["feilspesifiseringsmelding", "spesifiseringsmelding"];
/** Top-level detail fields; narrower than in entries, since a top-level `path` is often the request path. */
const FLAT_PATH_KEYS = ["sti"];
const FLAT_VALUE_KEYS = ["angittverdi"];
const SPEC_CODE_KEYS = ["kode", "code", "feilspesifiseringskode", "spesifiseringskode", "feilkode", "errorcode"];
const SPEC_MESSAGE_KEYS = ["melding", "message", "feilmelding", "errormessage", "detail", "description"];
const SPEC_PATH_KEYS = ["sti", "path", "field", "felt", "pointer", "jsonpath", "property", "propertypath"];
const SPEC_VALUE_KEYS = ["angittverdi", "verdi", "value", "rejectedvalue", "givenvalue"];
/** Words that name a list of entries rather than a field path (`errors: { "a.b": ["msg"] }`). */
const WRAPPER_WORDS = new Set([
  ...SPEC_CONTAINER_KEYS,
  "feilspesifiseringer",
  "detalj",
  "error",
  "feil",
  "item",
  "items",
  "entry",
  "entries",
]);

const CODE_LIKE = /^[A-Za-z]{2,6}_\d{1,5}$/;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function normKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9æøå]/g, "");
}

/** The first value found under any of `names` (in preference order), keys compared normalised. */
function field(obj: Obj, names: readonly string[]): unknown {
  const byNorm = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const n = normKey(k);
    if (!byNorm.has(n)) byNorm.set(n, v);
  }
  for (const name of names) {
    const v = byNorm.get(name);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

function hasAny(obj: Obj, names: readonly string[]): boolean {
  return Object.keys(obj).some((k) => names.includes(normKey(k)));
}

/** A non-empty trimmed string, or null. Numbers are not accepted (a numeric `code` is usually an HTTP status echo). */
function text(v: unknown): string | null {
  if (isObj(v) && typeof v["#text"] === "string") return text(v["#text"]); // XML element with attributes
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t === "" ? null : t;
}

/** Any scalar as a string ("" is kept: an empty given value is information); objects as JSON. */
function valueText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a parsed body (JSON value or XML tree)
// ---------------------------------------------------------------------------------------------

/** The object that holds the error: the root, or one wrapped inside it (`{ error: {...} }`, SOAP Body, `<feil>`). */
function findErrorObject(value: Obj, depth = 0): Obj | null {
  if (hasAny(value, [...CODE_KEYS, ...KORRELASJONSID_KEYS, ...TOP_LEVEL_SPEC_CODE_KEYS])) return value;
  if (depth >= 5) return null;
  for (const [k, v] of Object.entries(value)) {
    if (SPEC_CONTAINER_KEYS.includes(normKey(k))) continue;
    const inner = isObj(v) ? v : Array.isArray(v) && v.length === 1 && isObj(v[0]) ? v[0] : null;
    if (!inner) continue;
    const found = findErrorObject(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

const SPEC_ENTRY_KEYS = [...SPEC_CODE_KEYS, ...SPEC_MESSAGE_KEYS, ...SPEC_PATH_KEYS, ...SPEC_VALUE_KEYS];

/** Flattens a specification container of any shape into raw entries (objects or strings). */
function collectSpecEntries(value: unknown, depth = 0): unknown[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value.trim() === "" ? [] : [value];
  if (Array.isArray(value))
    return value.flatMap((v) => (isObj(v) || Array.isArray(v) ? collectSpecEntries(v, depth + 1) : text(v) ? [v] : []));
  if (!isObj(value)) return [];
  if (hasAny(value, SPEC_ENTRY_KEYS) || depth >= 4) return [value];
  // A wrapper (`<spesifiseringer><spesifisering>…`) or a map of path → message(s).
  return Object.entries(value).flatMap(([k, v]) => {
    const isPath = !WRAPPER_WORDS.has(normKey(k));
    const messages =
      typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
    if (isPath && messages) return messages.map((m) => ({ sti: k, melding: m }));
    return collectSpecEntries(v, depth + 1);
  });
}

function toSpecification(raw: unknown): RawSpecification | null {
  let kode: string | null = null;
  let melding: string | null = null;
  let sti: string | null = null;
  let angittVerdi: string | null = null;
  if (typeof raw === "string") {
    const t = raw.trim();
    if (CODE_LIKE.test(t)) kode = t;
    else melding = t || null;
  } else if (isObj(raw)) {
    kode = text(field(raw, SPEC_CODE_KEYS));
    melding = text(field(raw, SPEC_MESSAGE_KEYS));
    sti = text(field(raw, SPEC_PATH_KEYS));
    angittVerdi = valueText(field(raw, SPEC_VALUE_KEYS));
  } else {
    return null;
  }
  if (kode === null && melding === null && sti === null && angittVerdi === null) return null;
  return { kode, melding, sti, angittVerdi };
}

const NOTHING: ErrorBodyContent = { code: null, melding: null, korrelasjonsid: null, specifications: [] };

function extractFromValue(root: unknown): ErrorBodyContent {
  if (typeof root === "string") return { ...NOTHING, melding: text(root) };
  if (Array.isArray(root)) {
    return {
      ...NOTHING,
      specifications: collectSpecEntries(root)
        .map(toSpecification)
        .filter((s) => s !== null),
    };
  }
  if (!isObj(root)) return NOTHING;

  const obj = findErrorObject(root) ?? root;
  const specifications: RawSpecification[] = [];

  // Flat shape: `{ kode, melding, feilspesifiseringskode, sti, angittVerdi }`.
  const flatSpecCode = text(field(obj, TOP_LEVEL_SPEC_CODE_KEYS));
  if (flatSpecCode) {
    specifications.push({
      kode: flatSpecCode,
      melding: text(field(obj, TOP_LEVEL_SPEC_MESSAGE_KEYS)),
      sti: text(field(obj, FLAT_PATH_KEYS)),
      angittVerdi: valueText(field(obj, FLAT_VALUE_KEYS)),
    });
  }
  for (const [k, v] of Object.entries(obj)) {
    if (!SPEC_CONTAINER_KEYS.includes(normKey(k))) continue;
    for (const raw of collectSpecEntries(v)) {
      const spec = toSpecification(raw);
      if (spec) specifications.push(spec);
    }
  }
  // Flat detail without a specification code: still show where and what.
  if (!flatSpecCode && specifications.length === 0) {
    const sti = text(field(obj, FLAT_PATH_KEYS));
    const angittVerdi = valueText(field(obj, FLAT_VALUE_KEYS));
    if (sti !== null || angittVerdi !== null) specifications.push({ kode: null, melding: null, sti, angittVerdi });
  }

  return {
    code: text(field(obj, CODE_KEYS)),
    melding: text(field(obj, MESSAGE_KEYS)),
    korrelasjonsid:
      text(field(obj, KORRELASJONSID_KEYS)) ?? (obj !== root ? text(field(root, KORRELASJONSID_KEYS)) : null),
    specifications,
  };
}

// ---------------------------------------------------------------------------------------------
// Body sniffing
// ---------------------------------------------------------------------------------------------

function looksLikeHtml(trimmed: string, contentType: string): boolean {
  if (contentType.includes("html")) return true;
  const head = trimmed.slice(0, 2000);
  return (
    /<!doctype\s+html/i.test(head) || /<html[\s>]/i.test(head) || /^<(head|body|h1|title|center)[\s>]/i.test(trimmed)
  );
}

function collapse(s: string, max = 500): string | null {
  const t = s.replace(/\s+/g, " ").trim();
  if (t === "") return null;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** What a proxy's HTML page says about itself: its <title>, else its first heading. */
function htmlMessage(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return m?.[1] ? collapse(decodeXmlEntities(m[1].replace(/<[^>]*>/g, " ")), 200) : null;
}

/**
 * Reads an error body of any format (JSON, XML, a proxy's HTML page, plain text) into its code,
 * message, korrelasjonsid and specification entries. Never throws: what cannot be read is kept as text.
 */
export function readErrorBody(
  body: string,
  contentTypeRaw: string | null | undefined,
): { format: BodyFormat; extracted: ErrorBodyContent } {
  const trimmed = body.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") return { format: "empty", extracted: NOTHING };
  const contentType = (contentTypeRaw ?? "").toLowerCase();

  if (/^[[{"]/.test(trimmed) || contentType.includes("json")) {
    try {
      return { format: "json", extracted: extractFromValue(JSON.parse(trimmed) as unknown) };
    } catch {
      // not JSON after all; fall through
    }
  }
  if (looksLikeHtml(trimmed, contentType)) {
    return { format: "text", extracted: { ...NOTHING, melding: htmlMessage(trimmed) } };
  }
  if (trimmed.startsWith("<") || contentType.includes("xml")) {
    const tree = readXmlTree(trimmed);
    if (tree) return { format: "xml", extracted: extractFromValue(tree) };
  }
  return { format: "text", extracted: { ...NOTHING, melding: collapse(trimmed) } };
}

/** A korrelasjonsid a gateway or proxy named in a header (the body names none). */
export function korrelasjonsidFromHeaders(
  headers: Readonly<Record<string, string | undefined>> | null | undefined,
): string | null {
  if (!headers) return null;
  for (const [k, v] of Object.entries(headers)) {
    if (KORRELASJONSID_KEYS.includes(normKey(k))) {
      const t = text(v);
      if (t) return t;
    }
  }
  return null;
}
