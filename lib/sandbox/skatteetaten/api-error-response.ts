import "server-only";
import { API_ERRORS, type ApiErrorCase } from "./api-error-codes";
import { errorResponse, spec, type SandboxResponse, type Spesifisering } from "./sandbox-response";
import type { Problem } from "./shape-check";
import type { SandboxApi } from "./types";

/**
 * The error answer for one situation in one API's codes. Without explicit detail, the case's
 * specification code (if any) becomes the single spesifisering entry.
 */
export function apiError(
  api: SandboxApi,
  errorCase: ApiErrorCase,
  detail: { spesifisering?: Spesifisering[]; melding?: string; sti?: string | null; angittVerdi?: string | null } = {},
  extraHeaders: Record<string, string> = {},
): SandboxResponse {
  const e = API_ERRORS[api][errorCase];
  const spesifisering =
    detail.spesifisering ??
    (e.spec ? [spec(e.spec, { melding: detail.melding, sti: detail.sti, angittVerdi: detail.angittVerdi })] : []);
  return errorResponse(e.status, e.kode, spesifisering, extraHeaders);
}

/** Structure and validation answers: one spesifisering entry per problem, with no specification code. */
export function problemsError(api: SandboxApi, errorCase: "structure" | "validation", problems: Problem[]): SandboxResponse {
  return apiError(api, errorCase, { spesifisering: problems.map((p) => spec(null, p)) });
}
