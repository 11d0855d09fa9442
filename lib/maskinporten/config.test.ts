import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestCertificates, generateTestKey, tempDir } from "@/lib/sandbox/maskinporten/test-fixture";
import { loadMaskinportenConfig, MASKINPORTEN_ENV_VARIABLES } from "./config";
import { MaskinportenConfigError } from "./errors";

const key = generateTestKey("kid-1");
const base = {
  APP_MODE: "test",
  MASKINPORTEN_CLIENT_ID: "client-1",
  MASKINPORTEN_KID: "kid-1",
  MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
};
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function configError(env: Record<string, string | undefined>): MaskinportenConfigError {
  try {
    loadMaskinportenConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(MaskinportenConfigError);
    const error = e as MaskinportenConfigError;
    // The key must never leak into a message shown to users.
    expect(error.message).not.toContain("PRIVATE KEY");
    expect(JSON.stringify(error)).not.toContain(key.privateKeyPem.slice(40, 80));
    return error;
  }
  throw new Error("expected a configuration error");
}

describe("loadMaskinportenConfig", () => {
  it("uses the published issuers and defaults in test and production mode", () => {
    const test = loadMaskinportenConfig(base);
    expect(test).toMatchObject({
      mode: "test",
      issuer: "https://test.maskinporten.no/",
      clientId: "client-1",
      timeoutMs: 10_000,
      refreshMarginSeconds: 30,
      signingKey: { alg: "RS256", kid: "kid-1", keyId: "kid-1" },
    });
    expect(test.tokenUrl).toBeUndefined();
    expect(loadMaskinportenConfig({ ...base, APP_MODE: "production" }).issuer).toBe("https://maskinporten.no/");
  });

  it("defaults APP_MODE to sandbox, where the issuer must be given", () => {
    const error = configError({ ...base, APP_MODE: undefined });
    expect(error.variable).toBe("MASKINPORTEN_ISSUER");
    expect(error.message).toMatch(/^MASKINPORTEN_ISSUER is required in sandbox mode/);
    expect(
      loadMaskinportenConfig({ ...base, APP_MODE: undefined, MASKINPORTEN_ISSUER: "http://127.0.0.1:4101" }).issuer,
    ).toBe("http://127.0.0.1:4101/");
  });

  it("always ends the issuer with a slash", () => {
    expect(loadMaskinportenConfig({ ...base, MASKINPORTEN_ISSUER: "https://test.maskinporten.no" }).issuer).toBe(
      "https://test.maskinporten.no/",
    );
  });

  it("refuses a plain-http issuer outside sandbox mode", () => {
    expect(
      configError({ ...base, APP_MODE: "production", MASKINPORTEN_ISSUER: "http://maskinporten.no/" }).message,
    ).toBe("MASKINPORTEN_ISSUER must use https in production mode.");
  });

  it("names each missing variable", () => {
    expect(configError({ ...base, MASKINPORTEN_CLIENT_ID: undefined }).message).toMatch(
      /^MASKINPORTEN_CLIENT_ID is required/,
    );
    expect(configError({ ...base, MASKINPORTEN_KID: "" }).message).toMatch(/^MASKINPORTEN_KID is required/);
    expect(configError({ ...base, MASKINPORTEN_PRIVATE_KEY: undefined }).message).toMatch(
      /^MASKINPORTEN_PRIVATE_KEY is required/,
    );
  });

  it("names the variable holding an invalid value", () => {
    expect(configError({ ...base, APP_MODE: "prod" }).variable).toBe("APP_MODE");
    expect(configError({ ...base, MASKINPORTEN_ALG: "HS256" }).message).toMatch(/^MASKINPORTEN_ALG is invalid/);
    expect(configError({ ...base, MASKINPORTEN_ISSUER: "not a url" }).message).toMatch(
      /^MASKINPORTEN_ISSUER is invalid/,
    );
    expect(configError({ ...base, MASKINPORTEN_TOKEN_URL: "ftp://x" }).variable).toBe("MASKINPORTEN_TOKEN_URL");
    expect(configError({ ...base, MASKINPORTEN_CONSUMER_ORG: "12345" }).message).toMatch(
      /^MASKINPORTEN_CONSUMER_ORG is invalid: must be a 9-digit organisation number/,
    );
    expect(configError({ ...base, MASKINPORTEN_TIMEOUT_MS: "soon" }).variable).toBe("MASKINPORTEN_TIMEOUT_MS");
    expect(configError({ ...base, MASKINPORTEN_REFRESH_MARGIN_SECONDS: "-1" }).variable).toBe(
      "MASKINPORTEN_REFRESH_MARGIN_SECONDS",
    );
  });

  it("says when the private key is not a PEM private key", () => {
    expect(configError({ ...base, MASKINPORTEN_PRIVATE_KEY: "hunter2" }).message).toBe(
      "MASKINPORTEN_PRIVATE_KEY is not a valid PEM private key (expected PKCS#8 or PKCS#1 RSA, unencrypted).",
    );
    const garbled = key.privateKeyPem.replace(/[A-Za-z]{20}/, "x");
    expect(configError({ ...base, MASKINPORTEN_PRIVATE_KEY: garbled }).message).toMatch(/not a valid PEM private key/);
  });

  it("refuses non-RSA and short keys", () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString();
    expect(configError({ ...base, MASKINPORTEN_PRIVATE_KEY: ec }).message).toMatch(
      /^MASKINPORTEN_PRIVATE_KEY is not an RSA key \(ec\)/,
    );
    const short = generateTestKey("k", 1024).privateKeyPem;
    expect(configError({ ...base, MASKINPORTEN_PRIVATE_KEY: short }).message).toMatch(/shorter than 2048 bits/);
  });

  it("accepts PKCS#1 keys and literal \\n escapes", () => {
    const pkcs1 = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ format: "pem", type: "pkcs1" })
      .toString();
    expect(pkcs1).toContain("BEGIN RSA PRIVATE KEY");
    expect(
      loadMaskinportenConfig({ ...base, MASKINPORTEN_PRIVATE_KEY: pkcs1 }).signingKey.privateKey.asymmetricKeyType,
    ).toBe("rsa");
    const oneLine = key.privateKeyPem.trim().replace(/\n/g, "\\n");
    expect(oneLine).not.toContain("\n");
    expect(loadMaskinportenConfig({ ...base, MASKINPORTEN_PRIVATE_KEY: oneLine }).signingKey.kid).toBe("kid-1");
  });

  it("reads the key from MASKINPORTEN_PRIVATE_KEY_FILE, and names that variable when it fails", () => {
    const file = path.join(tmp.dir, "key.pem");
    writeFileSync(file, key.privateKeyPem);
    const env = { ...base, MASKINPORTEN_PRIVATE_KEY: undefined, MASKINPORTEN_PRIVATE_KEY_FILE: file };
    expect(loadMaskinportenConfig(env).signingKey.privateKey.type).toBe("private");
    expect(configError({ ...env, MASKINPORTEN_PRIVATE_KEY_FILE: path.join(tmp.dir, "missing.pem") }).message).toMatch(
      /^MASKINPORTEN_PRIVATE_KEY_FILE points to a file that cannot be read \(.*ENOENT\)/,
    );
    writeFileSync(path.join(tmp.dir, "bad.pem"), "nope");
    expect(configError({ ...env, MASKINPORTEN_PRIVATE_KEY_FILE: path.join(tmp.dir, "bad.pem") }).message).toMatch(
      /^MASKINPORTEN_PRIVATE_KEY_FILE is not a valid PEM private key/,
    );
    expect(configError({ ...env, MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem }).message).toMatch(/both set/);
  });

  it("reads optional claims, timeout and refresh margin", () => {
    const config = loadMaskinportenConfig({
      ...base,
      MASKINPORTEN_RESOURCE: " https://a.example/ , https://b.example/,",
      MASKINPORTEN_CONSUMER_ORG: "310900125",
      MASKINPORTEN_TIMEOUT_MS: "2500",
      MASKINPORTEN_REFRESH_MARGIN_SECONDS: "0",
      MASKINPORTEN_ALG: "RS512",
      MASKINPORTEN_TOKEN_URL: "https://proxy.example/token",
    });
    expect(config).toMatchObject({
      resource: ["https://a.example/", "https://b.example/"],
      consumerOrg: "310900125",
      timeoutMs: 2500,
      refreshMarginSeconds: 0,
      tokenUrl: "https://proxy.example/token",
      signingKey: { alg: "RS512" },
    });
  });

  it("treats empty strings as unset", () => {
    const config = loadMaskinportenConfig({
      ...base,
      MASKINPORTEN_RESOURCE: "",
      MASKINPORTEN_TOKEN_URL: "",
      MASKINPORTEN_ALG: "",
    });
    expect(config.resource).toBeUndefined();
    expect(config.tokenUrl).toBeUndefined();
    expect(config.signingKey.alg).toBe("RS256");
  });

  describe("certificate chain", () => {
    const certs = createTestCertificates();
    afterAll(() => certs.cleanup());
    const env = {
      ...base,
      MASKINPORTEN_KID: undefined,
      MASKINPORTEN_PRIVATE_KEY: certs.leafKeyPem,
      MASKINPORTEN_CERTIFICATE_CHAIN_FILE: certs.chainFile,
    };

    it("turns the PEM chain into x5c (base64 DER, leaf first) and needs no kid", () => {
      const { signingKey } = loadMaskinportenConfig(env);
      expect(signingKey.kid).toBeUndefined();
      expect(signingKey.x5c).toHaveLength(2);
      const der = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, "");
      expect(signingKey.x5c).toEqual([der(certs.leafPem), der(certs.caPem)]);
      expect(signingKey.keyId).toMatch(/^x5t#S256:[\w-]{43}$/);
      expect(signingKey.certificate?.subject).toContain("Test virksomhet");
    });

    it("refuses a chain whose first certificate does not belong to the key", () => {
      const error = configError({ ...env, MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem });
      expect(error.variable).toBe("MASKINPORTEN_CERTIFICATE_CHAIN_FILE");
      expect(error.message).toMatch(/does not match MASKINPORTEN_PRIVATE_KEY/);
    });

    it("refuses a file without certificates", () => {
      const file = path.join(tmp.dir, "empty.pem");
      writeFileSync(file, "nothing here");
      expect(configError({ ...env, MASKINPORTEN_CERTIFICATE_CHAIN_FILE: file }).message).toMatch(
        /^MASKINPORTEN_CERTIFICATE_CHAIN_FILE contains no PEM certificate/,
      );
    });
  });

  it("documents every variable it reads", () => {
    const names = MASKINPORTEN_ENV_VARIABLES.map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining(Object.keys({ ...base, MASKINPORTEN_ISSUER: "", MASKINPORTEN_TOKEN_URL: "" })),
    );
    expect(names).toHaveLength(13);
    for (const v of MASKINPORTEN_ENV_VARIABLES) expect(v.description.length).toBeGreaterThan(10);
  });
});
