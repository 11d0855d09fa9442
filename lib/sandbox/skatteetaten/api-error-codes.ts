import "server-only";
import type { SandboxApi } from "./types";

/** One failure as a given API reports it: HTTP status, main code and optional specification code. */
export type ApiError = { status: number; kode: string; spec?: string };

export type ApiErrorCase =
  | "invalidToken"
  | "missingScope"
  | "noSystemUser"
  | "badAccept"
  | "badContentType"
  | "missingIdempotencyKey"
  | "malformedIdempotencyKey"
  | "jsonSyntax"
  | "idempotencyConflict"
  | "structure"
  | "validation"
  | "parameter"
  | "notFound"
  | "methodNotAllowed"
  | "forsendelseNotFound"
  | "notAuthorisedForDialog"
  | "systemError"
  | "rateLimited";

/**
 * The two APIs report the same situations with different codes, taken from the seed tables and
 * the brief. The OAR quirk is kept as published: OAR_001 (authentication) is 403 and OAR_002
 * (authorisation) is 401. The A-melding API mixes GLD and newer AMLD codes, as the brief says.
 */
export const API_ERRORS: Record<SandboxApi, Record<ApiErrorCase, ApiError>> = {
  oar: {
    invalidToken: { status: 403, kode: "OAR_001", spec: "OAR_1001" },
    missingScope: { status: 401, kode: "OAR_002" },
    noSystemUser: { status: 403, kode: "OAR_001", spec: "OAR_1011" },
    badAccept: { status: 400, kode: "OAR_003", spec: "OAR_1006" },
    badContentType: { status: 400, kode: "OAR_003", spec: "OAR_1008" },
    missingIdempotencyKey: { status: 400, kode: "OAR_003", spec: "OAR_1005" },
    malformedIdempotencyKey: { status: 400, kode: "OAR_003", spec: "OAR_1003" },
    jsonSyntax: { status: 400, kode: "OAR_004", spec: "OAR_1007" },
    idempotencyConflict: { status: 409, kode: "OAR_007" },
    structure: { status: 400, kode: "OAR_004" },
    validation: { status: 400, kode: "OAR_005" },
    parameter: { status: 400, kode: "OAR_003", spec: "OAR_1003" },
    notFound: { status: 404, kode: "OAR_008", spec: "OAR_1004" },
    methodNotAllowed: { status: 405, kode: "OAR_009" },
    forsendelseNotFound: { status: 404, kode: "OAR_008", spec: "OAR_1010" },
    notAuthorisedForDialog: { status: 401, kode: "OAR_002", spec: "OAR_1002" },
    systemError: { status: 500, kode: "OAR_006" },
    rateLimited: { status: 429, kode: "OAR_003" },
  },
  amelding: {
    invalidToken: { status: 401, kode: "AMLD_004", spec: "AMLD_1008" },
    missingScope: { status: 403, kode: "GLD_005" },
    noSystemUser: { status: 403, kode: "GLD_005", spec: "AMLD_1063" },
    badAccept: { status: 400, kode: "GLD_006", spec: "GLD_1030" },
    badContentType: { status: 400, kode: "GLD_006", spec: "GLD_1047" },
    missingIdempotencyKey: { status: 400, kode: "GLD_006", spec: "GLD_1028" },
    malformedIdempotencyKey: { status: 400, kode: "GLD_006", spec: "GLD_1022" },
    jsonSyntax: { status: 400, kode: "GLD_008", spec: "AMLD_1032" },
    idempotencyConflict: { status: 409, kode: "GLD_019" },
    structure: { status: 400, kode: "GLD_008" },
    validation: { status: 400, kode: "GLD_010" },
    parameter: { status: 400, kode: "GLD_006", spec: "GLD_1022" },
    notFound: { status: 404, kode: "GLD_021", spec: "GLD_1023" },
    methodNotAllowed: { status: 405, kode: "GLD_022" },
    forsendelseNotFound: { status: 404, kode: "GLD_021", spec: "AMLD_1061" },
    notAuthorisedForDialog: { status: 403, kode: "GLD_005", spec: "AMLD_1015" },
    systemError: { status: 500, kode: "GLD_001" },
    rateLimited: { status: 429, kode: "GLD_006" },
  },
};
