import "server-only";
import { apiError } from "./api-error-response";
import type { ApiRequest } from "./api-request";
import type { SandboxResponse } from "./sandbox-response";
import type { IdempotencyKeyPlacement } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The published name of the parameter, as a header and as a query parameter. */
export const IDEMPOTENCY_KEY_NAME = "idempotencyKey";

function mediaTypes(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => part.split(";")[0]!.trim().toLowerCase())
    .filter(Boolean);
}

/** The APIs answer JSON only (OAR_1006 / AMLD_1030), so Accept must name it. */
export function checkAccept(req: ApiRequest): SandboxResponse | null {
  if (mediaTypes(req.headers.accept).includes("application/json")) return null;
  return apiError(req.surface, "badAccept", { angittVerdi: req.headers.accept ?? null });
}

/** Bodies are JSON only (OAR_1008 / AMLD_1047). */
export function checkContentType(req: ApiRequest): SandboxResponse | null {
  if (mediaTypes(req.headers["content-type"])[0] === "application/json") return null;
  return apiError(req.surface, "badContentType", { angittVerdi: req.headers["content-type"] ?? null });
}

/**
 * The idempotency key, a UUID, read only where the sandbox is configured to read it: the pages
 * say only that the parameter is required, so the sandbox accepts exactly one placement
 * (default: the header every third-party client sends; docs/skatteetaten-contract.md,
 * "Idempotency key"). A key in the other place counts as missing, so a client that puts it in
 * the wrong place fails in our own tests: "Header mangler" for a missing header (OAR_1005 /
 * AMLD_1028), a parameter error for a missing query parameter (OAR_1003 / AMLD_1022).
 */
export function readIdempotencyKey(
  req: ApiRequest,
  placement: IdempotencyKeyPlacement,
): { key: string } | { response: SandboxResponse } {
  const header = req.headers[IDEMPOTENCY_KEY_NAME.toLowerCase()];
  const key = placement === "query" ? req.query.get(IDEMPOTENCY_KEY_NAME) : Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === null || key === "") {
    return placement === "header"
      ? {
          response: apiError(req.surface, "missingIdempotencyKeyHeader", {
            melding: `Header mangler: ${IDEMPOTENCY_KEY_NAME}`,
            sti: IDEMPOTENCY_KEY_NAME,
          }),
        }
      : {
          response: apiError(req.surface, "missingIdempotencyKeyQuery", {
            melding: `Parameter mangler: ${IDEMPOTENCY_KEY_NAME}`,
            sti: IDEMPOTENCY_KEY_NAME,
          }),
        };
  }
  if (!UUID.test(key)) {
    return {
      response: apiError(req.surface, "malformedIdempotencyKey", {
        melding: `${IDEMPOTENCY_KEY_NAME} må være en UUID`,
        angittVerdi: key,
      }),
    };
  }
  return { key };
}
