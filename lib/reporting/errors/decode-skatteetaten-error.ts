import {
  lookupErrorCode,
  type CatalogueEntry,
  type ErrorAction,
  type ErrorCategory,
  type ReportingApi,
} from "./error-catalogue";
import { decodeXmlEntities, readXmlTree } from "./read-xml-tree";

/**
 * Turns whatever came back from a Skatteetaten reporting API (or a proxy in front of it) into
 * one typed value. Never throws: an unknown shape is kept raw, an unknown code is kept with
 * `known: false`, and category/retryable/action then come from the HTTP status.
 *
 * Decisions follow the code, never the text (docs/skatteetaten-contract.md, "Error body"):
 * 1. the main code's catalogue entry when known, otherwise the HTTP status;
 * 2. a known specification code refines it (its entry wins — a retryable one first, so
 *    OAR_1009 makes a 500 retryable, and OAR_1011 under OAR_001 reads as authentication);
 * 3. HTTP 429 is always retryable with the same key (honouring Retry-After is the caller's job).
 */

export type DecodeSkatteetatenErrorInput = {
  status: number;
  contentType?: string | null;
  body: string;
  api: ReportingApi;
  /**
   * Optional response headers. Only used as a fallback source of a correlation id when the body
   * has none: Skatteetaten publishes the korrelasjonsid in the body only, but a gateway or proxy
   * in front of it may name one in a header.
   */
  headers?: Readonly<Record<string, string | undefined>> | null;
};

export type BodyFormat = "json" | "xml" | "text" | "empty";

export type DecodedSpecification = {
  kode: string | null;
  melding: string | null;
  sti: string | null;
  angittVerdi: string | null;
  entry: CatalogueEntry | null;
  known: boolean;
};

export type DecodedSkatteetatenError = {
  api: ReportingApi;
  httpStatus: number;
  /** The main code as received (trimmed); null when the body carried none. */
  code: string | null;
  /** True when `code` is in the catalogue. */
  known: boolean;
  entry: CatalogueEntry | null;
  melding: string | null;
  korrelasjonsid: string | null;
  specifications: DecodedSpecification[];
  category: ErrorCategory;
  retryable: boolean;
  action: ErrorAction;
  /** Remediation hint for the decision above (most specific known code, else HTTP status). */
  hintNb: string;
  hintEn: string;
  bodyFormat: BodyFormat;
  /** The body exactly as received. */
  raw: string;
};

// ---------------------------------------------------------------------------------------------
// Field names, compared after lower-casing and dropping everything but letters and digits,
// so `angittVerdi`, `angitt_verdi` and `Angitt-Verdi` are the same key.
// ---------------------------------------------------------------------------------------------

const CODE_KEYS = ["kode", "code", "feilkode", "errorcode"];
const MESSAGE_KEYS = ["melding", "message", "feilmelding", "errormessage", "detail", "errordescription", "description", "title"];
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
  if (Array.isArray(value)) return value.flatMap((v) => (isObj(v) || Array.isArray(v) ? collectSpecEntries(v, depth + 1) : text(v) ? [v] : []));
  if (!isObj(value)) return [];
  if (hasAny(value, SPEC_ENTRY_KEYS) || depth >= 4) return [value];
  // A wrapper (`<spesifiseringer><spesifisering>…`) or a map of path → message(s).
  return Object.entries(value).flatMap(([k, v]) => {
    const isPath = !WRAPPER_WORDS.has(normKey(k));
    const messages = typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
    if (isPath && messages) return messages.map((m) => ({ sti: k, melding: m }));
    return collectSpecEntries(v, depth + 1);
  });
}

function toSpecification(raw: unknown): DecodedSpecification | null {
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
  return withEntry({ kode, melding, sti, angittVerdi });
}

function withEntry(s: Omit<DecodedSpecification, "entry" | "known">): DecodedSpecification {
  const entry = s.kode ? (lookupErrorCode(s.kode) ?? null) : null;
  return { ...s, entry, known: entry !== null };
}

type Extracted = { code: string | null; melding: string | null; korrelasjonsid: string | null; specifications: DecodedSpecification[] };

const NOTHING: Extracted = { code: null, melding: null, korrelasjonsid: null, specifications: [] };

function extractFromValue(root: unknown): Extracted {
  if (typeof root === "string") return { ...NOTHING, melding: text(root) };
  if (Array.isArray(root)) {
    return { ...NOTHING, specifications: collectSpecEntries(root).map(toSpecification).filter((s) => s !== null) };
  }
  if (!isObj(root)) return NOTHING;

  const obj = findErrorObject(root) ?? root;
  const specifications: DecodedSpecification[] = [];

  // Flat shape: `{ kode, melding, feilspesifiseringskode, sti, angittVerdi }`.
  const flatSpecCode = text(field(obj, TOP_LEVEL_SPEC_CODE_KEYS));
  if (flatSpecCode) {
    specifications.push(
      withEntry({
        kode: flatSpecCode,
        melding: text(field(obj, TOP_LEVEL_SPEC_MESSAGE_KEYS)),
        sti: text(field(obj, FLAT_PATH_KEYS)),
        angittVerdi: valueText(field(obj, FLAT_VALUE_KEYS)),
      }),
    );
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
    if (sti !== null || angittVerdi !== null) specifications.push(withEntry({ kode: null, melding: null, sti, angittVerdi }));
  }

  return {
    code: text(field(obj, CODE_KEYS)),
    melding: text(field(obj, MESSAGE_KEYS)),
    korrelasjonsid: text(field(obj, KORRELASJONSID_KEYS)) ?? (obj !== root ? text(field(root, KORRELASJONSID_KEYS)) : null),
    specifications,
  };
}

// ---------------------------------------------------------------------------------------------
// Body sniffing
// ---------------------------------------------------------------------------------------------

function looksLikeHtml(trimmed: string, contentType: string): boolean {
  if (contentType.includes("html")) return true;
  const head = trimmed.slice(0, 2000);
  return /<!doctype\s+html/i.test(head) || /<html[\s>]/i.test(head) || /^<(head|body|h1|title|center)[\s>]/i.test(trimmed);
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

function parseBody(body: string, contentTypeRaw: string | null | undefined): { format: BodyFormat; extracted: Extracted } {
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

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

type Decision = { category: ErrorCategory; retryable: boolean; action: ErrorAction; hintNb: string; hintEn: string };

const STATUS_HINT = {
  retry: {
    hintNb:
      "Svaret kom uten kjent feilkode (ofte fra en mellomtjener), og utfallet er ukjent. Systemet prøver igjen med samme idempotensnøkkel og samme innhold, så innsendingen behandles bare én gang. Vedvarer feilen, kontakt Skatteetaten og oppgi korrelasjonsid-en om den finnes.",
    hintEn:
      "The answer carried no known error code (often from a proxy) and the outcome is unknown. The system retries with the same idempotency key and the same body, so the submission is processed only once. If it persists, contact Skatteetaten and quote the korrelasjonsid if there is one.",
  },
  rateLimited: {
    hintNb:
      "Skatteetaten ber om færre kall (HTTP 429). Systemet venter (Retry-After når den er oppgitt) og prøver igjen med samme idempotensnøkkel og samme innhold.",
    hintEn:
      "Skatteetaten asks for fewer calls (HTTP 429). The system waits (Retry-After when given) and retries with the same idempotency key and the same body.",
  },
  timeout: {
    hintNb:
      "Forespørselen ble tidsavbrutt (HTTP 408), og utfallet er ukjent. Systemet prøver igjen med samme idempotensnøkkel og samme innhold.",
    hintEn:
      "The request timed out (HTTP 408) and the outcome is unknown. The system retries with the same idempotency key and the same body.",
  },
  authentication: {
    hintNb:
      "Tilgangstokenet ble ikke godtatt. Sjekk Maskinporten-klienten (klient-ID, nøkkel, miljø), scopet for API-et og at tokenet er bestilt for en systembruker.",
    hintEn:
      "The access token was not accepted. Check the Maskinporten client (client id, key, environment), the API's scope and that the token is requested for a system user.",
  },
  authorisation: {
    hintNb:
      "Tokenet gir ikke tilgang. Sjekk scopet i Maskinporten og at systembrukeren har rettigheten for API-et i Altinn for denne organisasjonen.",
    hintEn:
      "The token grants no access. Check the scope in Maskinporten and that the system user has the API's right in Altinn for this organisation.",
  },
  notFound: {
    hintNb: "Ressursen finnes ikke. Sjekk konfigurert base-URL og sti for API-et i dette miljøet, og ID-en det spørres etter.",
    hintEn: "The resource does not exist. Check the API's configured base URL and path for this environment, and the requested id.",
  },
  conflict: {
    hintNb:
      "Konflikt (HTTP 409): idempotensnøkkelen er trolig brukt før med et annet innhold. Ikke send på nytt i blinde: slå opp hva det første kallet med nøkkelen førte til.",
    hintEn:
      "Conflict (HTTP 409): the idempotency key was probably used before with a different body. Never resend blindly: look up what the first call with the key did.",
  },
  integration: {
    hintNb:
      "API-et avviste måten forespørselen ble sendt på (metode eller innholdstype). Dette er en feil i integrasjonen: meld fra til dem som drifter Innrapportering.",
    hintEn:
      "The API rejected how the request was sent (method or content type). This is an integration fault: report it to whoever runs Innrapportering.",
  },
  request: {
    hintNb:
      "Skatteetaten avviste forespørselen uten kjent feilkode. Se meldingen og rå-svaret, rett feilen og send som et nytt kall med ny idempotensnøkkel.",
    hintEn:
      "Skatteetaten rejected the request without a known error code. See the message and the raw answer, fix the problem and send as a new call with a new idempotency key.",
  },
  unexpected: {
    hintNb: "Uventet HTTP-status for et feilsvar. Se rå-svaret og meld fra til dem som drifter Innrapportering.",
    hintEn: "Unexpected HTTP status for an error answer. See the raw answer and report it to whoever runs Innrapportering.",
  },
} as const;

function decideFromStatus(status: number): Decision {
  if (status === 429) return { category: "server", retryable: true, action: "retry_same_key", ...STATUS_HINT.rateLimited };
  // 408: the server gave up waiting; like a timeout, the outcome is unknown and a same-key retry is safe.
  if (status === 408) return { category: "server", retryable: true, action: "retry_same_key", ...STATUS_HINT.timeout };
  if (status >= 500 && status <= 599) return { category: "server", retryable: true, action: "retry_same_key", ...STATUS_HINT.retry };
  if (status === 401)
    return { category: "authentication", retryable: false, action: "fix_credentials_or_access", ...STATUS_HINT.authentication };
  if (status === 403)
    return { category: "authorisation", retryable: false, action: "fix_credentials_or_access", ...STATUS_HINT.authorisation };
  if (status === 404) return { category: "not_found", retryable: false, action: "fix_and_resend_new_key", ...STATUS_HINT.notFound };
  if (status === 409) return { category: "idempotency", retryable: false, action: "investigate_conflict", ...STATUS_HINT.conflict };
  if (status === 405 || status === 406 || status === 415)
    return { category: "request", retryable: false, action: "contact_support", ...STATUS_HINT.integration };
  if (status >= 400 && status <= 499) return { category: "request", retryable: false, action: "fix_and_resend_new_key", ...STATUS_HINT.request };
  return { category: "request", retryable: false, action: "contact_support", ...STATUS_HINT.unexpected };
}

function decideFromEntry(e: CatalogueEntry): Decision {
  return { category: e.category, retryable: e.retryable, action: e.action, hintNb: e.hintNb, hintEn: e.hintEn };
}

function decide(status: number, main: CatalogueEntry | null, specifications: readonly DecodedSpecification[]): Decision {
  const specEntries = specifications.flatMap((s) => (s.entry ? [s.entry] : []));
  const refining = specEntries.find((e) => e.retryable) ?? specEntries[0] ?? null;
  const source = refining ?? main;
  const decision = source ? decideFromEntry(source) : decideFromStatus(status);
  if (status === 429) return { ...decision, category: "server", retryable: true, action: "retry_same_key", ...STATUS_HINT.rateLimited };
  return decision;
}

function headerValue(headers: DecodeSkatteetatenErrorInput["headers"], names: readonly string[]): string | null {
  if (!headers) return null;
  for (const [k, v] of Object.entries(headers)) {
    if (names.includes(normKey(k))) {
      const t = text(v);
      if (t) return t;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export function decodeSkatteetatenError(input: DecodeSkatteetatenErrorInput): DecodedSkatteetatenError {
  const { format, extracted } = parseBody(input.body, input.contentType);
  const entry = extracted.code ? (lookupErrorCode(extracted.code) ?? null) : null;
  const decision = decide(input.status, entry, extracted.specifications);
  return {
    api: input.api,
    httpStatus: input.status,
    code: extracted.code,
    known: entry !== null,
    entry,
    melding: extracted.melding,
    korrelasjonsid: extracted.korrelasjonsid ?? headerValue(input.headers, KORRELASJONSID_KEYS),
    specifications: extracted.specifications,
    ...decision,
    bodyFormat: format,
    raw: input.body,
  };
}

const STATUS_TEXT: Record<number, { nb: string; en: string }> = {
  400: { nb: "Ugyldig forespørsel", en: "Bad request" },
  401: { nb: "Ikke autentisert", en: "Unauthorised" },
  403: { nb: "Ingen tilgang", en: "Forbidden" },
  404: { nb: "Ikke funnet", en: "Not found" },
  405: { nb: "Metoden er ikke tillatt", en: "Method not allowed" },
  408: { nb: "Tidsavbrudd for forespørselen", en: "Request timeout" },
  409: { nb: "Konflikt", en: "Conflict" },
  413: { nb: "For stor forespørsel", en: "Payload too large" },
  415: { nb: "Innholdstypen støttes ikke", en: "Unsupported media type" },
  429: { nb: "For mange forespørsler", en: "Too many requests" },
  500: { nb: "Intern feil hos tjenesten", en: "Internal server error" },
  502: { nb: "Feil i mellomledd (Bad Gateway)", en: "Bad gateway" },
  503: { nb: "Tjenesten er midlertidig utilgjengelig", en: "Service unavailable" },
  504: { nb: "Tidsavbrudd i mellomledd (Gateway Timeout)", en: "Gateway timeout" },
};

function statusText(status: number, locale: "nb" | "en"): string {
  const known = STATUS_TEXT[status];
  if (known) return known[locale];
  if (status >= 400 && status <= 499) return locale === "nb" ? "Feil i forespørselen" : "Client error";
  if (status >= 500 && status <= 599) return locale === "nb" ? "Feil hos tjenesten" : "Server error";
  return locale === "nb" ? "Uventet svar" : "Unexpected response";
}

const SUMMARY_MAX = 160;

/**
 * One short line for lists, e.g. "OAR_005 Feil i forbindelse med validering av payload",
 * "OAR_001 Feil i forbindelse med autentisering (OAR_1011)" or "HTTP 502 Feil i mellomledd (Bad Gateway)".
 * Known codes use the catalogue text of the locale; unknown codes the server's melding.
 */
export function summariseDecodedError(decoded: DecodedSkatteetatenError, locale: "nb" | "en"): string {
  const specCodes = [...new Set(decoded.specifications.flatMap((s) => (s.kode ? [s.kode] : [])))];
  const primaryCode = decoded.code ?? specCodes[0] ?? null;
  const primaryEntry = decoded.code ? decoded.entry : (decoded.specifications.find((s) => s.kode === primaryCode)?.entry ?? null);

  let line: string;
  if (primaryCode) {
    const label = primaryEntry
      ? locale === "nb"
        ? primaryEntry.textNb
        : primaryEntry.textEn
      : (decoded.melding ?? (locale === "nb" ? "Ukjent feilkode" : "Unknown error code"));
    line = `${primaryCode} ${label}`;
    const extra = specCodes.filter((c) => c !== primaryCode);
    if (extra.length > 0) {
      const shown = extra.slice(0, 2).join(", ");
      line += extra.length > 2 ? ` (${shown} +${extra.length - 2})` : ` (${shown})`;
    }
  } else {
    const useMelding = decoded.melding !== null && (decoded.bodyFormat === "json" || decoded.bodyFormat === "xml");
    line = `HTTP ${decoded.httpStatus} ${useMelding ? decoded.melding : statusText(decoded.httpStatus, locale)}`;
  }
  line = line.replace(/\s+/g, " ").trim();
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
}
