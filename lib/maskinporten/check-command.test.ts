import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoSandboxClient, SANDBOX_SCOPES } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { startTestSandbox, type TestSandbox, tempDir } from "@/lib/sandbox/maskinporten/test-fixture";
import { EXIT_OK, EXIT_REJECTED, EXIT_USAGE, runMaskinportenCheck } from "./check-command";
import { ensureSandboxClientKey } from "./sandbox-key";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) },
    out,
    err,
    all: () => [...out, ...err].join("\n"),
  };
}

describe("maskinporten check", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  it("prints the decoded claims, expiry and scope — never the token", async () => {
    const c = capture();
    const code = await runMaskinportenCheck(
      ["check", "--scope", SANDBOX_SCOPES.oar, "--scope", SANDBOX_SCOPES.amelding, "--org", "310900125"],
      t.env,
      c.io,
    );
    expect(code).toBe(EXIT_OK);
    const output = c.all();
    expect(output).toContain("✔ Maskinporten issued an access token");
    expect(output).toContain(`token endpoint:  ${t.sandbox.issuer}token (discovered)`);
    expect(output).toMatch(/expires at: \d{4}-\d\d-\d\dT.*\(in 1[12]\d s\)/);
    expect(output).toContain('"ID": "0192:310900125"');
    expect(output).toContain('"systemuser_id"');
    const grant = t.sandbox.grants().at(-1)!;
    expect(grant.scopes).toEqual([SANDBOX_SCOPES.amelding, SANDBOX_SCOPES.oar]);
    // The token is a JWT: none of its parts — above all the signature — may be printed.
    expect(output).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });

  it("prints the decoded refusal and exits 1", async () => {
    const c = capture();
    const code = await runMaskinportenCheck(
      ["check", "--scope", SANDBOX_SCOPES.oar, "--org", "999888777"],
      t.env,
      c.io,
    );
    expect(code).toBe(EXIT_REJECTED);
    const errors = c.err.join("\n");
    expect(errors).toContain("✖ Maskinporten refused the request (HTTP 400)");
    expect(errors).toMatch(/code: +MP-303 \(invalid_request\)/);
    expect(errors).toMatch(/explanation: .*not the owner of a system user/);
    expect(errors).toMatch(/hint: +Use the orgnr/);
  });

  it("names the misconfigured variable without a stack trace and exits 2", async () => {
    const c = capture();
    const code = await runMaskinportenCheck(
      ["check", "--scope", "x"],
      { ...t.env, MASKINPORTEN_PRIVATE_KEY: "oops" },
      c.io,
    );
    expect(code).toBe(EXIT_USAGE);
    expect(c.err).toEqual([
      "✖ Configuration error: MASKINPORTEN_PRIVATE_KEY is not a valid PEM private key (expected PKCS#8 or PKCS#1 RSA, unencrypted).",
    ]);
    expect(c.all()).not.toMatch(/\n\s+at /);
  });

  it("explains usage errors", async () => {
    for (const argv of [
      [],
      ["check"],
      ["check", "--scope", "x", "--org", "12"],
      ["frobnicate"],
      ["check", "--bogus"],
    ]) {
      const c = capture();
      expect(await runMaskinportenCheck(argv, t.env, c.io)).toBe(EXIT_USAGE);
      expect(c.err.join("\n")).toMatch(/^✖ /);
    }
    const help = capture();
    expect(await runMaskinportenCheck(["--help"], {}, help.io)).toBe(EXIT_OK);
    expect(help.out.join("")).toContain("Usage: npm run maskinporten -- check");
  });

  it("in sandbox mode without a client or a sandbox key, says what to do", async () => {
    const tmp = tempDir();
    try {
      const c = capture();
      expect(await runMaskinportenCheck(["check", "--scope", "x"], { DATA_DIR: tmp.dir }, c.io)).toBe(EXIT_USAGE);
      expect(c.err[0]).toMatch(
        /^✖ Configuration error: MASKINPORTEN_CLIENT_ID is not set and there is no sandbox key in .*start the sandbox first/,
      );
    } finally {
      tmp.cleanup();
    }
  });

  it("in sandbox mode, uses the key in DATA_DIR when no client is configured", async () => {
    const tmp = tempDir();
    try {
      const key = await ensureSandboxClientKey(tmp.dir);
      t.sandbox.registerClient(
        buildDemoSandboxClient({ clientId: key.clientId, publicJwk: key.publicJwk, orgnrs: ["310900346"] }),
      );
      const port = new URL(t.sandbox.issuer).port;
      const c = capture();
      const code = await runMaskinportenCheck(
        ["check", "--scope", SANDBOX_SCOPES.dialogporten, "--org", "310900346"],
        { DATA_DIR: tmp.dir, SANDBOX_MASKINPORTEN_PORT: port },
        c.io,
      );
      expect(c.err).toEqual([]);
      expect(code).toBe(EXIT_OK);
      expect(c.out.join("\n")).toContain(`client id:       ${key.clientId}`);
    } finally {
      tmp.cleanup();
    }
  });
});
