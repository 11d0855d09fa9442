import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildDemoSandboxClient,
  DEFAULT_SANDBOX_ORGNRS,
  defaultSandboxClients,
  loadSandboxClientsFile,
  SANDBOX_SCOPES,
  sandboxSystemUserId,
} from "./sandbox-clients";
import { generateTestKey, tempDir } from "./test-fixture";

describe("sandbox clients", () => {
  const key = generateTestKey("demo");
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("builds the demo client with both reporting scopes, Dialogporten, the system-user request API and a system user per org", () => {
    const client = buildDemoSandboxClient({ clientId: "demo-client", publicJwk: key.publicJwk });
    expect(client.allowedScopes).toEqual([
      "skatteetaten:innrapporteringoppdragtilutenlandske",
      "skatteetaten:innrapporteringamelding",
      "digdir:dialogporten",
      "altinn:authentication/systemuser.request.read",
      "altinn:authentication/systemuser.request.write",
    ]);
    expect(client.jwks.map((k) => k.kid)).toEqual(["demo"]);
    expect(client.systemUsers.map((u) => u.orgnr)).toEqual(DEFAULT_SANDBOX_ORGNRS);
    expect(client.systems).toEqual(["310900400_innrapportering"]);
    expect(client.consumerOrgnr).toBe("310900400");
  });

  it("gives stable, distinct system user ids (UUIDs)", () => {
    const a = sandboxSystemUserId("c", "310900125");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sandboxSystemUserId("c", "310900125")).toBe(a);
    expect(sandboxSystemUserId("c", "310900230")).not.toBe(a);
    expect(sandboxSystemUserId("d", "310900125")).not.toBe(a);
  });

  it("loads extra clients from a JSON file, as an array or { clients }", async () => {
    const entry = {
      clientId: "file-client",
      jwks: { keys: [key.publicJwk] },
      allowedScopes: [SANDBOX_SCOPES.oar],
      systemUsers: [{ orgnr: "310900125", systemUserId: "0b9e4f7a-8d0b-4c55-9a1e-2f3a4b5c6d7e", systemId: "x_y" }],
      consumerOrgnr: "310900230",
    };
    const arrayFile = path.join(tmp.dir, "array.json");
    const objectFile = path.join(tmp.dir, "object.json");
    writeFileSync(arrayFile, JSON.stringify([entry]));
    writeFileSync(objectFile, JSON.stringify({ clients: [entry] }));
    for (const file of [arrayFile, objectFile]) {
      const [client] = await loadSandboxClientsFile(file);
      expect(client).toMatchObject({ clientId: "file-client", trustedCertificates: [], jwks: [{ kid: "demo" }] });
    }
    const all = await defaultSandboxClients({
      key: { clientId: "app", publicJwk: key.publicJwk },
      clientsFile: arrayFile,
    });
    expect(all.map((c) => c.clientId)).toEqual(["app", "file-client"]);
  });

  it("names the variable and the problem when the file is wrong", async () => {
    const bad = path.join(tmp.dir, "bad.json");
    writeFileSync(bad, JSON.stringify([{ clientId: "x", allowedScopes: [], consumerOrgnr: "12" }]));
    await expect(loadSandboxClientsFile(bad)).rejects.toThrow(/SANDBOX_MASKINPORTEN_CLIENTS_FILE .* is invalid/);
    await expect(loadSandboxClientsFile(path.join(tmp.dir, "missing.json"))).rejects.toThrow(/cannot be read as JSON/);
  });
});
