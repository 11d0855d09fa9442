import type { CatalogueEntry, ErrorAction, ErrorCategory, ReportingApi } from "./error-catalogue";

/*
 * Skatteetaten's error answer as we read it (decode-skatteetaten-error.ts): what the worker
 * stores with the attempt (delivery_attempts.decoded_error) and the submission page shows.
 */

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
