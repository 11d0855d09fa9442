import { type RulesView, readRulesView } from "../rules/rules-view";
import { groupFieldErrors } from "./group-field-errors";
import type { ImportIdentity, UnknownElementWarning } from "./import-issues";
import { MAX_LISTED_ERRORS } from "./import-limits";
import type { ImportFormat, ImportRejected } from "./import-result";
import { type ImportText, type ParseImportResult, parseImport } from "./parse-import";
import { type LeveranseSummary, summariseLeveranse } from "./summarise-leveranse";

/**
 * Everything an import needs from the file, worked out without the database: what the import
 * process (import-process.ts) hands back to the request. A rejected file is answered as it is;
 * an accepted one carries its summary (organisation, month, meldingsId, sums) for the checks that
 * need the database, and, when it is to be saved, the normalised leveranse as JSON text. The
 * process keeps that text and hands it over in parts (payloadPart), so the web server never
 * holds all of it.
 */
export type PreparedImport =
  | { ok: false; rejected: ImportRejected; identity?: ImportIdentity }
  | {
      ok: true;
      format: ImportFormat;
      xmlVersion?: string;
      warnings: UnknownElementWarning[];
      summary: LeveranseSummary;
      /** What the control rules read of the file (lib/amelding/rules), run by the request with the previous month. */
      rulesView: RulesView;
      payloadJson?: string;
    };

/**
 * The payload goes to the database in parts of this many characters: small enough that each
 * part, its message and its statement are ordinary young objects on the web server (freed at the
 * next scavenge) rather than large objects that stay until a full collection.
 */
export const PAYLOAD_PART_CHARS = 32 * 1024;

/** The part of `json` from `start`: PAYLOAD_PART_CHARS long, or one less so no surrogate pair is split. */
export function payloadPart(json: string, start: number): string {
  let end = Math.min(json.length, start + PAYLOAD_PART_CHARS);
  const last = json.charCodeAt(end - 1);
  if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
  return json.slice(start, end);
}

/** The payload of an import prepared in this process, in the parts the import process would hand over. */
export async function* payloadParts(json: string): AsyncGenerator<string> {
  for (let start = 0; start < json.length; ) {
    const part = payloadPart(json, start);
    start += part.length;
    yield part;
  }
}

export function rejected(partial: Partial<ImportRejected>): ImportRejected {
  return {
    ok: false,
    format: null,
    documentErrors: [],
    groups: [],
    errorCount: 0,
    personCount: 0,
    warnings: [],
    ...partial,
  };
}

/**
 * Reads, validates and summarises the file, and with `payload` writes the leveranse as JSON.
 * Each large thing is dropped as soon as the next is built (text → tree → validated tree →
 * JSON text), so at most two of them are held at once.
 */
export function prepareImport(file: string | ImportText, options: { payload: boolean }): PreparedImport {
  let parsed: ParseImportResult | null = parseImport(file);
  if (!parsed.ok) {
    const { groups, errorCount, personCount, listedCount } = groupFieldErrors(
      parsed.fieldErrors,
      parsed.virksomheter,
      MAX_LISTED_ERRORS,
    );
    return {
      ok: false,
      rejected: rejected({
        format: parsed.format,
        documentErrors: parsed.documentErrors,
        groups,
        errorCount: errorCount + parsed.documentErrors.length,
        personCount,
        ...(listedCount < errorCount ? { listedCount } : {}),
        warnings: parsed.warnings,
      }),
      ...(parsed.identity ? { identity: parsed.identity } : {}),
    };
  }
  const { format, xmlVersion, warnings } = parsed;
  const summary = summariseLeveranse(parsed.leveranse);
  const rulesView = readRulesView(parsed.leveranse);
  // JSON.stringify leaves absent optional fields out rather than keeping them as undefined.
  const json = options.payload ? JSON.stringify(parsed.leveranse) : null;
  parsed = null;
  return {
    ok: true,
    format,
    ...(xmlVersion ? { xmlVersion } : {}),
    warnings,
    summary,
    rulesView,
    ...(json !== null ? { payloadJson: json } : {}),
  };
}
