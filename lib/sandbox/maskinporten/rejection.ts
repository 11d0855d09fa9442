import { randomBytes } from "node:crypto";

/** A refused token request, worded like Maskinporten's answers (Digdir's troubleshooting page). */
export type Rejection = {
  status: number;
  error: "invalid_request" | "invalid_grant" | "invalid_scope" | "unsupported_grant_type" | "access_denied";
  description: string;
  mpCode?: string;
};

export const TROUBLESHOOTING_URL = "https://docs.digdir.no/docs/Maskinporten/maskinporten_feilsoking";

const AUTH_FAILED = "Invalid assertion. Client authentication failed.";

export const reject = {
  missingGrantType: (): Rejection => ({
    status: 400,
    error: "invalid_request",
    description: "Missing parameter grant_type",
  }),
  unsupportedGrantType: (type: string): Rejection => ({
    status: 400,
    error: "unsupported_grant_type",
    description: `Unsupported grant_type: ${type}`,
  }),
  missingAssertion: (): Rejection => ({
    status: 400,
    error: "invalid_request",
    description: "Missing parameter assertion",
  }),
  malformed: (what: string): Rejection => ({
    status: 400,
    error: "invalid_request",
    description: `Invalid assertion. Invalid parameter value. ${what}`,
    mpCode: "MP-011",
  }),
  unsupportedAlg: (alg: string): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} Invalid JWT. Unsupported signing algorithm ${alg}; use RS256, RS384 or RS512.`,
  }),
  unknownClient: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} Client not found.`,
    mpCode: "MP-100",
  }),
  wrongAudience: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} Invalid JWT claim aud.`,
    mpCode: "MP-110",
  }),
  invalidCertificate: (why: string): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} The JWT is signed with an invalid certificate. ${why}`,
    mpCode: "MP-120",
  }),
  expiredKey: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} Expired key.`,
    mpCode: "MP-121",
  }),
  invalidX5c: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} Invalid JWT header x5c.`,
    mpCode: "MP-123",
  }),
  badSignature: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} Invalid JWT signature.`,
    mpCode: "MP-124",
  }),
  unknownKid: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} Unknown key identifier (kid) for client.`,
  }),
  missingKid: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} Invalid JWT. The client requires pre-registered jwk and no key identifier (kid) provided.`,
  }),
  expiredGrant: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} JWT is expired.`,
    mpCode: "MP-130",
  }),
  grantTooLong: (seconds: number): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `${AUTH_FAILED} JWT is expired: exp - iat is ${seconds} s, more than the 120 s allowed.`,
    mpCode: "MP-130",
  }),
  clockSkew: (future: boolean): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: future
      ? `${AUTH_FAILED} Issue time is after now (more than 10 s).`
      : `${AUTH_FAILED} JWT is expired: iat is more than 10 s before now.`,
    mpCode: "MP-130",
  }),
  reusedGrant: (): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: "Grant is used before.",
    mpCode: "MP-012",
  }),
  undocumentedClaims: (names: string[]): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `Invalid assertion. Undocumented claim(s): ${names.join(", ")}.`,
  }),
  missingClaim: (name: string): Rejection => ({
    status: 400,
    error: "invalid_grant",
    description: `Invalid assertion. Missing or invalid claim ${name}.`,
  }),
  consumerOrgWithOnBehalfOf: (): Rejection => ({
    status: 400,
    error: "invalid_request",
    description: "Invalid assertion. consumer_org and iss_onbehalfof cannot both be used.",
  }),
  consumerOrgIsOwnOrg: (): Rejection => ({
    status: 400,
    error: "invalid_request",
    description:
      "Validation of JWT claim failed: The combination consumer_org in claim and delegation scope on client is invalid.",
  }),
  invalidScope: (scopes: string[]): Rejection => ({
    status: 400,
    error: "invalid_scope",
    description: `Invalid scope - Token request contains invalid scopes for client: ${scopes.join(" ")}`,
    mpCode: "MP-200",
  }),
  authorizationDetailsType: (type: string): Rejection => ({
    status: 400,
    error: "invalid_request",
    description: `Unknown authorization details type: ${type}.`,
    mpCode: "MP-301",
  }),
  authorizationDetailsFields: (fields: string[]): Rejection => ({
    status: 400,
    error: "invalid_request",
    description: `Unknown fields in the authorization details: ${fields.join(", ")}.`,
    mpCode: "MP-302",
  }),
  authorizationDetailsValues: (why: string): Rejection => ({
    status: 400,
    error: "invalid_request",
    description: `Invalid authorization details values: ${why}`,
    mpCode: "MP-303",
  }),
};

/** The JSON body Maskinporten answers with: the code in the description, plus a trace id. */
export function rejectionBody(r: Rejection): { error: string; error_description: string; error_uri?: string } {
  const code = r.mpCode ? ` (${r.mpCode})` : "";
  return {
    error: r.error,
    error_description: `${r.description}${code} (trace_id: ${randomBytes(16).toString("hex")})`,
    ...(r.mpCode ? { error_uri: TROUBLESHOOTING_URL } : {}),
  };
}
