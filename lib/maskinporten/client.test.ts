import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoSandboxClient, SANDBOX_SCOPES } from "@/lib/sandbox/maskinporten/sandbox-clients";
import {
  generateTestKey,
  startTestSandbox,
  TEST_ORGNRS,
  type TestSandbox,
} from "@/lib/sandbox/maskinporten/test-fixture";
import { createMaskinportenClient } from "./client";
import { MaskinportenError } from "./errors";
import { TokenCache } from "./token-cache";

const OAR = SANDBOX_SCOPES.oar;
const AMELDING = SANDBOX_SCOPES.amelding;
const ORG = "310900125";

async function failure(promise: Promise<unknown>): Promise<MaskinportenError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the request to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MaskinportenError);
  return error as MaskinportenError;
}

describe("Maskinporten client", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  const client = (opts: Parameters<typeof createMaskinportenClient>[1] = {}, env = {}) =>
    createMaskinportenClient(t.config(env), { retryBaseMs: 1, ...opts });
  const grants = () => t.sandbox.grantCount({ clientId: t.clientId });

  it("gets a token: expiry, scope and decoded claims", async () => {
    const started = Date.now();
    const token = await client().getToken({ scopes: [OAR], systemUserOrg: ORG });
    expect(token.accessToken.split(".")).toHaveLength(3);
    expect(token.scope).toBe(OAR);
    expect(token.fromCache).toBe(false);
    expect(token.expiresAt.getTime()).toBeGreaterThanOrEqual(started + 120_000);
    expect(token.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 120_000);
    expect(token.claims).toMatchObject({
      iss: t.sandbox.issuer,
      client_id: t.clientId,
      scope: OAR,
      authorization_details: [{ type: "urn:altinn:systemuser", systemuser_org: { ID: `0192:${ORG}` } }],
    });
  });

  describe("cache", () => {
    it("reuses a token per client, key, scopes and system-user org", async () => {
      const c = client();
      const before = grants();
      const first = await c.getToken({ scopes: [OAR, AMELDING], systemUserOrg: ORG });
      const again = await c.getToken({ scopes: [AMELDING, OAR], systemUserOrg: ORG });
      expect(again.fromCache).toBe(true);
      expect(again.accessToken).toBe(first.accessToken);
      expect(grants()).toBe(before + 1);

      await c.getToken({ scopes: [OAR, AMELDING], systemUserOrg: "310900230" });
      await c.getToken({ scopes: [OAR], systemUserOrg: ORG });
      await c.getToken({ scopes: [OAR, AMELDING] });
      await c.getToken({ scopes: ["digdir:dialogporten"], systemUserOrg: ORG });
      await c.getToken({ scopes: ["digdir:dialogporten"], systemUserOrg: ORG, resource: ["https://api.example/"] });
      expect(grants()).toBe(before + 6);
    });

    it("lists cache entries for diagnostics without the token", async () => {
      const c = client();
      const token = await c.getToken({ scopes: [OAR], systemUserOrg: ORG });
      const entries = c.cacheEntries();
      expect(entries).toEqual([
        {
          clientId: t.clientId,
          keyId: t.key.kid,
          scopes: [OAR],
          systemUserOrg: ORG,
          resource: null,
          obtainedAt: expect.any(Date),
          expiresAt: token.expiresAt,
          claims: token.claims,
        },
      ]);
      expect(JSON.stringify(entries)).not.toContain(token.accessToken);
      c.clear();
      expect(c.cacheEntries()).toEqual([]);
      expect((await c.getToken({ scopes: [OAR], systemUserOrg: ORG })).fromCache).toBe(false);
    });

    it("refreshes the margin before expiry (fake clock)", async () => {
      const short = await startTestSandbox({ tokenLifetimeSeconds: 4 });
      try {
        let offset = 0;
        const c = createMaskinportenClient(short.config({ MASKINPORTEN_REFRESH_MARGIN_SECONDS: "1" }), {
          now: () => Date.now() + offset,
        });
        const first = await c.getToken({ scopes: [OAR] });
        expect(first.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(4000);
        offset = 2500; // 1.5 s left: outside the margin
        expect((await c.getToken({ scopes: [OAR] })).fromCache).toBe(true);
        offset = 3100; // 0.9 s left: inside the 1 s margin
        const refreshed = await c.getToken({ scopes: [OAR] });
        expect(refreshed.fromCache).toBe(false);
        expect(refreshed.accessToken).not.toBe(first.accessToken);
        expect(refreshed.expiresAt.getTime()).toBeGreaterThan(first.expiresAt.getTime());
        expect(short.sandbox.grantCount()).toBe(2);
      } finally {
        await short.close();
      }
    });

    it("refreshes an expired token (short real wait)", async () => {
      const short = await startTestSandbox({ tokenLifetimeSeconds: 1 });
      try {
        const c = createMaskinportenClient(short.config({ MASKINPORTEN_REFRESH_MARGIN_SECONDS: "0" }));
        await c.getToken({ scopes: [OAR] });
        await new Promise((r) => setTimeout(r, 1100));
        expect((await c.getToken({ scopes: [OAR] })).fromCache).toBe(false);
        expect(short.sandbox.grantCount()).toBe(2);
      } finally {
        await short.close();
      }
    });

    it("does not serve a rotated key the old key's tokens", async () => {
      const newKey = generateTestKey("rotated-kid");
      const demo = buildDemoSandboxClient({ clientId: t.clientId, publicJwk: t.key.publicJwk, orgnrs: TEST_ORGNRS });
      t.sandbox.registerClient({ ...demo, jwks: [t.key.publicJwk, newKey.publicJwk] });
      const cache = new TokenCache();
      const oldClient = createMaskinportenClient(t.config(), { cache });
      const newClient = createMaskinportenClient(
        t.config({ MASKINPORTEN_KID: newKey.kid, MASKINPORTEN_PRIVATE_KEY: newKey.privateKeyPem }),
        { cache },
      );
      const before = grants();
      const old = await oldClient.getToken({ scopes: [OAR], systemUserOrg: ORG });
      const rotated = await newClient.getToken({ scopes: [OAR], systemUserOrg: ORG });
      expect(rotated.fromCache).toBe(false);
      expect(rotated.accessToken).not.toBe(old.accessToken);
      expect(t.sandbox.grants().at(-1)!.header.kid).toBe("rotated-kid");
      expect((await newClient.getToken({ scopes: [OAR], systemUserOrg: ORG })).fromCache).toBe(true);
      expect(grants()).toBe(before + 2);
      expect(
        newClient
          .cacheEntries()
          .map((e) => e.keyId)
          .sort(),
      ).toEqual([t.key.kid, "rotated-kid"].sort());
    });
  });

  describe("single flight", () => {
    it("makes one grant for 100 concurrent callers", async () => {
      const c = client();
      const before = grants();
      const tokens = await Promise.all(
        Array.from({ length: 100 }, () => c.getToken({ scopes: [AMELDING], systemUserOrg: ORG })),
      );
      expect(grants()).toBe(before + 1);
      expect(new Set(tokens.map((x) => x.accessToken)).size).toBe(1);
    });

    it("shares a failure with every waiting caller, and does not cache it", async () => {
      const c = client({ maxRetries: 0 });
      t.sandbox.injectFaults({ status: 503 });
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => c.getToken({ scopes: [OAR] })));
      expect(results.every((r) => r.status === "rejected")).toBe(true);
      const before = grants();
      const token = await c.getToken({ scopes: [OAR] });
      expect(token.fromCache).toBe(false);
      expect(grants()).toBe(before + 1);
    });
  });

  describe("failures and retries", () => {
    it("retries 5xx with backoff, then succeeds", async () => {
      const before = grants();
      t.sandbox.injectFaults({ status: 500, count: 2 });
      const token = await client({ maxRetries: 2 }).getToken({ scopes: [OAR], systemUserOrg: ORG });
      expect(token.fromCache).toBe(false);
      expect(grants()).toBe(before + 1);
    });

    it("retries a dropped connection, then succeeds", async () => {
      t.sandbox.injectFaults({ drop: true, count: 1 });
      const token = await client({ maxRetries: 1 }).getToken({ scopes: [OAR] });
      expect(token.accessToken).toBeTruthy();
    });

    it("retries a timeout, then succeeds", async () => {
      t.sandbox.injectFaults({ delayMs: 1500, count: 1 });
      const token = await client({ maxRetries: 1 }, { MASKINPORTEN_TIMEOUT_MS: "300" }).getToken({
        scopes: [AMELDING],
      });
      expect(token.accessToken).toBeTruthy();
    });

    it("gives up after maxRetries with a server error", async () => {
      t.sandbox.injectFaults({ status: 502, count: 3 });
      const c = client({ maxRetries: 2 });
      const error = await failure(c.getToken({ scopes: [OAR], systemUserOrg: "310900230" }));
      expect(error).toMatchObject({ kind: "server", httpStatus: 502, transient: true });
      expect(c.lastErrors()).toEqual([
        expect.objectContaining({
          scopes: [OAR],
          systemUserOrg: "310900230",
          errors: [expect.objectContaining({ kind: "server" })],
        }),
      ]);
    });

    it("reports a timeout as a network error when retries run out", async () => {
      t.sandbox.injectFaults({ delayMs: 1000, count: 1 });
      const error = await failure(
        client({ maxRetries: 0 }, { MASKINPORTEN_TIMEOUT_MS: "200" }).getToken({ scopes: [OAR] }),
      );
      expect(error.kind).toBe("network");
      expect(error.explanation).toMatch(/did not answer within 200 ms/);
    });

    it("does not retry a 4xx", async () => {
      const rejectionsBefore = t.sandbox.rejections().length;
      const c = client({ maxRetries: 3 });
      const error = await failure(c.getToken({ scopes: ["skatteetaten:not-granted"] }));
      expect(error).toMatchObject({ kind: "grant_rejected", httpStatus: 400, mpCode: "MP-200", transient: false });
      expect(t.sandbox.rejections().length).toBe(rejectionsBefore + 1);
      expect(c.lastErrors()[0]!.errors[0]).toMatchObject({ mpCode: "MP-200", reason: "invalid_scope" });
    });

    it("reports an unreachable Maskinporten as a network error", async () => {
      const closed = await startTestSandbox();
      await closed.close();
      const c = createMaskinportenClient(closed.config(), { maxRetries: 1, retryBaseMs: 1 });
      const error = await failure(c.getToken({ scopes: [OAR] }));
      expect(error.kind).toBe("network");
      expect(error.explanation).toContain(closed.sandbox.issuer);
    });

    it("rejects bad requests before calling Maskinporten", async () => {
      const c = client();
      expect((await failure(c.getToken({ scopes: [] }))).kind).toBe("config");
      expect((await failure(c.getToken({ scopes: [OAR], systemUserOrg: "12" }))).kind).toBe("config");
    });
  });

  describe("token endpoint", () => {
    it("is discovered from the issuer's metadata", async () => {
      expect(await client().tokenEndpoint()).toEqual({ url: `${t.sandbox.issuer}token`, source: "discovered" });
    });

    it("falls back to <issuer>token when there is no metadata", async () => {
      const bare = await startTestSandbox({ metadata: false });
      try {
        const c = createMaskinportenClient(bare.config());
        expect(await c.getToken({ scopes: [OAR] })).toBeTruthy();
        expect(await c.tokenEndpoint()).toEqual({ url: `${bare.sandbox.issuer}token`, source: "fallback" });
      } finally {
        await bare.close();
      }
    });

    it("uses MASKINPORTEN_TOKEN_URL as given", async () => {
      const c = client({}, { MASKINPORTEN_TOKEN_URL: t.sandbox.tokenEndpoint });
      expect(await c.tokenEndpoint()).toEqual({ url: t.sandbox.tokenEndpoint, source: "configured" });
      expect((await c.getToken({ scopes: [OAR] })).accessToken).toBeTruthy();
    });

    it("reports an endpoint that is not Maskinporten as a bad response", async () => {
      const other = createServer((_req, res) => {
        res.writeHead(404, { "content-type": "text/html" });
        res.end("<h1>Not found</h1>");
      });
      await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
      try {
        const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/token`;
        const error = await failure(client({}, { MASKINPORTEN_TOKEN_URL: url }).getToken({ scopes: [OAR] }));
        expect(error).toMatchObject({ kind: "bad_response", httpStatus: 404 });
      } finally {
        other.closeAllConnections();
        await new Promise((r) => other.close(r));
      }
    });
  });
});
