import { execFileSync } from "node:child_process";
import { createPublicKey, generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { JWK } from "jose";
import { loadMaskinportenConfig, type MaskinportenConfig } from "@/lib/maskinporten/config";
import type { SandboxClientInput } from "./sandbox-client";
import { buildDemoSandboxClient } from "./sandbox-clients";
import { type SandboxMaskinporten, type SandboxMaskinportenOptions, startSandboxMaskinporten } from "./server";

/** Test helpers: keys and certificates are made at test time, never committed. */

export type TestKey = { kid: string; privateKeyPem: string; publicJwk: JWK & { kid: string } };

export function generateTestKey(kid = `test-${randomBytes(4).toString("hex")}`, modulusLength = 2048): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength });
  return {
    kid,
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicJwk: { ...(publicKey.export({ format: "jwk" }) as JWK), kid },
  };
}

export type TestSandbox = {
  sandbox: SandboxMaskinporten;
  clientId: string;
  key: TestKey;
  /** MASKINPORTEN_* variables for the registered demo client. */
  env: Record<string, string>;
  config(overrides?: Record<string, string | undefined>): MaskinportenConfig;
  close(): Promise<void>;
};

export const TEST_ORGNRS = ["310900125", "310900230"];

export async function startTestSandbox(
  options: Partial<Omit<SandboxMaskinportenOptions, "clients">> & {
    client?: Partial<SandboxClientInput & object>;
    extraClients?: SandboxClientInput[];
  } = {},
): Promise<TestSandbox> {
  const key = generateTestKey();
  const clientId = randomUUID();
  const demo = buildDemoSandboxClient({ clientId, publicJwk: key.publicJwk, orgnrs: TEST_ORGNRS });
  const { client, extraClients, ...serverOptions } = options;
  const sandbox = await startSandboxMaskinporten({
    ...serverOptions,
    port: 0,
    clients: [{ ...demo, ...client }, ...(extraClients ?? [])],
  });
  const env = {
    APP_MODE: "sandbox",
    MASKINPORTEN_ISSUER: sandbox.issuer,
    MASKINPORTEN_CLIENT_ID: clientId,
    MASKINPORTEN_KID: key.kid,
    MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
  };
  return {
    sandbox,
    clientId,
    key,
    env,
    config: (overrides = {}) => loadMaskinportenConfig({ ...env, ...overrides }),
    close: () => sandbox.close(),
  };
}

export type TestCertificates = {
  dir: string;
  caPem: string;
  leafPem: string;
  leafKeyPem: string;
  leafPublicJwk: JWK;
  /** Leaf then CA, as MASKINPORTEN_CERTIFICATE_CHAIN_FILE expects. */
  chainFile: string;
  keyFile: string;
  cleanup(): void;
};

/** A CA and a leaf certificate signed by it, made with the openssl CLI in a temp folder. */
export function createTestCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mp-certs-"));
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "2",
    "-subj",
    "/CN=Test CA",
  );
  openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "leaf.key",
    "-out",
    "leaf.csr",
    "-subj",
    "/O=Test AS/CN=Test virksomhet/serialNumber=310900400",
  );
  openssl(
    "x509",
    "-req",
    "-in",
    "leaf.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "leaf.pem",
    "-days",
    "2",
  );
  const caPem = readFileSync(f("ca.pem"), "utf8");
  const leafPem = readFileSync(f("leaf.pem"), "utf8");
  const leafKeyPem = readFileSync(f("leaf.key"), "utf8");
  writeFileSync(f("chain.pem"), leafPem + caPem);
  return {
    dir,
    caPem,
    leafPem,
    leafKeyPem,
    leafPublicJwk: { ...(createPublicKey(leafKeyPem).export({ format: "jwk" }) as JWK), kid: "leaf" },
    chainFile: f("chain.pem"),
    keyFile: f("leaf.key"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function tempDir(prefix = "mp-test-"): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Posts a hand-made token request, for grants the client would never build. */
export async function postToken(
  tokenEndpoint: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
