import "server-only";
import { API_ERRORS, type ApiErrorCase, type ErrorSurface } from "./api-error-codes";
import { errorResponse, type SandboxResponse, type Spesifisering, spec } from "./sandbox-response";
import type { Problem } from "./shape-check";

/**
 * The error answer for one situation in one API's codes. Without explicit detail, the case's
 * specification code (if any) becomes the single spesifisering entry.
 */
export function apiError(
  surface: ErrorSurface,
  errorCase: ApiErrorCase,
  detail: { spesifisering?: Spesifisering[]; melding?: string; sti?: string | null; angittVerdi?: string | null } = {},
  extraHeaders: Record<string, string> = {},
): SandboxResponse {
  const e = API_ERRORS[surface][errorCase];
  const spesifisering =
    detail.spesifisering ??
    (e.spec ? [spec(e.spec, { melding: detail.melding, sti: detail.sti, angittVerdi: detail.angittVerdi })] : []);
  return errorResponse(e.status, e.kode, spesifisering, extraHeaders);
}

/**
 * A JSON body of the right syntax but the wrong shape (a required field missing, a string where
 * an integer belongs) is a structural error; each entry carries the API's "error in the JSON
 * content" specification code (docs/skatteetaten-contract.md, "Error codes").
 */
const STRUCTURE_SPEC: Record<ErrorSurface, string> = {
  oar: "OAR_1007",
  amelding: "AMLD_1032",
  filopplasting: "AMLD_1032",
};

export function structureProblems(surface: ErrorSurface, problems: Problem[]): Spesifisering[] {
  return problems.map((p) => spec(STRUCTURE_SPEC[surface], p));
}

/** Structure and validation answers: one spesifisering entry per problem. Validation entries carry no code: none is published. */
export function problemsError(
  surface: ErrorSurface,
  errorCase: "structure" | "validation",
  problems: Problem[],
): SandboxResponse {
  return apiError(surface, errorCase, {
    spesifisering:
      errorCase === "structure" ? structureProblems(surface, problems) : problems.map((p) => spec(null, p)),
  });
}
