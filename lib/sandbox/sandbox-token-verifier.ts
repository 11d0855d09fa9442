import "server-only";
import type { SandboxMaskinporten } from "./maskinporten/server";
import { verifySandboxAccessToken } from "./maskinporten/verify-access-token";
import type { VerifyToken } from "./skatteetaten/types";

/**
 * How the sandbox Skatteetaten checks bearer tokens: against the sandbox Maskinporten's own
 * signing keys and issuer, as the real API checks tokens from maskinporten.no. A token without a
 * system user is passed on as such, so the API can answer OAR_1011 / AMLD_1063 itself.
 */
export function sandboxTokenVerifier(maskinporten: Pick<SandboxMaskinporten, "issuer" | "publicJwks">): VerifyToken {
  return async (token, requiredScope) => {
    const result = await verifySandboxAccessToken(token, maskinporten.publicJwks, {
      issuer: maskinporten.issuer,
      requiredScope,
      requireSystemUser: false,
    });
    if (!result.ok) return { ok: false, reason: result.reason };
    const aud = result.claims.aud;
    return {
      ok: true,
      systemUserOrg: result.systemUser?.orgnr ?? null,
      clientId: result.clientId,
      ...(aud ? { audience: Array.isArray(aud) ? aud : [aud] } : {}),
    };
  };
}
