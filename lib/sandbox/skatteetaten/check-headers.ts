import "server-only";
import { apiError } from "./api-error-response";
import type { ApiRequest } from "./api-request";
import type { SandboxResponse } from "./sandbox-response";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mediaTypes(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => part.split(";")[0]!.trim().toLowerCase())
    .filter(Boolean);
}

/** Step 3a: the APIs answer JSON only (OAR_1006 / GLD_1030), so Accept must name it. */
export function checkAccept(req: ApiRequest): SandboxResponse | null {
  if (mediaTypes(req.headers.accept).includes("application/json")) return null;
  return apiError(req.api, "badAccept", { angittVerdi: req.headers.accept ?? null });
}

/** Step 3b: bodies are JSON only (OAR_1008 / GLD_1047). */
export function checkContentType(req: ApiRequest): SandboxResponse | null {
  if (mediaTypes(req.headers["content-type"])[0] === "application/json") return null;
  return apiError(req.api, "badContentType", { angittVerdi: req.headers["content-type"] ?? null });
}

/**
 * Step 3c: the idempotency key, a UUID. Where it travels is [open] (DOMAIN.md §1.1) and the
 * client is configurable, so both the query parameter and the header are accepted.
 */
export function readIdempotencyKey(req: ApiRequest): { key: string } | { response: SandboxResponse } {
  const header = req.headers.idempotencykey;
  const key = req.query.get("idempotencyKey") ?? (Array.isArray(header) ? header[0] : header);
  if (key === undefined || key === "") {
    return { response: apiError(req.api, "missingIdempotencyKey", { melding: "idempotencyKey mangler (query-parameter eller header)" }) };
  }
  if (!UUID.test(key)) {
    return { response: apiError(req.api, "malformedIdempotencyKey", { melding: "idempotencyKey må være en UUID", angittVerdi: key }) };
  }
  return { key };
}
