import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { SANDBOX_SCOPES, sandboxSystemUserId } from "./sandbox-clients";
import { startTestSandbox, type TestSandbox } from "./test-fixture";
import { readBearerToken, verifySandboxAccessToken } from "./verify-access-token";

const OAR = SANDBOX_SCOPES.oar;

describe("verifySandboxAccessToken", () => {
  let t: TestSandbox;
  let other: TestSandbox;
  let systemUserToken: string;
  let plainToken: string;
  beforeAll(async () => {
    [t, other] = await Promise.all([startTestSandbox(), startTestSandbox()]);
    const client = createMaskinportenClient(t.config());
    systemUserToken = (await client.getToken({ scopes: [OAR, SANDBOX_SCOPES.amelding], systemUserOrg: "310900125" }))
      .accessToken;
    plainToken = (await client.getToken({ scopes: [OAR] })).accessToken;
  });
  afterAll(() => Promise.all([t.close(), other.close()]));

  it("accepts a token from the sandbox and reads the system user (keys fetched from /jwk)", async () => {
    const result = await verifySandboxAccessToken(systemUserToken, t.sandbox.jwksUri, {
      issuer: t.sandbox.issuer,
      requiredScope: OAR,
    });
    expect(result).toMatchObject({
      ok: true,
      clientId: t.clientId,
      scopes: [SANDBOX_SCOPES.amelding, OAR],
      consumerOrgnr: "310900400",
      systemUser: {
        systemUserId: sandboxSystemUserId(t.clientId, "310900125"),
        systemId: "310900400_innrapportering",
        orgnr: "310900125",
      },
    });
  });

  it("accepts a local key set too", async () => {
    const result = await verifySandboxAccessToken(systemUserToken, t.sandbox.publicJwks, { issuer: t.sandbox.issuer });
    expect(result.ok).toBe(true);
  });

  it("reports a missing scope", async () => {
    const result = await verifySandboxAccessToken(systemUserToken, t.sandbox.jwksUri, {
      issuer: t.sandbox.issuer,
      requiredScope: SANDBOX_SCOPES.dialogporten,
    });
    expect(result).toMatchObject({ ok: false, reason: "missing_scope" });
  });

  it("reports a token without a system user, unless none is required", async () => {
    const opts = { issuer: t.sandbox.issuer, requiredScope: OAR };
    expect(await verifySandboxAccessToken(plainToken, t.sandbox.jwksUri, opts)).toMatchObject({
      ok: false,
      reason: "missing_systemuser",
    });
    expect(
      await verifySandboxAccessToken(plainToken, t.sandbox.jwksUri, { ...opts, requireSystemUser: false }),
    ).toMatchObject({
      ok: true,
      systemUser: undefined,
    });
  });

  it("reports an expired token", async () => {
    const result = await verifySandboxAccessToken(systemUserToken, t.sandbox.jwksUri, {
      issuer: t.sandbox.issuer,
      now: new Date(Date.now() + 121_000),
    });
    expect(result).toMatchObject({ ok: false, reason: "expired" });
  });

  it("refuses tokens signed by another server, for another issuer, or garbled", async () => {
    const opts = { issuer: t.sandbox.issuer };
    expect(await verifySandboxAccessToken(systemUserToken, other.sandbox.jwksUri, opts)).toMatchObject({
      ok: false,
      reason: "invalid_token",
    });
    expect(
      await verifySandboxAccessToken(systemUserToken, t.sandbox.jwksUri, { issuer: other.sandbox.issuer }),
    ).toMatchObject({
      ok: false,
      reason: "invalid_token",
    });
    expect(await verifySandboxAccessToken("abc.def.ghi", t.sandbox.jwksUri, opts)).toMatchObject({
      ok: false,
      reason: "invalid_token",
    });
    const [h, p, s] = systemUserToken.split(".");
    const tampered = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    expect(await verifySandboxAccessToken(tampered, t.sandbox.jwksUri, opts)).toMatchObject({
      ok: false,
      reason: "invalid_token",
    });
  });

  it("reads bearer tokens from the Authorization header", () => {
    expect(readBearerToken("Bearer abc.def")).toBe("abc.def");
    expect(readBearerToken("bearer   x ")).toBe("x");
    expect(readBearerToken("Basic abc")).toBeUndefined();
    expect(readBearerToken(null)).toBeUndefined();
  });
});
