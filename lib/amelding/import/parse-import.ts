import type { Leveranse } from "@/lib/amelding/leveranse-schema";
import { upgradeLeveranse } from "@/lib/amelding/upgrade-leveranse";
import { validateLeveranse, type LeveranseError } from "@/lib/amelding/validate-leveranse";
import type { DocumentError, UnknownElementWarning } from "./import-issues";
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
    };

/** JSON or XML, from the first character that is not whitespace or a byte-order mark. */
export function detectImportFormat(text: string): ImportFormat | null {
  const first = /^[\s\uFEFF]*(.)/.exec(text)?.[1];
  if (first === "{" || first === "[") return "json";
  if (first === "<") return "xml";
  return null;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function readJson(text: string): { raw: Record<string, unknown> } | { error: DocumentError } {
  let parsed: unknown;
  const source = text.replace(/^\uFEFF/, "");
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    // V8's message carries the offset ("… at position 18"), newer ones also line and column.
    const detail = error instanceof Error ? error.message : String(error);
    const lineCol = /line (\d+) column (\d+)/.exec(detail);
    if (lineCol) return { error: { code: "json_malformed", line: Number(lineCol[1]), column: Number(lineCol[2]), detail } };
    const position = /position (\d+)/.exec(detail)?.[1];
    const offset = position !== undefined ? Number(position) : /end of JSON input/.test(detail) ? source.trimEnd().length : undefined;
    return { error: { code: "json_malformed", ...(offset !== undefined ? lineAndColumn(source, offset) : {}), detail } };
  }
  const leveranse = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).leveranse : undefined;
  if (!leveranse || typeof leveranse !== "object" || Array.isArray(leveranse)) return { error: { code: "json_missing_leveranse" } };
  return { raw: leveranse as Record<string, unknown> };
}

/**
 * Reads an uploaded or pasted A-melding: JSON as the API takes it (`{"leveranse": …}`) or XML in
 * the XSD v2.x format, detected from the content, into model v2.3 (an older 2.x file's replaced
 * fields are left out and returned as warnings). Returns the leveranse in our model, or why not:
 * document errors (the file cannot be read) or field issues (it can, but fields break the rules).
 * Rules that need the database (meldingsId used before, organisation access) are the caller's
 * (import-leveranse.ts).
 */
export function parseImport(text: string): ParseImportResult {
  const format = detectImportFormat(text);
  if (text.trim().replace(/^\uFEFF/, "") === "") return fail(null, [{ code: "empty" }]);
  if (!format) return fail(null, [{ code: "unknown_format" }]);

  let raw: Record<string, unknown>;
  let warnings: UnknownElementWarning[] = [];
  let xmlVersion: string | undefined;
  if (format === "json") {
    const read = readJson(text);
    if ("error" in read) return fail(format, [read.error]);
    // A file from a payroll system still on an older 2.x model: fields v2.3 replaced are left out and listed.
    const upgraded = upgradeLeveranse(read.raw);
    raw = upgraded.leveranse;
    warnings = upgraded.leftOut;
  } else {
    const read = xmlToLeveranse(text);
    if (!read.ok) return fail(format, read.errors);
    raw = read.leveranse;
    warnings = read.warnings;
    xmlVersion = read.version;
  }

  const validation = validateLeveranse(raw);
  if (!validation.ok) {
    return { ok: false, format, documentErrors: [], fieldErrors: validation.errors, virksomheter: virksomhetOrgnrs(raw), warnings };
  }
  return { ok: true, format, xmlVersion, leveranse: validation.leveranse, warnings };
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
