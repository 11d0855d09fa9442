import type { AmeldingMessageKey } from "@/lib/amelding/validation-messages";
import type { DocumentError, UnknownElementWarning } from "./import-issues";
import type { LeveranseSummary } from "./summarise-leveranse";

/*
 * What the import route handler answers, shared by the handler and the import page.
 */

export type ImportFormat = "json" | "xml";

export type ImportFieldError = { field: string; key: AmeldingMessageKey; params?: Record<string, string | number> };

/** The errors of one person (label: name and masked fødselsnummer), or of the leveranse itself (person null). */
export type ImportErrorGroup = { person: string | null; virksomhet: string | null; errors: ImportFieldError[] };

export type ImportRejected = {
  ok: false;
  format: ImportFormat | null;
  documentErrors: DocumentError[];
  groups: ImportErrorGroup[];
  errorCount: number;
  /** How many persons have at least one error. */
  personCount: number;
  /** Set when fewer errors are listed in `groups` than `errorCount` (see MAX_LISTED_ERRORS). */
  listedCount?: number;
  warnings: UnknownElementWarning[];
};

export type ImportChecked = {
  ok: true;
  format: ImportFormat;
  xmlVersion?: string;
  organisation: { name: string; orgnr: string };
  summary: LeveranseSummary;
  warnings: UnknownElementWarning[];
};

export type ImportSaved = { ok: true; submissionId: string; queued: boolean };

export type ImportIntent = "check" | "draft" | "submit";
export const IMPORT_INTENTS: readonly ImportIntent[] = ["check", "draft", "submit"];
