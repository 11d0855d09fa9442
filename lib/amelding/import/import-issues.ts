import type { InputRefusalCode } from "@/lib/input/guard";

/** Where in the leveranse something is: keys and array indices, as in the JSON (`oppgave.virksomhet[0]…`). */
export type ImportPath = (string | number)[];

/**
 * Why a file could not be read as an A-melding at all (before any field is checked). Each has a
 * code the page translates; line and column point into the file where the reader knows them.
 */
export type DocumentError =
  | { code: "empty" }
  | { code: "too_large"; maxMegabytes: number }
  | { code: "unknown_format" }
  | { code: "json_malformed"; line?: number; column?: number; detail: string }
  | { code: "json_missing_leveranse" }
  | { code: "xml_malformed"; line?: number; column?: number; detail: string }
  | { code: "xml_wrong_root"; found: string }
  | { code: "xml_wrong_namespace"; found: string | null }
  | { code: "xml_missing_leveranse" }
  /** An element the XSD allows once appears more than once. */
  | { code: "xml_repeated_element"; path: ImportPath }
  /** Text where the XSD expects child elements (e.g. `<oppgave>123</oppgave>`). */
  | { code: "xml_expected_elements"; path: ImportPath }
  /** Child elements where the XSD expects a value (e.g. `<beloep><x/></beloep>`). */
  | { code: "xml_expected_value"; path: ImportPath }
  /** The opplysningspliktig is not an organisation the user has been granted (or not one we know). */
  | { code: "organisation_not_accessible"; orgnr: string }
  /**
   * Sending refused: Avvisning-level control rules (lib/amelding/rules), by Skatteetaten's code or
   * ours. An import is sent only without them; the user saves a draft and sends it from the
   * builder, where an override is asked for and audited.
   */
  | { code: "rules_blocked"; rules: string[] }
  /**
   * Refused by the input guard (lib/input/guard.ts) before the file is read as an A-melding: too
   * deep, too many values, a forbidden name, U+0000, an XML DOCTYPE, … With the place: a path in
   * the tree, or a line and column in the text.
   */
  | {
      code: "input_refused";
      reason: InputRefusalCode;
      path?: ImportPath;
      line?: number;
      column?: number;
      limit?: number;
    }
  /** Other imports are being checked; try again shortly. */
  | { code: "busy" }
  /** Checking the file needed more memory than an import may use. */
  | { code: "too_complex" }
  /** Uploading or checking the file took longer than an import may take. */
  | { code: "timeout" };

/**
 * An element model v2.3 does not have at that place: an XML element the XSD lacks, or a field
 * of an older 2.x message that v2.3 replaced (lib/amelding/upgrade-leveranse.ts). It is left out
 * of the import (so nothing unknown is sent to Skatteetaten) and shown to the user before they
 * save or send. Counted per element path without indices, so 10 000 persons with the same stray
 * element give one line, not 10 000.
 */
export type UnknownElementWarning = { code: "unknown_element"; element: string; count: number; firstPath: ImportPath };

export function formatImportPath(path: ImportPath): string {
  return path.reduce<string>(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    "",
  );
}

/**
 * What a rejected file says about itself, where it is readable: the checks that need the database
 * (import-leveranse.ts) run on it too, so every independent error is answered in one pass.
 */
export type ImportIdentity = {
  opplysningspliktig?: string;
  meldingsId?: string;
  kalendermaaned?: string;
  erstatterMeldingsId?: string;
};

/**
 * A message's values as shown: every number (an amount the lines add up to, a limit) in the
 * reader's number format ("−43 800" in bokmål), never as the bare digits JavaScript writes.
 */
export function formatIssueParams(
  params: Record<string, string | number> | undefined,
  formatNumber: (n: number) => string,
): Record<string, string> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === "number" ? formatNumber(value) : value]),
  );
}
