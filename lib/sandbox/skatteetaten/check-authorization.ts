import "server-only";
import type { ErrorSurface } from "./api-error-codes";
import { apiError } from "./api-error-response";
import type { SandboxResponse } from "./sandbox-response";
import type { SandboxApi, VerifyToken } from "./types";

/**
 * The published Maskinporten scopes of the two APIs (docs/skatteetaten-contract.md, "Hosts,
 * scopes and resources"). The sandbox keeps its own copy: it stands for Skatteetaten and must
 * not take its facts from our adapters.
 */
export const SKATTEETATEN_SCOPES: Record<SandboxApi, string> = {
  oar: "skatteetaten:innrapporteringoppdragtilutenlandske",
  amelding: "skatteetaten:innrapporteringamelding",
};

/**
 * A Maskinporten token with the API's scope, issued for a system user, without an audience:
 * docs/om/sikkerhet.md says `resource` must not be set for Skatteetaten's APIs, so the audience
 * is "unspecified", as Skatteetaten expects. Returns the error answer, or the system user's
 * organisation when the caller may go on.
 */
export async function authorizeSystemUser(
  api: SandboxApi,
  surface: ErrorSurface,
  authorization: string | undefined,
  verifyToken: VerifyToken,
): Promise<{ response: SandboxResponse } | { systemUserOrg: string }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1])
    return {
      response: apiError(surface, "invalidToken", { melding: "Authorization-header med Bearer-token mangler" }),
    };

  const verdict = await verifyToken(match[1], SKATTEETATEN_SCOPES[api]);
  if (!verdict.ok) {
    if (verdict.reason === "missing_scope") return { response: apiError(surface, "missingScope") };
    if (verdict.reason === "missing_systemuser") return { response: apiError(surface, "noSystemUser") };
    return {
      response: apiError(surface, "invalidToken", {
        melding: verdict.reason === "expired" ? "Tokenet er utløpt" : undefined,
      }),
    };
  }
  if (verdict.audience?.length) {
    return {
      response: apiError(surface, "invalidToken", {
        melding: "Tokenet har en audience (resource); Skatteetatens API-er forventer at resource ikke er satt",
        angittVerdi: verdict.audience.join(" "),
      }),
    };
  }
  if (verdict.systemUserOrg === null) return { response: apiError(surface, "noSystemUser") };
  return { systemUserOrg: verdict.systemUserOrg };
}

/** The token check where only the verdict matters: the error answer, or null when the caller may go on. */
export async function checkAuthorization(
  api: SandboxApi,
  surface: ErrorSurface,
  authorization: string | undefined,
  verifyToken: VerifyToken,
): Promise<SandboxResponse | null> {
  const result = await authorizeSystemUser(api, surface, authorization, verifyToken);
  return "response" in result ? result.response : null;
}
