import "server-only";
import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from "node:crypto";
import { type JWK, SignJWT } from "jose";
import { type AcceptedGrant, ORGNR_AUTHORITY, SYSTEM_USER_TYPE } from "./validate-grant";

/** The key the sandbox signs access tokens with; its public half is served at /jwk. */
export type SandboxSigningKey = { privateKey: KeyObject; publicJwk: JWK & { kid: string } };

export function generateSandboxSigningKey(): SandboxSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = `sandbox-mp-${randomBytes(6).toString("hex")}`;
  return { privateKey, publicJwk: { ...(publicKey.export({ format: "jwk" }) as JWK), kid, alg: "RS256", use: "sig" } };
}

const orgId = (orgnr: string) => ({ authority: ORGNR_AUTHORITY, ID: `0192:${orgnr}` });

/**
 * An access token shaped like Maskinporten's: `consumer` is the organisation the token acts for
 * (consumer_org when delegated, with the client owner as `supplier`), and a system-user token
 * carries the system user in authorization_details (docs/domain.md, "System user").
 */
export async function issueAccessToken(
  grant: AcceptedGrant,
  options: { issuer: string; signingKey: SandboxSigningKey; lifetimeSeconds: number; nowSeconds: number },
): Promise<string> {
  const claims: Record<string, unknown> = {
    scope: grant.scopes.join(" "),
    client_id: grant.client.clientId,
    client_amr: grant.header.x5c ? "virksomhetssertifikat" : "private_key_jwt",
    token_type: "Bearer",
    consumer: orgId(grant.consumerOrg ?? grant.client.consumerOrgnr),
  };
  if (grant.consumerOrg) claims.supplier = orgId(grant.client.consumerOrgnr);
  if (grant.systemUser) {
    claims.authorization_details = [
      {
        type: SYSTEM_USER_TYPE,
        systemuser_id: [grant.systemUser.systemUserId],
        systemuser_org: orgId(grant.systemUser.orgnr),
        system_id: grant.systemUser.systemId,
      },
    ];
  }
  const token = new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: options.signingKey.publicJwk.kid })
    .setIssuer(options.issuer)
    .setIssuedAt(options.nowSeconds)
    .setExpirationTime(options.nowSeconds + options.lifetimeSeconds)
    .setJti(randomUUID());
  if (grant.resource) token.setAudience(grant.resource.length === 1 ? grant.resource[0]! : grant.resource);
  return token.sign(options.signingKey.privateKey);
}
