import { classifyError } from "./classify-error";
import type { DecodedSkatteetatenError, DecodedSpecification } from "./decoded-error";
import { lookupErrorCode, type ReportingApi } from "./error-catalogue";
import { korrelasjonsidFromHeaders, type RawSpecification, readErrorBody } from "./read-error-body";

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

/** A specification entry with its code looked up in the catalogue. */
function withEntry(s: RawSpecification): DecodedSpecification {
  const entry = s.kode ? (lookupErrorCode(s.kode) ?? null) : null;
  return { ...s, entry, known: entry !== null };
}

export function decodeSkatteetatenError(input: DecodeSkatteetatenErrorInput): DecodedSkatteetatenError {
  const { format, extracted } = readErrorBody(input.body, input.contentType);
  const entry = extracted.code ? (lookupErrorCode(extracted.code) ?? null) : null;
  const specifications = extracted.specifications.map(withEntry);
  const decision = classifyError(input.status, entry, specifications);
  return {
    api: input.api,
    httpStatus: input.status,
    code: extracted.code,
    known: entry !== null,
    entry,
    melding: extracted.melding,
    korrelasjonsid: extracted.korrelasjonsid ?? korrelasjonsidFromHeaders(input.headers),
    specifications,
    ...decision,
    bodyFormat: format,
    raw: input.body,
  };
}
