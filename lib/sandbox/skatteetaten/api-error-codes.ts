import "server-only";

/** One failure as a given API reports it: HTTP status, main code and optional specification code. */
export type ApiError = { status: number; kode: string; spec?: string };

/** The code tables the sandbox answers from: OAR, A-melding, and A-melding's file-upload API. */
export type ErrorSurface = "oar" | "amelding" | "filopplasting";

export type ApiErrorCase =
  | "invalidToken"
  | "missingScope"
  | "noSystemUser"
  | "badAccept"
  | "badContentType"
  | "missingIdempotencyKeyHeader"
  | "missingIdempotencyKeyQuery"
  | "malformedIdempotencyKey"
  | "jsonSyntax"
  | "idempotencyConflict"
  | "structure"
  | "validation"
  | "parameter"
  | "incomeYear"
  | "notFound"
  | "resourceNotFound"
  | "methodNotAllowed"
  | "forsendelseNotFound"
  | "notAuthorisedForDialog"
  | "systemError";

/**
 * Each situation in each API's published codes (docs/skatteetaten-contract.md, "Error codes"):
 * OAR from the OAR page's table, A-melding from the AMLD table of the A-melding page, uploads
 * from the file-upload page's table. No code here is invented; where a table does not say which
 * main code a specification code travels with, the pairing is our choice and the contract
 * document says so. The OAR quirk is kept as published: OAR_001 (authentication) is 403 and
 * OAR_002 (authorisation) is 401.
 */
const OAR: Record<ApiErrorCase, ApiError> = {
  invalidToken: { status: 403, kode: "OAR_001", spec: "OAR_1001" },
  missingScope: { status: 401, kode: "OAR_002" },
  noSystemUser: { status: 403, kode: "OAR_001", spec: "OAR_1011" },
  badAccept: { status: 400, kode: "OAR_003", spec: "OAR_1006" },
  badContentType: { status: 400, kode: "OAR_003", spec: "OAR_1008" },
  missingIdempotencyKeyHeader: { status: 400, kode: "OAR_003", spec: "OAR_1005" },
  missingIdempotencyKeyQuery: { status: 400, kode: "OAR_003", spec: "OAR_1003" },
  malformedIdempotencyKey: { status: 400, kode: "OAR_003", spec: "OAR_1003" },
  jsonSyntax: { status: 400, kode: "OAR_004", spec: "OAR_1007" },
  idempotencyConflict: { status: 409, kode: "OAR_007" },
  structure: { status: 400, kode: "OAR_004" },
  validation: { status: 400, kode: "OAR_005" },
  parameter: { status: 400, kode: "OAR_003", spec: "OAR_1003" },
  incomeYear: { status: 400, kode: "OAR_003", spec: "OAR_1003" },
  notFound: { status: 404, kode: "OAR_008", spec: "OAR_1004" },
  resourceNotFound: { status: 404, kode: "OAR_008" },
  methodNotAllowed: { status: 405, kode: "OAR_009" },
  forsendelseNotFound: { status: 404, kode: "OAR_008", spec: "OAR_1010" },
  notAuthorisedForDialog: { status: 401, kode: "OAR_002", spec: "OAR_1002" },
  systemError: { status: 500, kode: "OAR_006" },
};

const AMELDING: Record<ApiErrorCase, ApiError> = {
  invalidToken: { status: 401, kode: "AMLD_004", spec: "AMLD_1008" },
  missingScope: { status: 403, kode: "AMLD_005" },
  noSystemUser: { status: 401, kode: "AMLD_004", spec: "AMLD_1063" },
  badAccept: { status: 400, kode: "AMLD_006", spec: "AMLD_1030" },
  badContentType: { status: 400, kode: "AMLD_006", spec: "AMLD_1047" },
  missingIdempotencyKeyHeader: { status: 400, kode: "AMLD_006", spec: "AMLD_1028" },
  missingIdempotencyKeyQuery: { status: 400, kode: "AMLD_006", spec: "AMLD_1022" },
  malformedIdempotencyKey: { status: 400, kode: "AMLD_006", spec: "AMLD_1022" },
  jsonSyntax: { status: 400, kode: "AMLD_008", spec: "AMLD_1032" },
  idempotencyConflict: { status: 409, kode: "AMLD_019" },
  structure: { status: 400, kode: "AMLD_008" },
  validation: { status: 400, kode: "AMLD_010" },
  parameter: { status: 400, kode: "AMLD_006", spec: "AMLD_1022" },
  incomeYear: { status: 400, kode: "AMLD_006", spec: "AMLD_1027" },
  notFound: { status: 404, kode: "AMLD_021", spec: "AMLD_1023" },
  resourceNotFound: { status: 404, kode: "AMLD_021" },
  methodNotAllowed: { status: 405, kode: "AMLD_022" },
  forsendelseNotFound: { status: 404, kode: "AMLD_021", spec: "AMLD_1061" },
  notAuthorisedForDialog: { status: 403, kode: "AMLD_005", spec: "AMLD_1015" },
  systemError: { status: 500, kode: "AMLD_001" },
};

/** The file-upload page's table has no AMLD_001 (its system error is AMLD_017) and no idempotency codes. */
const FILOPPLASTING: Record<ApiErrorCase, ApiError> = { ...AMELDING, systemError: { status: 500, kode: "AMLD_017" } };

export const API_ERRORS: Record<ErrorSurface, Record<ApiErrorCase, ApiError>> = {
  oar: OAR,
  amelding: AMELDING,
  filopplasting: FILOPPLASTING,
};
