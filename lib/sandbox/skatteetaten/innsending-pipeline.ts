import "server-only";
import { apiError } from "./api-error-response";
import type { ApiRequest } from "./api-request";
import { authorizeSystemUser } from "./check-authorization";
import { checkAccept, checkContentType, readIdempotencyKey } from "./check-headers";
import { type IdempotencyStore, requestFingerprint } from "./idempotency-store";
import { type SandboxResponse, spec } from "./sandbox-response";
import type { IdempotencyKeyPlacement, VerifyToken } from "./types";

/** `systemUserOrg`: the organisation whose system user the token was issued for. */
export type ProcessInnsending = (body: unknown, idempotencyKey: string, systemUserOrg: string) => SandboxResponse;

/**
 * The checks every POST of the reporting APIs shares (token, headers, idempotency key, JSON syntax, idempotent replay),
 * then the API's own (structure, validation, processing). Everything after the token check is
 * synchronous, so lookup → process → remember cannot interleave with a concurrent retry of the
 * same key (docs/skatteetaten-contract.md, "Idempotency key").
 */
export async function handleInnsending(
  req: ApiRequest,
  deps: { verifyToken: VerifyToken; idempotency: IdempotencyStore; idempotencyKeyIn: IdempotencyKeyPlacement },
  processInnsending: ProcessInnsending,
): Promise<SandboxResponse> {
  const auth = await authorizeSystemUser(req.api, req.surface, req.headers.authorization, deps.verifyToken);
  if ("response" in auth) return auth.response;

  const headerError = checkAccept(req) ?? checkContentType(req);
  if (headerError) return headerError;
  const idempotency = readIdempotencyKey(req, deps.idempotencyKeyIn);
  if ("response" in idempotency) return idempotency.response;

  let body: unknown;
  try {
    body = JSON.parse(req.rawBody.toString("utf8"));
  } catch (error) {
    return apiError(req.surface, "jsonSyntax", { melding: `Ugyldig JSON: ${(error as Error).message}` });
  }

  const fingerprint = requestFingerprint(req.pathname, req.rawBody);
  const earlier = deps.idempotency.lookup(req.api, idempotency.key, fingerprint);
  if (earlier.kind === "replay") return earlier.response;
  if (earlier.kind === "conflict") {
    return apiError(req.surface, "idempotencyConflict", {
      spesifisering: [
        spec(null, { melding: "idempotencyKey er brukt tidligere med en annen request", angittVerdi: idempotency.key }),
      ],
    });
  }

  const response = processInnsending(body, idempotency.key, auth.systemUserOrg);
  deps.idempotency.remember(req.api, idempotency.key, fingerprint, response);
  return response;
}
