import "server-only";
import { createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from "jose";
import { type Rejection, reject } from "./rejection";
import type { SandboxClient, SandboxSystemUser } from "./sandbox-client";
import type { SandboxSystemUserRegistry } from "./system-user-registry";
import type { UsedGrants } from "./used-grants";

export const GRANT_ALGORITHMS = ["RS256", "RS384", "RS512"] as const;
export const SYSTEM_USER_TYPE = "urn:altinn:systemuser";
export const ORGNR_AUTHORITY = "iso6523-actorid-upis";

const MAX_LIFETIME_SECONDS = 120;
const MAX_SKEW_SECONDS = 10;
/** The claims Maskinporten documents for a JWT grant; anything else is refused. */
const DOCUMENTED_CLAIMS = new Set([
  "aud",
  "iss",
  "scope",
  "iat",
  "exp",
  "jti",
  "resource",
  "consumer_org",
  "iss_onbehalfof",
  "authorization_details",
]);

export type AcceptedGrant = {
  client: SandboxClient;
  scopes: string[];
  systemUser?: SandboxSystemUser;
  consumerOrg?: string;
  resource?: string[];
  jti: string;
  header: ProtectedHeaderParameters;
  claims: JWTPayload;
  keyId: string;
};

export type GrantValidation = { ok: true; grant: AcceptedGrant } | { ok: false; rejection: Rejection };

type Context = {
  issuer: string;
  clients: ReadonlyMap<string, SandboxClient>;
  usedGrants: UsedGrants;
  nowSeconds: number;
  /** System users approved after start (through the sandbox Altinn), besides the clients' own. */
  systemUsers?: SandboxSystemUserRegistry;
};

class Rejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.description);
  }
}

function refuse(rejection: Rejection): never {
  throw new Rejected(rejection);
}

function spki(key: KeyObject): Buffer {
  return key.export({ format: "der", type: "spki" });
}

/** Finds the key the grant is signed with, the way Maskinporten does: x5c first, else kid. */
function resolveKey(
  header: ProtectedHeaderParameters,
  client: SandboxClient,
  nowSeconds: number,
): { key: KeyObject; keyId: string } {
  if (header.x5c !== undefined) {
    if (!Array.isArray(header.x5c) || header.x5c.length === 0 || header.x5c.some((c) => typeof c !== "string")) {
      refuse(reject.invalidX5c());
    }
    let leaf: X509Certificate;
    try {
      leaf = new X509Certificate(Buffer.from(header.x5c[0]!, "base64"));
    } catch {
      return refuse(reject.invalidX5c());
    }
    const now = nowSeconds * 1000;
    if (Date.parse(leaf.validFrom) > now || Date.parse(leaf.validTo) < now) {
      refuse(reject.invalidCertificate("The certificate is not valid now."));
    }
    const leafKey = spki(leaf.publicKey);
    const matchesJwk = client.jwks.some((jwk) => spki(createPublicKey({ key: jwk, format: "jwk" })).equals(leafKey));
    const trusted = client.trustedCertificates.some((pem) => {
      const cert = new X509Certificate(pem);
      return cert.raw.equals(leaf.raw) || (leaf.checkIssued(cert) && leaf.verify(cert.publicKey));
    });
    if (!matchesJwk && !trusted) refuse(reject.invalidCertificate("The certificate is not registered on the client."));
    return { key: leaf.publicKey, keyId: `x5c:${leaf.fingerprint256}` };
  }
  if (!header.kid) refuse(reject.missingKid());
  const jwk = client.jwks.find((k) => k.kid === header.kid);
  if (!jwk) refuse(reject.unknownKid());
  if (jwk.exp !== undefined && jwk.exp < nowSeconds) refuse(reject.expiredKey());
  return { key: createPublicKey({ key: jwk, format: "jwk" }), keyId: jwk.kid };
}

function checkTimes(claims: JWTPayload, nowSeconds: number): void {
  const { iat, exp } = claims;
  if (typeof iat !== "number") refuse(reject.missingClaim("iat"));
  if (typeof exp !== "number") refuse(reject.missingClaim("exp"));
  if (exp <= nowSeconds) refuse(reject.expiredGrant());
  if (exp - iat > MAX_LIFETIME_SECONDS) refuse(reject.grantTooLong(exp - iat));
  if (iat > nowSeconds + MAX_SKEW_SECONDS) refuse(reject.clockSkew(true));
  if (iat < nowSeconds - MAX_SKEW_SECONDS) refuse(reject.clockSkew(false));
}

function checkScopes(claims: JWTPayload, client: SandboxClient): string[] {
  if (typeof claims.scope !== "string" || claims.scope.trim() === "") refuse(reject.missingClaim("scope"));
  const scopes = claims.scope.split(" ").filter(Boolean);
  const notAllowed = scopes.filter((s) => !client.allowedScopes.includes(s));
  if (notAllowed.length) refuse(reject.invalidScope(notAllowed));
  return scopes;
}

function keysOf(value: unknown): string[] {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
}

/** Validates `authorization_details` for a system user (docs/domain.md, "System user"): one entry, one org. */
function checkSystemUser(
  details: unknown,
  client: SandboxClient,
  registry: SandboxSystemUserRegistry | undefined,
): SandboxSystemUser {
  if (!Array.isArray(details) || details.length === 0) {
    refuse(reject.authorizationDetailsValues("authorization_details must be a non-empty array."));
  }
  if (details.length > 1) refuse(reject.authorizationDetailsValues("only one system user per token request."));
  const detail = details[0] as Record<string, unknown>;
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) {
    refuse(reject.authorizationDetailsValues("each authorization detail must be an object."));
  }
  if (detail.type !== SYSTEM_USER_TYPE) refuse(reject.authorizationDetailsType(String(detail.type)));
  const unknown = keysOf(detail).filter((k) => k !== "type" && k !== "systemuser_org");
  const org = detail.systemuser_org as Record<string, unknown> | undefined;
  unknown.push(
    ...keysOf(org)
      .filter((k) => k !== "authority" && k !== "ID")
      .map((k) => `systemuser_org.${k}`),
  );
  if (unknown.length) refuse(reject.authorizationDetailsFields(unknown));
  if (!org || org.authority !== ORGNR_AUTHORITY) {
    refuse(reject.authorizationDetailsValues(`systemuser_org.authority must be "${ORGNR_AUTHORITY}".`));
  }
  const id = typeof org.ID === "string" ? org.ID.match(/^0192:(\d{9})$/) : null;
  if (!id) refuse(reject.authorizationDetailsValues('systemuser_org.ID must be "0192:<orgnr>".'));
  const systemUser =
    client.systemUsers.find((u) => u.orgnr === id[1] && !registry?.isRevoked(u.systemId, u.orgnr)) ??
    registry?.find(client.clientId, id[1]!);
  if (!systemUser) {
    refuse(
      reject.authorizationDetailsValues(
        `organisation ${id[1]} is not the owner of a system user for this client's system.`,
      ),
    );
  }
  return systemUser;
}

function checkResource(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((r) => typeof r !== "string" || r === "")) {
    refuse(reject.malformed("resource must be a string or an array of strings."));
  }
  return list as string[];
}

function checkConsumerOrg(claims: JWTPayload, client: SandboxClient): string | undefined {
  if (claims.consumer_org !== undefined && claims.iss_onbehalfof !== undefined)
    refuse(reject.consumerOrgWithOnBehalfOf());
  if (claims.consumer_org === undefined) return undefined;
  if (typeof claims.consumer_org !== "string" || !/^\d{9}$/.test(claims.consumer_org)) {
    refuse(reject.malformed("consumer_org must be a 9-digit organisation number."));
  }
  if (claims.consumer_org === client.consumerOrgnr) refuse(reject.consumerOrgIsOwnOrg());
  return claims.consumer_org;
}

async function validate(assertion: string, ctx: Context): Promise<AcceptedGrant> {
  let header: ProtectedHeaderParameters;
  let unverified: JWTPayload;
  try {
    header = decodeProtectedHeader(assertion);
    unverified = decodeJwt(assertion);
  } catch {
    return refuse(reject.malformed("The assertion is not a signed JWT."));
  }
  if (!GRANT_ALGORITHMS.includes(header.alg as (typeof GRANT_ALGORITHMS)[number])) {
    refuse(reject.unsupportedAlg(String(header.alg)));
  }
  const client = typeof unverified.iss === "string" ? ctx.clients.get(unverified.iss) : undefined;
  if (!client) refuse(reject.unknownClient());

  const { key, keyId } = resolveKey(header, client, ctx.nowSeconds);
  let claims: JWTPayload;
  try {
    const { payload } = await compactVerify(assertion, key, { algorithms: [header.alg!] });
    claims = JSON.parse(new TextDecoder().decode(payload)) as JWTPayload;
  } catch {
    return refuse(reject.badSignature());
  }

  // Exact match: no token URL, no missing trailing slash, no array.
  if (claims.aud !== ctx.issuer) refuse(reject.wrongAudience());
  const undocumented = Object.keys(claims).filter((k) => !DOCUMENTED_CLAIMS.has(k));
  if (undocumented.length) refuse(reject.undocumentedClaims(undocumented));
  checkTimes(claims, ctx.nowSeconds);
  if (typeof claims.jti !== "string" || claims.jti === "") refuse(reject.missingClaim("jti"));
  // Claimed before the remaining checks: Maskinporten consumes a grant once it is authenticated.
  if (!ctx.usedGrants.claim(client.clientId, claims.jti, claims.exp! + 10, ctx.nowSeconds))
    refuse(reject.reusedGrant());

  const scopes = checkScopes(claims, client);
  const resource = checkResource(claims.resource);
  const consumerOrg = checkConsumerOrg(claims, client);
  const systemUser =
    claims.authorization_details !== undefined
      ? checkSystemUser(claims.authorization_details, client, ctx.systemUsers)
      : undefined;

  return { client, scopes, systemUser, consumerOrg, resource, jti: claims.jti, header, claims, keyId };
}

/** Checks a JWT grant against the registered clients exactly as Maskinporten documents it. */
export async function validateGrant(assertion: string, ctx: Context): Promise<GrantValidation> {
  try {
    return { ok: true, grant: await validate(assertion, ctx) };
  } catch (e) {
    if (e instanceof Rejected) return { ok: false, rejection: e.rejection };
    throw e;
  }
}
