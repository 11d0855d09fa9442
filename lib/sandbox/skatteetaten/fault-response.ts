import "server-only";
import { API_ERRORS, type ErrorSurface } from "./api-error-codes";
import { emptyResponse, errorResponse, type SandboxResponse, spec } from "./sandbox-response";
import type { SandboxFault } from "./types";

/** Specification codes that name a backend failure, and the main code they travel with. */
const MAIN_CODE_FOR_SPEC: Record<string, string> = { OAR_1009: "OAR_010", AMLD_1053: "AMLD_023" };

const isSpecificationCode = (code: string) => /_1\d{3}$/.test(code);

/** The answer of a "status" fault: a main code alone, or a specification code under its main code. */
export function faultStatusResponse(surface: ErrorSurface, fault: SandboxFault): SandboxResponse {
  const status = fault.status ?? 500;
  const code = fault.code ?? API_ERRORS[surface].systemError.kode;
  const details = (fault.spesifisering ?? []).map((d) => spec(d.kode ?? null, d));
  if (!isSpecificationCode(code)) return errorResponse(status, code, details.length ? details : undefined);
  return errorResponse(status, MAIN_CODE_FOR_SPEC[code] ?? API_ERRORS[surface].systemError.kode, [spec(code)]);
}

/**
 * 429 with Retry-After. Skatteetaten publishes no rate limits and no code for them
 * (docs/skatteetaten-contract.md, "Rate limits"), so the answer has no body, as a gateway in
 * front of the API would send it.
 */
export function rateLimitResponse(fault: SandboxFault): SandboxResponse {
  return emptyResponse(429, { "Retry-After": String(fault.retryAfterSeconds ?? 1) });
}
