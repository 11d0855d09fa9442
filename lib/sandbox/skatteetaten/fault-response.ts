import "server-only";
import { API_ERRORS } from "./api-error-codes";
import { apiError } from "./api-error-response";
import { errorResponse, spec, type SandboxResponse } from "./sandbox-response";
import type { SandboxApi, SandboxFault } from "./types";

/** Specification codes that name a backend failure, and the main code they travel with. */
const MAIN_CODE_FOR_SPEC: Record<string, string> = { OAR_1009: "OAR_010", AMLD_1053: "AMLD_023" };

const isSpecificationCode = (code: string) => /_1\d{3}$/.test(code);

/** The answer of a "status" fault: a main code alone, or a specification code under its main code. */
export function faultStatusResponse(api: SandboxApi, fault: SandboxFault): SandboxResponse {
  const status = fault.status ?? 500;
  const code = fault.code ?? API_ERRORS[api].systemError.kode;
  const details = (fault.spesifisering ?? []).map((d) => spec(d.kode ?? null, d));
  if (!isSpecificationCode(code)) return errorResponse(status, code, details.length ? details : undefined);
  return errorResponse(status, MAIN_CODE_FOR_SPEC[code] ?? API_ERRORS[api].systemError.kode, [spec(code)]);
}

/** 429 is not in the published tables; the body uses the API's request-error code so clients can still decode it. */
export function rateLimitResponse(api: SandboxApi, fault: SandboxFault): SandboxResponse {
  const retryAfter = String(fault.retryAfterSeconds ?? 1);
  return apiError(
    api,
    "rateLimited",
    { spesifisering: [spec(null, { melding: `For mange forespørsler, prøv igjen om ${retryAfter} sekunder` })] },
    { "Retry-After": retryAfter },
  );
}
