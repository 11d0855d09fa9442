import "server-only";
import { randomUUID } from "node:crypto";
import { type JWTHeaderParameters, SignJWT } from "jose";
import type { MaskinportenConfig } from "./config";
import { MaskinportenError } from "./errors";

/** Maskinporten refuses grants living longer than 120 s; a minute leaves room for clock drift. */
export const MAX_GRANT_LIFETIME_SECONDS = 120;
export const DEFAULT_GRANT_LIFETIME_SECONDS = 60;

export const SYSTEM_USER_TYPE = "urn:altinn:systemuser";
export const ORGNR_AUTHORITY = "iso6523-actorid-upis";

export type TokenRequest = {
  scopes: string[];
  /** Orgnr of the system user's owner: the reporting organisation, or the accountant reporting for it. */
  systemUserOrg?: string;
  /** Audience(s) of the access token; overrides MASKINPORTEN_RESOURCE. Refused for Skatteetaten's scopes. */
  resource?: string[];
};

/** Scopes of Skatteetaten's APIs. */
const SKATTEETATEN_SCOPE = /^skatteetaten:/;

/**
 * The `resource` claim (the access token's audience) for a token request. Skatteetaten's APIs
 * expect none: docs/om/sikkerhet.md says resource must not be set for them, leaving the audience
 * "unspecified" (docs/skatteetaten-contract.md, "Tokens"). So a token with a Skatteetaten scope
 * never carries one, and asking for one is refused; MASKINPORTEN_RESOURCE applies only to tokens
 * for other APIs, and a request may name its own.
 */
export function resourceFor(
  scopes: string[],
  requested: string[] | undefined,
  configured: string[] | undefined,
): string[] | undefined {
  if (scopes.some((s) => SKATTEETATEN_SCOPE.test(s))) {
    if (requested?.length) {
      throw invalidRequest(
        "A resource (audience) was requested for a Skatteetaten scope.",
        "Skatteetaten's APIs expect no resource claim; leave it out (docs/om/sikkerhet.md).",
      );
    }
    return undefined;
  }
  const resource = requested ?? configured;
  return resource?.length ? [...resource] : undefined;
}

export type SystemUserAuthorizationDetail = {
  type: typeof SYSTEM_USER_TYPE;
  systemuser_org: { authority: typeof ORGNR_AUTHORITY; ID: string };
};

export function systemUserAuthorizationDetails(orgnr: string): SystemUserAuthorizationDetail[] {
  return [{ type: SYSTEM_USER_TYPE, systemuser_org: { authority: ORGNR_AUTHORITY, ID: `0192:${orgnr}` } }];
}

function invalidRequest(explanation: string, hint: string): MaskinportenError {
  return new MaskinportenError({ kind: "config", explanation, hint });
}

/** Scopes as Maskinporten wants them: no duplicates, no blanks, sorted so equal sets compare equal. */
export function normaliseScopes(scopes: string[]): string[] {
  const list = [...new Set(scopes.flatMap((s) => s.split(/\s+/)).filter(Boolean))].sort();
  if (list.length === 0) throw invalidRequest("No scope was requested.", "Ask for at least one scope.");
  return list;
}

export function checkSystemUserOrg(orgnr: string | undefined): string | undefined {
  if (orgnr === undefined) return undefined;
  if (!/^\d{9}$/.test(orgnr)) {
    throw invalidRequest(`"${orgnr}" is not a 9-digit organisation number.`, "Pass the system user owner's orgnr.");
  }
  return orgnr;
}

/**
 * Builds the signed JWT grant (RFC 7523) exactly as Maskinporten documents it: only the
 * documented claims (aud, iss, scope, iat, exp, jti; resource, consumer_org and
 * authorization_details when needed), because Maskinporten rejects undocumented ones.
 */
export async function createJwtGrant(
  config: Pick<MaskinportenConfig, "clientId" | "issuer" | "signingKey" | "resource" | "consumerOrg">,
  request: TokenRequest,
  options: { nowMs: number; lifetimeSeconds?: number },
): Promise<string> {
  const scopes = normaliseScopes(request.scopes);
  const systemUserOrg = checkSystemUserOrg(request.systemUserOrg);
  const lifetime = Math.min(options.lifetimeSeconds ?? DEFAULT_GRANT_LIFETIME_SECONDS, MAX_GRANT_LIFETIME_SECONDS);
  const iat = Math.floor(options.nowMs / 1000);
  const { signingKey } = config;

  const header: JWTHeaderParameters = signingKey.x5c
    ? { alg: signingKey.alg, x5c: signingKey.x5c }
    : { alg: signingKey.alg, kid: signingKey.kid };

  const resource = resourceFor(scopes, request.resource, config.resource);
  const claims: Record<string, unknown> = { scope: scopes.join(" ") };
  if (resource?.length) claims.resource = resource;
  if (config.consumerOrg) claims.consumer_org = config.consumerOrg;
  if (systemUserOrg) claims.authorization_details = systemUserAuthorizationDetails(systemUserOrg);

  return new SignJWT(claims)
    .setProtectedHeader(header)
    .setAudience(config.issuer)
    .setIssuer(config.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .setJti(randomUUID())
    .sign(signingKey.privateKey);
}
