import { createPrivateKey, randomUUID } from "node:crypto";
import { type JWTHeaderParameters, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_SCOPES } from "@/lib/sandbox/maskinporten/sandbox-clients";
import {
  createTestCertificates,
  generateTestKey,
  postToken,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/sandbox/maskinporten/test-fixture";
import { createMaskinportenClient, JWT_BEARER_GRANT_TYPE } from "./client";
import type { MaskinportenErrorReason } from "./error-codes";
import { grantRejectedError, MaskinportenError } from "./errors";
import type { TokenRequest } from "./grant";

const OAR = SANDBOX_SCOPES.oar;

/**
 * Each rejection Maskinporten documents, provoked in the sandbox Maskinporten — through the
 * client where a misconfiguration causes it, by hand-made grants where the client never would —
 * and decoded into its explanation.
 */
describe("rejections decoded", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  async function clientError(
    env: Record<string, string | undefined>,
    request: TokenRequest = { scopes: [OAR] },
    now?: () => number,
  ) {
    const error = await createMaskinportenClient(t.config(env), { maxRetries: 0, now })
      .getToken(request)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(MaskinportenError);
    return error as MaskinportenError;
  }

  type GrantParts = {
    header?: Partial<JWTHeaderParameters>;
    claims?: Record<string, unknown>;
    omit?: string[];
    key?: string;
  };

  /** A grant built by hand, valid unless the test says otherwise. */
  async function craftedGrant(parts: GrantParts = {}): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      aud: t.sandbox.issuer,
      iss: t.clientId,
      scope: OAR,
      iat,
      exp: iat + 60,
      jti: randomUUID(),
      ...parts.claims,
    };
    for (const name of parts.omit ?? []) delete claims[name];
    const header = { alg: "RS256", kid: t.key.kid, ...parts.header } as JWTHeaderParameters;
    if (header.kid === undefined) delete header.kid;
    return new SignJWT(claims).setProtectedHeader(header).sign(createPrivateKey(parts.key ?? t.key.privateKeyPem));
  }

  async function send(assertion: string, grantType = JWT_BEARER_GRANT_TYPE) {
    const { status, body } = await postToken(t.sandbox.tokenEndpoint, { grant_type: grantType, assertion });
    expect(status).toBe(400);
    return grantRejectedError(status, body);
  }

  function expectDecoded(error: MaskinportenError, reason: MaskinportenErrorReason, mpCode?: string) {
    expect(error.kind).toBe("grant_rejected");
    expect(error.reason).toBe(reason);
    expect(error.mpCode).toBe(mpCode);
    if (mpCode) expect(error.errorDescription).toContain(`(${mpCode})`);
    expect(error.explanation.length).toBeGreaterThan(20);
    expect(error.hint.length).toBeGreaterThan(20);
  }

  it("sanity: the crafted grant is accepted as is", async () => {
    const { status } = await postToken(t.sandbox.tokenEndpoint, {
      grant_type: JWT_BEARER_GRANT_TYPE,
      assertion: await craftedGrant(),
    });
    expect(status).toBe(200);
  });

  describe("caused by configuration, through the client", () => {
    it("MP-100 unknown client", async () => {
      const e = await clientError({ MASKINPORTEN_CLIENT_ID: "no-such-client" });
      expectDecoded(e, "unknown_client", "MP-100");
      expect(e.explanation).toMatch(/does not know this client id/);
    });

    it("MP-110 wrong aud: an issuer that is not this Maskinporten's", async () => {
      const e = await clientError({
        MASKINPORTEN_ISSUER: "https://test.maskinporten.no/",
        MASKINPORTEN_TOKEN_URL: t.sandbox.tokenEndpoint,
      });
      expectDecoded(e, "wrong_audience", "MP-110");
      expect(e.hint).toMatch(/trailing slash/);
    });

    it("MP-124 bad signature: a key that is not the registered one", async () => {
      const e = await clientError({ MASKINPORTEN_PRIVATE_KEY: generateTestKey().privateKeyPem });
      expectDecoded(e, "bad_signature", "MP-124");
    });

    it("unknown kid", async () => {
      const e = await clientError({ MASKINPORTEN_KID: "not-registered" });
      expectDecoded(e, "unknown_kid");
      expect(e.hint).toMatch(/MASKINPORTEN_KID/);
    });

    it("MP-121 expired key", async () => {
      const old = generateTestKey("old-key");
      t.sandbox.registerClient({
        clientId: "client-with-expired-key",
        jwks: [{ ...old.publicJwk, exp: Math.floor(Date.now() / 1000) - 1 }],
        allowedScopes: [OAR],
        consumerOrgnr: "310900400",
      });
      const e = await clientError({
        MASKINPORTEN_CLIENT_ID: "client-with-expired-key",
        MASKINPORTEN_KID: old.kid,
        MASKINPORTEN_PRIVATE_KEY: old.privateKeyPem,
      });
      expectDecoded(e, "expired_key", "MP-121");
      expect(e.explanation).toMatch(/one year/);
    });

    it("MP-200 scope not granted to the client", async () => {
      const e = await clientError({}, { scopes: ["skatteetaten:somethingelse"] });
      expectDecoded(e, "invalid_scope", "MP-200");
      expect(e.error).toBe("invalid_scope");
      expect(e.errorDescription).toContain("skatteetaten:somethingelse");
    });

    it("MP-303 an organisation without a system user (e.g. the accountant's client)", async () => {
      const e = await clientError({}, { scopes: [OAR], systemUserOrg: "999888777" });
      expectDecoded(e, "authorization_details_values", "MP-303");
      expect(e.errorDescription).toContain("999888777");
      expect(e.hint).toMatch(/owns/);
    });

    it("MP-130 a clock that is behind: the grant is already expired", async () => {
      const e = await clientError({}, undefined, () => Date.now() - 5 * 60_000);
      expectDecoded(e, "expired_grant", "MP-130");
      expect(e.hint).toMatch(/clock/);
    });

    it("MP-130 a clock that is ahead: issued in the future", async () => {
      const e = await clientError({}, undefined, () => Date.now() + 60_000);
      expectDecoded(e, "expired_grant", "MP-130");
      expect(e.errorDescription).toMatch(/Issue time is after now/);
    });

    it("invalid consumer_org: the client's own organisation", async () => {
      const e = await clientError({ MASKINPORTEN_CONSUMER_ORG: "310900400" });
      expectDecoded(e, "invalid_consumer_org");
    });
  });

  describe("hand-made grants", () => {
    it("MP-110 the token URL as aud", async () => {
      expectDecoded(
        await send(await craftedGrant({ claims: { aud: t.sandbox.tokenEndpoint } })),
        "wrong_audience",
        "MP-110",
      );
    });

    it("MP-110 the issuer without its trailing slash", async () => {
      expectDecoded(await send(await craftedGrant({ claims: { aud: t.sandbox.url } })), "wrong_audience", "MP-110");
    });

    it("MP-110 aud as an array", async () => {
      expectDecoded(
        await send(await craftedGrant({ claims: { aud: [t.sandbox.issuer] } })),
        "wrong_audience",
        "MP-110",
      );
    });

    it("MP-012 a grant used twice", async () => {
      const grant = await craftedGrant();
      expect(
        (await postToken(t.sandbox.tokenEndpoint, { grant_type: JWT_BEARER_GRANT_TYPE, assertion: grant })).status,
      ).toBe(200);
      const e = await send(grant);
      expectDecoded(e, "reused_grant", "MP-012");
      expect(e.explanation).toMatch(/jti/);
    });

    it("MP-130 an expired grant", async () => {
      const iat = Math.floor(Date.now() / 1000) - 200;
      expectDecoded(await send(await craftedGrant({ claims: { iat, exp: iat + 100 } })), "expired_grant", "MP-130");
    });

    it("MP-130 a grant living longer than 120 s", async () => {
      const iat = Math.floor(Date.now() / 1000);
      const e = await send(await craftedGrant({ claims: { iat, exp: iat + 121 } }));
      expectDecoded(e, "expired_grant", "MP-130");
      expect(e.errorDescription).toMatch(/121 s/);
    });

    it("MP-130 iat more than 10 s in the past", async () => {
      const iat = Math.floor(Date.now() / 1000) - 30;
      expectDecoded(await send(await craftedGrant({ claims: { iat, exp: iat + 60 } })), "expired_grant", "MP-130");
    });

    it("MP-124 a signature by another key under the registered kid", async () => {
      expectDecoded(
        await send(await craftedGrant({ key: generateTestKey().privateKeyPem })),
        "bad_signature",
        "MP-124",
      );
    });

    it("MP-100 unknown client", async () => {
      expectDecoded(await send(await craftedGrant({ claims: { iss: "nobody" } })), "unknown_client", "MP-100");
    });

    it("no kid and no x5c", async () => {
      expectDecoded(await send(await craftedGrant({ header: { kid: undefined } })), "missing_kid");
    });

    it("an algorithm other than RS256/384/512", async () => {
      expectDecoded(await send(await craftedGrant({ header: { alg: "PS256" } })), "unsupported_algorithm");
    });

    it("an undocumented claim", async () => {
      const e = await send(await craftedGrant({ claims: { sub: "someone", client_id: "x" } }));
      expectDecoded(e, "undocumented_claim");
      expect(e.errorDescription).toMatch(/Invalid assertion/);
      expect(e.errorDescription).toMatch(/sub, client_id/);
    });

    it("consumer_org together with iss_onbehalfof", async () => {
      const e = await send(await craftedGrant({ claims: { consumer_org: "310900125", iss_onbehalfof: "x" } }));
      expectDecoded(e, "invalid_consumer_org");
    });

    it("a missing scope or jti", async () => {
      expectDecoded(await send(await craftedGrant({ omit: ["scope"] })), "invalid_assertion");
      expectDecoded(await send(await craftedGrant({ omit: ["jti"] })), "invalid_assertion");
    });

    const systemUser = (detail: Record<string, unknown>) => ({
      authorization_details: [
        {
          type: "urn:altinn:systemuser",
          systemuser_org: { authority: "iso6523-actorid-upis", ID: "0192:310900125" },
          ...detail,
        },
      ],
    });

    it("MP-301 an unknown authorization_details type", async () => {
      expectDecoded(
        await send(await craftedGrant({ claims: systemUser({ type: "urn:altinn:other" }) })),
        "authorization_details_type",
        "MP-301",
      );
    });

    it("MP-302 unknown fields in authorization_details", async () => {
      const e = await send(await craftedGrant({ claims: systemUser({ systemuser_id: "x" }) }));
      expectDecoded(e, "authorization_details_fields", "MP-302");
      expect(e.errorDescription).toContain("systemuser_id");
    });

    it("MP-303 malformed authorization_details values", async () => {
      const wrongAuthority = systemUser({ systemuser_org: { authority: "other", ID: "0192:310900125" } });
      expectDecoded(
        await send(await craftedGrant({ claims: wrongAuthority })),
        "authorization_details_values",
        "MP-303",
      );
      const wrongId = systemUser({ systemuser_org: { authority: "iso6523-actorid-upis", ID: "310900125" } });
      expectDecoded(await send(await craftedGrant({ claims: wrongId })), "authorization_details_values", "MP-303");
      const two = {
        authorization_details: [systemUser({}).authorization_details[0], systemUser({}).authorization_details[0]],
      };
      expectDecoded(await send(await craftedGrant({ claims: two })), "authorization_details_values", "MP-303");
      expectDecoded(
        await send(await craftedGrant({ claims: { authorization_details: {} } })),
        "authorization_details_values",
        "MP-303",
      );
    });

    it("MP-011 an assertion that is not a JWT", async () => {
      const e = await send("not-a-jwt");
      expectDecoded(e, "invalid_parameter", "MP-011");
      expect(e.error).toBe("invalid_request");
    });

    it("MP-123 x5c that is not an array", async () => {
      const certs = createTestCertificates();
      try {
        const der = certs.leafPem.replace(/-----[^-]+-----|\s/g, "");
        const e = await send(
          await craftedGrant({ header: { kid: undefined, x5c: der as unknown as string[] }, key: certs.leafKeyPem }),
        );
        expectDecoded(e, "invalid_x5c_header", "MP-123");
        const untrusted = await send(
          await craftedGrant({ header: { kid: undefined, x5c: [der] }, key: certs.leafKeyPem }),
        );
        expectDecoded(untrusted, "invalid_certificate", "MP-120");
      } finally {
        certs.cleanup();
      }
    });

    it("a wrong grant_type or a missing assertion", async () => {
      expectDecoded(await send(await craftedGrant(), "client_credentials"), "unsupported_grant_type");
      const { status, body } = await postToken(t.sandbox.tokenEndpoint, { grant_type: JWT_BEARER_GRANT_TYPE });
      expect(status).toBe(400);
      expectDecoded(grantRejectedError(status, body), "invalid_request");
    });
  });
});
