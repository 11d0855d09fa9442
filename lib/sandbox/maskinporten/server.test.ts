import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { SANDBOX_SCOPES, sandboxSystemUserId } from "./sandbox-clients";
import { generateTestKey, postToken, startTestSandbox, type TestSandbox } from "./test-fixture";

const OAR = SANDBOX_SCOPES.oar;

describe("sandbox Maskinporten server", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  const get = async (path: string) => {
    const res = await fetch(new URL(path, t.sandbox.issuer));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it("listens on a free local port and names itself with a trailing slash", () => {
    expect(t.sandbox.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(t.sandbox.url).toBe(t.sandbox.issuer.slice(0, -1));
  });

  it("publishes its metadata like Maskinporten", async () => {
    const { status, body } = await get(".well-known/oauth-authorization-server");
    expect(status).toBe(200);
    expect(body).toEqual({
      issuer: t.sandbox.issuer,
      token_endpoint: `${t.sandbox.issuer}token`,
      jwks_uri: `${t.sandbox.issuer}jwk`,
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      grant_types_supported: ["urn:ietf:params:oauth:grant-type:jwt-bearer"],
      token_endpoint_auth_signing_alg_values_supported: ["RS256", "RS384", "RS512"],
      authorization_details_types_supported: ["urn:altinn:systemuser"],
    });
  });

  it("publishes the public key it signs tokens with at /jwk", async () => {
    const { body } = await get("jwk");
    const keys = body.keys as Record<string, unknown>[];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("answers 404 and 405 as JSON", async () => {
    expect((await get("nothing")).status).toBe(404);
    expect((await get("token")).status).toBe(405);
  });

  it("refuses a body that is not form-encoded", async () => {
    const res = await fetch(t.sandbox.tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });

  it("issues a system-user token shaped like Maskinporten's", async () => {
    const res = await createMaskinportenClient(t.config()).getToken({ scopes: [OAR], systemUserOrg: "310900125" });
    const header = decodeProtectedHeader(res.accessToken);
    const jwks = (await get("jwk")).body.keys as { kid: string }[];
    expect(header).toEqual({ alg: "RS256", kid: jwks[0]!.kid });
    const claims = decodeJwt(res.accessToken);
    expect(claims).toEqual({
      iss: t.sandbox.issuer,
      client_id: t.clientId,
      client_amr: "private_key_jwt",
      token_type: "Bearer",
      consumer: { authority: "iso6523-actorid-upis", ID: "0192:310900400" },
      scope: OAR,
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
      authorization_details: [
        {
          type: "urn:altinn:systemuser",
          systemuser_id: [sandboxSystemUserId(t.clientId, "310900125")],
          system_id: "310900400_innrapportering",
          systemuser_org: { authority: "iso6523-actorid-upis", ID: "0192:310900125" },
        },
      ],
    });
    expect(claims.exp! - claims.iat!).toBe(120);
  });

  it("answers token requests with access_token, token_type, expires_in and scope", async () => {
    const client = createMaskinportenClient(t.config());
    await client.getToken({ scopes: [OAR] });
    const grant = t.sandbox.grants().at(-1)!;
    expect(grant).toMatchObject({ clientId: t.clientId, scopes: [OAR], keyId: t.key.kid });
    expect(grant.systemUserOrg).toBeUndefined();
  });

  it("puts resource in aud, and consumer_org as consumer with the client's owner as supplier", async () => {
    const token = await createMaskinportenClient(
      t.config({ MASKINPORTEN_RESOURCE: "https://api.example/", MASKINPORTEN_CONSUMER_ORG: "310900230" }),
    ).getToken({ scopes: [SANDBOX_SCOPES.dialogporten] });
    expect(token.claims).toMatchObject({
      aud: "https://api.example/",
      consumer: { ID: "0192:310900230" },
      supplier: { ID: "0192:310900400" },
    });
  });

  it("counts grants by client, scope and system-user org", async () => {
    const org = "310900230";
    const before = t.sandbox.grantCount({ systemUserOrg: org, scope: SANDBOX_SCOPES.dialogporten });
    await createMaskinportenClient(t.config()).getToken({ scopes: [SANDBOX_SCOPES.dialogporten], systemUserOrg: org });
    expect(t.sandbox.grantCount({ systemUserOrg: org, scope: SANDBOX_SCOPES.dialogporten })).toBe(before + 1);
    expect(t.sandbox.grantCount({ clientId: "someone-else" })).toBe(0);
  });

  it("accepts clients registered at run time, also over HTTP", async () => {
    const key = generateTestKey();
    const res = await fetch(`${t.sandbox.url}/__control/clients`, {
      method: "POST",
      body: JSON.stringify({
        clientId: "late-client",
        jwks: { keys: [key.publicJwk] },
        allowedScopes: [OAR],
        consumerOrgnr: "310900125",
      }),
    });
    expect(res.status).toBe(200);
    const token = await createMaskinportenClient(
      t.config({
        MASKINPORTEN_CLIENT_ID: "late-client",
        MASKINPORTEN_KID: key.kid,
        MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
      }),
    ).getToken({ scopes: [OAR] });
    expect(token.claims?.client_id).toBe("late-client");
    const grants = (await get("__control/grants")).body;
    expect(grants.count).toBe(t.sandbox.grantCount());
  });

  it("injects faults through the control endpoint", async () => {
    const res = await fetch(`${t.sandbox.url}/__control/faults`, {
      method: "POST",
      body: JSON.stringify({ status: 503, count: 2 }),
    });
    expect(await res.json()).toEqual({ pending: 2 });
    const form = { grant_type: "x", assertion: "y" };
    expect((await postToken(t.sandbox.tokenEndpoint, form)).status).toBe(503);
    expect((await postToken(t.sandbox.tokenEndpoint, form)).status).toBe(503);
    expect((await postToken(t.sandbox.tokenEndpoint, form)).status).toBe(400);

    await fetch(`${t.sandbox.url}/__control/faults`, { method: "POST", body: JSON.stringify({ drop: true }) });
    await expect(postToken(t.sandbox.tokenEndpoint, form)).rejects.toThrow();
    await fetch(`${t.sandbox.url}/__control/faults`, {
      method: "POST",
      body: JSON.stringify({ status: 500, count: 5 }),
    });
    await fetch(`${t.sandbox.url}/__control/faults`, { method: "DELETE" });
    expect((await postToken(t.sandbox.tokenEndpoint, form)).status).toBe(400);
  });

  it("refuses malformed control requests", async () => {
    for (const [path, body] of [
      ["faults", "{not json"],
      ["faults", JSON.stringify({ status: 200 })],
      ["clients", JSON.stringify({ clientId: "x" })],
    ] as const) {
      const res = await fetch(`${t.sandbox.url}/__control/${path}`, { method: "POST", body });
      expect(res.status).toBe(400);
    }
  });

  it("records rejections with their code", async () => {
    await createMaskinportenClient(t.config({ MASKINPORTEN_CLIENT_ID: "ghost" }), { maxRetries: 0 })
      .getToken({ scopes: [OAR] })
      .catch(() => {});
    expect(t.sandbox.rejections().at(-1)).toMatchObject({ status: 400, error: "invalid_grant", mpCode: "MP-100" });
  });
});
