import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_SCOPES } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { createTestCertificates, startTestSandbox, type TestSandbox } from "@/lib/sandbox/maskinporten/test-fixture";
import { createMaskinportenClient } from "./client";

/** The grants the client sends, as the sandbox Maskinporten received and accepted them. */
describe("JWT grant", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  async function grantFor(
    request: Parameters<ReturnType<typeof createMaskinportenClient>["getToken"]>[0],
    overrides = {},
  ) {
    const before = t.sandbox.grants().length;
    await createMaskinportenClient(t.config(overrides)).getToken(request);
    const grants = t.sandbox.grants();
    expect(grants).toHaveLength(before + 1);
    return grants.at(-1)!;
  }

  it("carries exactly aud, iss, scope, iat, exp and jti, with kid and alg in the header", async () => {
    const started = Math.floor(Date.now() / 1000);
    const grant = await grantFor({ scopes: [SANDBOX_SCOPES.amelding, SANDBOX_SCOPES.oar] });
    expect(grant.header).toEqual({ alg: "RS256", kid: t.key.kid });
    expect(Object.keys(grant.claims).sort()).toEqual(["aud", "exp", "iat", "iss", "jti", "scope"]);
    expect(grant.claims.aud).toBe(t.sandbox.issuer);
    expect(String(grant.claims.aud).endsWith("/")).toBe(true);
    expect(grant.claims.iss).toBe(t.clientId);
    expect(grant.claims.scope).toBe(`${SANDBOX_SCOPES.amelding} ${SANDBOX_SCOPES.oar}`);
    expect(grant.claims.iat).toBeGreaterThanOrEqual(started);
    expect(grant.claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(grant.claims.exp! - grant.claims.iat!).toBe(60);
    expect(grant.claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses a fresh jti for every grant", async () => {
    const client = createMaskinportenClient(t.config());
    const orgs = ["310900125", "310900230"];
    const scopes = Object.values(SANDBOX_SCOPES);
    for (const org of orgs) for (const scope of scopes) await client.getToken({ scopes: [scope], systemUserOrg: org });
    const jtis = t.sandbox.grants({ clientId: t.clientId }).map((g) => g.jti);
    expect(jtis.length).toBeGreaterThanOrEqual(6);
    expect(new Set(jtis).size).toBe(jtis.length);
  });

  it("asks for the system user with authorization_details for one organisation", async () => {
    const grant = await grantFor({ scopes: [SANDBOX_SCOPES.oar], systemUserOrg: "310900230" });
    expect(grant.claims.authorization_details).toEqual([
      { type: "urn:altinn:systemuser", systemuser_org: { authority: "iso6523-actorid-upis", ID: "0192:310900230" } },
    ]);
    expect(Object.keys(grant.claims).sort()).toEqual([
      "aud",
      "authorization_details",
      "exp",
      "iat",
      "iss",
      "jti",
      "scope",
    ]);
    expect(grant.systemUserOrg).toBe("310900230");
  });

  it("adds consumer_org when configured, and a configured resource only to tokens for APIs other than Skatteetaten's", async () => {
    const configured = {
      MASKINPORTEN_RESOURCE: "https://api.example/a,https://api.example/b",
      MASKINPORTEN_CONSUMER_ORG: "310900346",
    };
    const other = await grantFor({ scopes: [SANDBOX_SCOPES.dialogporten] }, configured);
    expect(other.claims.resource).toEqual(["https://api.example/a", "https://api.example/b"]);
    expect(other.claims.consumer_org).toBe("310900346");
    expect(Object.keys(other.claims)).toHaveLength(8);

    const perRequest = await grantFor({ scopes: [SANDBOX_SCOPES.dialogporten], resource: ["https://api.example/c"] });
    expect(perRequest.claims.resource).toEqual(["https://api.example/c"]);
    expect(perRequest.claims).not.toHaveProperty("consumer_org");
  });

  it("never puts a resource on a token for Skatteetaten's APIs (docs/om/sikkerhet.md), even when one is configured", async () => {
    const configured = { MASKINPORTEN_RESOURCE: "https://api.example/a" };
    for (const scopes of [
      [SANDBOX_SCOPES.oar],
      [SANDBOX_SCOPES.amelding],
      [SANDBOX_SCOPES.amelding, SANDBOX_SCOPES.dialogporten],
    ]) {
      const grant = await grantFor({ scopes, systemUserOrg: "310900125" }, configured);
      expect(grant.claims).not.toHaveProperty("resource");
    }
    const before = t.sandbox.grants().length;
    await expect(
      createMaskinportenClient(t.config()).getToken({
        scopes: [SANDBOX_SCOPES.oar],
        resource: ["https://api.example/c"],
      }),
    ).rejects.toMatchObject({
      kind: "config",
    });
    expect(t.sandbox.grants()).toHaveLength(before);
  });

  it.each(["RS384", "RS512"] as const)("signs with %s when MASKINPORTEN_ALG says so", async (alg) => {
    const grant = await grantFor({ scopes: [SANDBOX_SCOPES.oar] }, { MASKINPORTEN_ALG: alg });
    expect(grant.header).toEqual({ alg, kid: t.key.kid });
  });

  describe("with a certificate chain (x5c)", () => {
    const certs = createTestCertificates();
    afterAll(() => certs.cleanup());
    const certEnv = () => ({
      MASKINPORTEN_KID: undefined,
      MASKINPORTEN_PRIVATE_KEY: certs.leafKeyPem,
      MASKINPORTEN_CERTIFICATE_CHAIN_FILE: certs.chainFile,
    });

    it("sends x5c as an array instead of kid; accepted when the leaf's key is registered", async () => {
      t.sandbox.registerClient({ ...clientFor(t), jwks: [...clientFor(t).jwks, certs.leafPublicJwk] });
      const grant = await grantFor({ scopes: [SANDBOX_SCOPES.oar] }, certEnv());
      expect(grant.header.kid).toBeUndefined();
      expect(Array.isArray(grant.header.x5c)).toBe(true);
      expect(grant.header.x5c).toHaveLength(2);
      expect(grant.keyId).toMatch(/^x5c:/);
    });

    it("is accepted when the client trusts the issuing CA instead", async () => {
      t.sandbox.registerClient({ ...clientFor(t), trustedCertificates: [certs.caPem] });
      const grant = await grantFor({ scopes: [SANDBOX_SCOPES.oar] }, certEnv());
      expect(grant.header.x5c).toHaveLength(2);
    });
  });
});

/** The demo client as registered, rebuilt from the fixture for re-registration. */
function clientFor(t: TestSandbox) {
  return {
    clientId: t.clientId,
    jwks: [t.key.publicJwk],
    allowedScopes: Object.values(SANDBOX_SCOPES),
    systemUsers: [],
    consumerOrgnr: "310900400",
  };
}
