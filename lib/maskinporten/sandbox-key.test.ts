import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "@/lib/sandbox/maskinporten/test-fixture";
import { loadMaskinportenConfig } from "./config";
import { ensureSandboxClientKey, readSandboxClientKey, SANDBOX_KEY_FILE, sandboxClientEnv } from "./sandbox-key";

describe("sandbox client key", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("is made on first use, private to the owner, and reused after", async () => {
    const dir = path.join(tmp.dir, "first", ".data");
    expect(await readSandboxClientKey(dir)).toBeNull();
    const key = await ensureSandboxClientKey(dir);
    expect(key.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(key.kid).toMatch(/^sandbox-/);
    expect(key.privateKeyPem).toContain("BEGIN PRIVATE KEY");
    expect(key.publicJwk).toMatchObject({ kty: "RSA", kid: key.kid, alg: "RS256", use: "sig" });
    expect(key.publicJwk).not.toHaveProperty("d");
    expect(statSync(path.join(dir, SANDBOX_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(await ensureSandboxClientKey(dir)).toEqual(key);
  });

  it("gives every concurrent caller the same key", async () => {
    const dir = path.join(tmp.dir, "concurrent");
    const keys = await Promise.all(Array.from({ length: 8 }, () => ensureSandboxClientKey(dir)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
  });

  it("says which file is broken", async () => {
    const dir = path.join(tmp.dir, "broken");
    await ensureSandboxClientKey(dir);
    writeFileSync(path.join(dir, SANDBOX_KEY_FILE), "{}");
    await expect(ensureSandboxClientKey(dir)).rejects.toThrow(
      /maskinporten-sandbox-key\.json is not a valid sandbox key file/,
    );
  });

  it("yields the env a client needs", async () => {
    const key = await ensureSandboxClientKey(path.join(tmp.dir, "env"));
    const config = loadMaskinportenConfig({ APP_MODE: "sandbox", ...sandboxClientEnv(key, "http://127.0.0.1:4101/") });
    expect(config).toMatchObject({
      clientId: key.clientId,
      issuer: "http://127.0.0.1:4101/",
      signingKey: { kid: key.kid },
    });
  });
});
