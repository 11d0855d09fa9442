import type { Leveranse } from "@/lib/amelding/leveranse-schema";
import { withLeveringstidspunkt } from "@/lib/amelding/leveringstidspunkt";
import { upgradeLeveranse } from "@/lib/amelding/upgrade-leveranse";
import { type LeveranseError, validateLeveranse } from "@/lib/amelding/validate-leveranse";
import { checkInput, type InputRefusal } from "@/lib/input/guard";
import { lineAndColumn, scanJsonText, type TextRefusal } from "@/lib/input/json-text";
import { scanXmlText } from "@/lib/input/xml-text";
import type { DocumentError, ImportIdentity, UnknownElementWarning } from "./import-issues";
import { IMPORT_INPUT_LIMITS, IMPORT_XML_LIMITS } from "./import-limits";
import type { ImportFormat } from "./import-result";
import { xmlToLeveranse } from "./xml-to-leveranse";

export type ParseImportResult =
  | { ok: true; format: ImportFormat; xmlVersion?: string; leveranse: Leveranse; warnings: UnknownElementWarning[] }
  | {
      ok: false;
      format: ImportFormat | null;
      /** The file cannot be read as an A-melding at all. */
      documentErrors: DocumentError[];
      /** It can, but fields break the rules: each with its path and the person it concerns. */
      fieldErrors: LeveranseError[];
      /** The virksomhet orgnr per index as read, to show beside the persons of the field errors. */
      virksomheter: (string | null)[];
      warnings: UnknownElementWarning[];
      /** Its opplysningspliktig, meldingsId and month where readable, for the checks that need the database. */
      identity?: ImportIdentity;
    };

/** JSON or XML, from the first character that is not whitespace or a byte-order mark. */
export function detectImportFormat(text: string): ImportFormat | null {
  const first = /^[\s\uFEFF]*(.)/.exec(text)?.[1];
  if (first === "{" || first === "[") return "json";
  if (first === "<") return "xml";
  return null;
}

function readJson(source: string): { raw: Record<string, unknown> } | { error: DocumentError } {
  // Bounds first, so JSON.parse never builds a tree we would refuse; then the tree itself.
  const scanned = scanJsonText(source, IMPORT_INPUT_LIMITS);
  if (scanned) return { error: refusedAt(source, scanned) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    // V8's message carries the offset ("… at position 18"), newer ones also line and column.
    const detail = error instanceof Error ? error.message : String(error);
    const lineCol = /line (\d+) column (\d+)/.exec(detail);
    if (lineCol)
      return { error: { code: "json_malformed", line: Number(lineCol[1]), column: Number(lineCol[2]), detail } };
    const position = /position (\d+)/.exec(detail)?.[1];
    const offset =
      position !== undefined
        ? Number(position)
        : /end of JSON input/.test(detail)
          ? source.trimEnd().length
          : undefined;
    return {
      error: { code: "json_malformed", ...(offset !== undefined ? lineAndColumn(source, offset) : {}), detail },
    };
  }
  const refusal = checkInput(parsed, IMPORT_INPUT_LIMITS);
  if (refusal) return { error: refusedIn(refusal) };
  const leveranse =
    parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>).leveranse
      : undefined;
  if (!leveranse || typeof leveranse !== "object" || Array.isArray(leveranse))
    return { error: { code: "json_missing_leveranse" } };
  return { raw: leveranse as Record<string, unknown> };
}

function refusedAt(text: string, refusal: TextRefusal): DocumentError {
  return {
    code: "input_refused",
    reason: refusal.code,
    ...lineAndColumn(text, refusal.offset),
    ...(refusal.limit ? { limit: refusal.limit } : {}),
  };
}

function refusedIn(refusal: InputRefusal): DocumentError {
  return {
    code: "input_refused",
    reason: refusal.code,
    path: refusal.path,
    ...(refusal.limit ? { limit: refusal.limit } : {}),
  };
}

/**
 * An uploaded file's text in a box the reader empties once it has built the tree, so that the
 * text (50 MB at most) can be freed while the tree is validated. The caller keeps no other
 * reference to the text.
 */
export type ImportText = { text: string | null };

type ReadTree =
  | {
      ok: true;
      format: ImportFormat;
      raw: Record<string, unknown>;
      warnings: UnknownElementWarning[];
      xmlVersion?: string;
    }
  | { ok: false; format: ImportFormat | null; errors: DocumentError[] };

function readTree(file: ImportText): ReadTree {
  const text = file.text ?? "";
  file.text = null;
  const format = detectImportFormat(text);
  if (text.trim().replace(/^\uFEFF/, "") === "") return { ok: false, format: null, errors: [{ code: "empty" }] };
  if (!format) return { ok: false, format: null, errors: [{ code: "unknown_format" }] };
  if (format === "json") {
    const read = readJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if ("error" in read) return { ok: false, format, errors: [read.error] };
    // A file from a payroll system still on an older 2.x model: fields v2.3 replaced are left out and listed.
    const upgraded = upgradeLeveranse(read.raw);
    return { ok: true, format, raw: upgraded.leveranse, warnings: upgraded.leftOut };
  }
  const scanned = scanXmlText(text, IMPORT_XML_LIMITS);
  if (scanned) return { ok: false, format, errors: [refusedAt(text, scanned)] };
  const read = xmlToLeveranse(text);
  if (!read.ok) return { ok: false, format, errors: read.errors };
  // The XML reader builds only elements the XSD has; checked all the same, as the JSON tree is.
  const refusal = checkInput(read.leveranse, IMPORT_INPUT_LIMITS);
  if (refusal) return { ok: false, format, errors: [refusedIn(refusal)] };
  return { ok: true, format, raw: read.leveranse, warnings: read.warnings, xmlVersion: read.version };
}

/**
 * Reads an uploaded or pasted A-melding: JSON as the API takes it (`{"leveranse": …}`) or XML in
 * the XSD v2.x format, detected from the content, within the bounds of import-limits.ts (text and
 * tree both pass the input guard, lib/input), into model v2.3 (an older 2.x file's replaced
 * fields are left out and returned as warnings). Returns the leveranse in our model, or why not:
 * document errors (the file cannot be read) or field issues (it can, but fields break the rules).
 * Rules that need the database (meldingsId used before, organisation access) are the caller's
 * (import-leveranse.ts).
 */
export function parseImport(input: string | ImportText): ParseImportResult {
  const read = readTree(typeof input === "string" ? { text: input } : input);
  if (!read.ok) return fail(read.format, read.errors);
  const { format, warnings, xmlVersion } = read;
  // A payroll system's file may leave it out; it is filled in as the builder does.
  const raw = withLeveringstidspunkt(read.raw);
  const validation = validateLeveranse(raw);
  if (!validation.ok) {
    return {
      ok: false,
      format,
      documentErrors: [],
      fieldErrors: validation.errors,
      virksomheter: virksomhetOrgnrs(raw),
      warnings,
      identity: identityOf(raw),
    };
  }
  return { ok: true, format, xmlVersion, leveranse: validation.leveranse, warnings };
}

/** The identifying fields of a leveranse that failed validation, each only if it reads as its format. */
function identityOf(raw: Record<string, unknown>): ImportIdentity {
  const textAt = (value: unknown, pattern: RegExp) =>
    typeof value === "string" && pattern.test(value.trim()) ? value.trim() : undefined;
  const orgnr = (raw.opplysningspliktig as { norskIdentifikator?: unknown } | undefined)?.norskIdentifikator;
  const identity: ImportIdentity = {
    opplysningspliktig: textAt(typeof orgnr === "string" ? orgnr.replace(/\s+/g, "") : orgnr, /^\d{9}$/),
    meldingsId: textAt(raw.meldingsId, /^.{1,150}$/),
    kalendermaaned: textAt(raw.kalendermaaned, /^\d{4}-(0[1-9]|1[0-2])$/),
    erstatterMeldingsId: textAt(raw.erstatterMeldingsId, /^.{1,150}$/),
  };
  return JSON.parse(JSON.stringify(identity)) as ImportIdentity;
}

function virksomhetOrgnrs(raw: Record<string, unknown>): (string | null)[] {
  const list = (raw.oppgave as { virksomhet?: unknown } | undefined)?.virksomhet;
  if (!Array.isArray(list)) return [];
  return list.map((v) => {
    const id = v && typeof v === "object" ? (v as { norskIdentifikator?: unknown }).norskIdentifikator : undefined;
    return typeof id === "string" ? id : null;
  });
}

function fail(format: ImportFormat | null, documentErrors: DocumentError[]): ParseImportResult {
  return { ok: false, format, documentErrors, fieldErrors: [], virksomheter: [], warnings: [] };
}
