import "server-only";
import { AMELDING_SCOPE } from "@/lib/reporting/amelding/amelding-adapter";
import { OAR_SCOPE } from "@/lib/reporting/oar/oar-adapter";
import { apiError } from "./api-error-response";
import type { SandboxResponse } from "./sandbox-response";
import type { SandboxApi, VerifyToken } from "./types";

const SCOPES: Record<SandboxApi, string> = { oar: OAR_SCOPE, amelding: AMELDING_SCOPE };

/**
 * Step 2: a Maskinporten token with the API's scope, issued for a system user (DOMAIN.md §3.1).
 * Returns the error answer, or the system user's organisation when the caller may go on.
 */
export async function authorizeSystemUser(
  api: SandboxApi,
  authorization: string | undefined,
  verifyToken: VerifyToken,
): Promise<{ response: SandboxResponse } | { systemUserOrg: string }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return { response: apiError(api, "invalidToken", { melding: "Authorization-header med Bearer-token mangler" }) };

  const verdict = await verifyToken(match[1], SCOPES[api]);
  if (!verdict.ok) {
    if (verdict.reason === "missing_scope") return { response: apiError(api, "missingScope") };
    if (verdict.reason === "missing_systemuser") return { response: apiError(api, "noSystemUser") };
    return { response: apiError(api, "invalidToken", { melding: verdict.reason === "expired" ? "Tokenet er utløpt" : undefined }) };
  }
  if (verdict.systemUserOrg === null) return { response: apiError(api, "noSystemUser") };
  return { systemUserOrg: verdict.systemUserOrg };
}

/** Step 2 where only the verdict matters: the error answer, or null when the caller may go on. */
export async function checkAuthorization(
  api: SandboxApi,
  authorization: string | undefined,
  verifyToken: VerifyToken,
): Promise<SandboxResponse | null> {
  const result = await authorizeSystemUser(api, authorization, verifyToken);
  return "response" in result ? result.response : null;
}
