import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSystemUserRequestClient } from "@/lib/altinn/system-user-request-client";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { ensureSandboxClientKey, sandboxClientEnv } from "@/lib/maskinporten/sandbox-key";
import { defaultSandboxClients, SANDBOX_SCOPES, SANDBOX_SYSTEM_ID } from "./maskinporten/sandbox-clients";
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
      const token = await createMaskinportenClient(config).getToken({
        scopes: [SANDBOX_SCOPES.amelding],
        systemUserOrg: "310900125",
      });
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

  it("a system user a customer accepts in the sandbox Altinn works in its Maskinporten, also after a restart", async () => {
    const tmp = tempDir();
    const key = await ensureSandboxClientKey(tmp.dir);
    const start = async () =>
      startSandbox({
        clients: await defaultSandboxClients({ key }),
        altinnStateFile: path.join(tmp.dir, "sandbox-altinn.json"),
      });
    const orgnr = "310900567";
    const reportingToken = (sandbox: Awaited<ReturnType<typeof start>>) =>
      createMaskinportenClient(
        loadMaskinportenConfig({ APP_MODE: "sandbox", ...sandboxClientEnv(key, sandbox.maskinporten.issuer) }),
      ).getToken({
        scopes: [SANDBOX_SCOPES.oar],
        systemUserOrg: orgnr,
      });
    let sandbox = await start();
    try {
      await expect(reportingToken(sandbox)).rejects.toMatchObject({ mpCode: "MP-303" });
      const tokens = createMaskinportenClient(
        loadMaskinportenConfig({ APP_MODE: "sandbox", ...sandboxClientEnv(key, sandbox.maskinporten.issuer) }),
      );
      const altinn = createSystemUserRequestClient(
        { platformUrl: sandbox.altinn.url, systemId: SANDBOX_SYSTEM_ID },
        tokens,
      );
      const request = await altinn.create({ partyOrgNo: orgnr });
      expect(
        (await fetch(`${sandbox.altinn.url}/__control/system-user-requests/${request.id}/accept`, { method: "POST" }))
          .status,
      ).toBe(200);
      await expect(reportingToken(sandbox)).resolves.toBeDefined();

      await sandbox.close();
      sandbox = await start();
      await expect(reportingToken(sandbox)).resolves.toBeDefined();
    } finally {
      await sandbox.close();
      tmp.cleanup();
    }
  });
});
