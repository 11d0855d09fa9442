import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_SCOPES } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { startTestSandbox, type TestSandbox } from "@/lib/sandbox/maskinporten/test-fixture";
import { createMaskinportenClient } from "./client";

/** The access token and the private key must never show up where they could be logged. */
describe("redaction", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  const keyBody = () => t.key.privateKeyPem.split("\n")[2]!;

  it("keeps the access token out of JSON, inspect, strings and spreads", async () => {
    const token = await createMaskinportenClient(t.config()).getToken({
      scopes: [SANDBOX_SCOPES.oar],
      systemUserOrg: "310900125",
    });
    const secret = token.accessToken;
    expect(secret.length).toBeGreaterThan(100);
    for (const shown of [
      JSON.stringify(token),
      JSON.stringify({ nested: { token } }),
      inspect(token, { showHidden: true, depth: 10 }),
      inspect({ token }, { depth: 10 }),
      String(token),
      `${token}`,
      JSON.stringify({ ...token }),
      Object.keys(token).join(","),
    ]) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(secret.split(".")[2]!);
    }
    expect(JSON.parse(JSON.stringify(token))).toMatchObject({ accessToken: "[redacted]", scope: SANDBOX_SCOPES.oar });
    expect(Object.keys(token)).not.toContain("accessToken");
  });

  it("keeps the private key out of the config when logged", () => {
    const config = t.config();
    for (const shown of [JSON.stringify(config), inspect(config, { depth: 10, showHidden: true })]) {
      expect(shown).not.toContain(keyBody());
      expect(shown).not.toContain("PRIVATE KEY");
    }
  });

  it("keeps grants, tokens and keys out of errors and diagnostics", async () => {
    const client = createMaskinportenClient(t.config(), { maxRetries: 0 });
    const token = await client.getToken({ scopes: [SANDBOX_SCOPES.amelding] });
    const error = await client.getToken({ scopes: ["not:granted"] }).catch((e: unknown) => e as Error);
    const grant = t.sandbox.grants().at(-1)!;
    for (const shown of [
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      String(error),
      (error as Error).stack ?? "",
      JSON.stringify(client.lastErrors()),
      JSON.stringify(client.cacheEntries()),
      inspect(client.cacheEntries(), { depth: 10 }),
    ]) {
      expect(shown).not.toContain(token.accessToken);
      expect(shown).not.toContain(keyBody());
      expect(shown).not.toContain(String(grant.jti));
    }
  });
});
