import "server-only";
import { apiError } from "./api-error-response";
import type { ApiRequest } from "./api-request";
import { checkAuthorization } from "./check-authorization";
import { checkAccept } from "./check-headers";
import { jsonResponse, type SandboxResponse } from "./sandbox-response";
import type { SandboxState } from "./sandbox-state";
import type { VerifyToken } from "./types";

/** GET forsendelse/{id}: the same token and Accept rules as a submission, then the stored forsendelse or 404. */
export async function handleForsendelseLookup(
  req: ApiRequest,
  forsendelseId: string,
  deps: { verifyToken: VerifyToken; state: SandboxState },
): Promise<SandboxResponse> {
  const authError = await checkAuthorization(req.api, req.surface, req.headers.authorization, deps.verifyToken);
  if (authError) return authError;
  const acceptError = checkAccept(req);
  if (acceptError) return acceptError;
  const forsendelse = deps.state.findForsendelse(req.api, forsendelseId);
  if (forsendelse === undefined) return apiError(req.surface, "forsendelseNotFound", { angittVerdi: forsendelseId });
  return jsonResponse(200, forsendelse);
}
