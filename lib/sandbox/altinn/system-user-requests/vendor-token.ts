import "server-only";
import type { JSONWebKeySet } from "jose";
import { verifySandboxAccessToken } from "../../maskinporten/verify-access-token";
import type { SandboxResponse } from "../../skatteetaten/sandbox-response";
import { authProblem, problem } from "./problem";

export type MaskinportenKeys = { issuer: string; publicJwks: JSONWebKeySet };

export type VendorCheck = { ok: true; vendorOrgnr: string } | { ok: false; response: SandboxResponse };

/**
 * Altinn's check of the vendor: a Maskinporten token from the sandbox Maskinporten with the
 * endpoint's scope. The vendor is the token's `consumer`; no system user is involved.
 */
export async function authenticateVendor(
  bearer: string | null,
  scope: string,
  maskinporten: MaskinportenKeys,
): Promise<VendorCheck> {
  if (!bearer)
    return {
      ok: false,
      response: problem(401, { title: "Unauthorized", detail: "A Maskinporten bearer token is required." }),
    };
  const verified = await verifySandboxAccessToken(bearer, maskinporten.publicJwks, {
    issuer: maskinporten.issuer,
    requiredScope: scope,
    requireSystemUser: false,
  });
  if (!verified.ok) {
    const status = verified.reason === "missing_scope" ? 403 : 401;
    return {
      ok: false,
      response: problem(status, { title: status === 403 ? "Forbidden" : "Unauthorized", detail: verified.message }),
    };
  }
  if (!verified.consumerOrgnr) return { ok: false, response: authProblem("AUTH-00023") };
  return { ok: true, vendorOrgnr: verified.consumerOrgnr };
}
