import type { UnknownElementWarning } from "./import-issues";
import { MAX_LISTED_ERRORS } from "./import-limits";
import type { ImportFormat, ImportRejected } from "./import-result";
import { groupFieldErrors } from "./group-field-errors";
import { parseImport } from "./parse-import";
import { summariseLeveranse, type LeveranseSummary } from "./summarise-leveranse";

/**
 * Everything an import needs from the file, worked out without the database: what the import
 * worker (import-worker.ts) hands back to the request. A rejected file is answered as it is; an
 * accepted one carries its summary (organisation, month, meldingsId, sums) for the checks that
 * need the database, and, when it is to be saved, the normalised leveranse as JSON text in UTF-8
 * bytes, which move between threads without a copy and go into jsonb as they are.
 */
export type PreparedImport =
  | { ok: false; rejected: ImportRejected }
  | {
      ok: true;
      format: ImportFormat;
      xmlVersion?: string;
      warnings: UnknownElementWarning[];
      summary: LeveranseSummary;
      payloadJson?: Uint8Array;
    };

export function rejected(partial: Partial<ImportRejected>): ImportRejected {
  return { ok: false, format: null, documentErrors: [], groups: [], errorCount: 0, personCount: 0, warnings: [], ...partial };
}

export function prepareImport(text: string, options: { payload: boolean }): PreparedImport {
  const parsed = parseImport(text);
  if (!parsed.ok) {
    const { groups, errorCount, personCount, listedCount } = groupFieldErrors(parsed.fieldErrors, parsed.virksomheter, MAX_LISTED_ERRORS);
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
    };
  }
  const { leveranse, format, xmlVersion, warnings } = parsed;
  return {
    ok: true,
    format,
    ...(xmlVersion ? { xmlVersion } : {}),
    warnings,
    summary: summariseLeveranse(leveranse),
    // JSON.stringify leaves absent optional fields out rather than keeping them as undefined.
    ...(options.payload ? { payloadJson: new TextEncoder().encode(JSON.stringify(leveranse)) } : {}),
  };
}
