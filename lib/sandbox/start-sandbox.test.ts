import { describe, expect, it } from "vitest";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { ensureSandboxClientKey, sandboxClientEnv } from "@/lib/maskinporten/sandbox-key";
import { defaultSandboxClients, SANDBOX_SCOPES } from "./maskinporten/sandbox-clients";
import { tempDir } from "./maskinporten/test-fixture";
import { verifySandboxAccessToken } from "./maskinporten/verify-access-token";
import { startSandbox } from "./start-sandbox";

describe("startSandbox", () => {
  it("wires the app's sandbox key, the sandbox Maskinporten and the client together", async () => {
    const tmp = tempDir();
    const key = await ensureSandboxClientKey(tmp.dir);
    const sandbox = await startSandbox({ maskinportenPort: 0, clients: await defaultSandboxClients({ key }) });
    try {
      const { issuer } = sandbox.maskinporten;
      const config = loadMaskinportenConfig({ APP_MODE: "sandbox", ...sandboxClientEnv(key, issuer) });
      const token = await createMaskinportenClient(config).getToken({ scopes: [SANDBOX_SCOPES.amelding], systemUserOrg: "310900125" });
      const verified = await verifySandboxAccessToken(token.accessToken, sandbox.maskinporten.jwksUri, {
        issuer,
        requiredScope: SANDBOX_SCOPES.amelding,
      });
      expect(verified).toMatchObject({ ok: true, systemUser: { orgnr: "310900125" } });
    } finally {
      await sandbox.close();
      tmp.cleanup();
    }
    await expect(fetch(`${sandbox.maskinporten.issuer}jwk`)).rejects.toThrow();
  });
});
