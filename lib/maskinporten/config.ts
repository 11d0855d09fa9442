import "server-only";
import { createHash, createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { resolveEndpoints } from "@/lib/config/endpoints";
import { type AppMode, configSchema, type MaskinportenAlg, pickConfigInput } from "@/lib/config/schema";
import { MaskinportenConfigError } from "./errors";

/** The variables this module reads, for `.env.example` and the diagnostics page. */
export const MASKINPORTEN_ENV_VARIABLES = [
  { name: "APP_MODE", description: "sandbox (default), test (test.maskinporten.no) or production (maskinporten.no)." },
  {
    name: "MASKINPORTEN_ISSUER",
    description: "Issuer, sent as the grant's aud; default per APP_MODE, required in sandbox mode (npm start sets it).",
  },
  {
    name: "MASKINPORTEN_TOKEN_URL",
    description:
      "Token endpoint override; default: token_endpoint from <issuer>.well-known/oauth-authorization-server, else <issuer>token.",
  },
  { name: "MASKINPORTEN_CLIENT_ID", description: "Client id of your Maskinporten integration (the grant's iss)." },
  {
    name: "MASKINPORTEN_KID",
    description: "kid of the public key registered on the client; not needed with a certificate chain.",
  },
  {
    name: "MASKINPORTEN_PRIVATE_KEY",
    description: "RSA private key in PEM (PKCS#8 or PKCS#1); literal \\n escapes allowed.",
  },
  {
    name: "MASKINPORTEN_PRIVATE_KEY_FILE",
    description: "Path to the PEM private key, instead of MASKINPORTEN_PRIVATE_KEY.",
  },
  {
    name: "MASKINPORTEN_CERTIFICATE_CHAIN_FILE",
    description: "Optional virksomhetssertifikat chain (PEM, leaf first), sent as x5c instead of kid.",
  },
  { name: "MASKINPORTEN_ALG", description: "Signing algorithm of the grant: RS256 (default), RS384 or RS512." },
  {
    name: "MASKINPORTEN_RESOURCE",
    description:
      "Optional audience(s), comma-separated (the grant's resource claim), for tokens to APIs other than Skatteetaten's, which expect none.",
  },
  {
    name: "MASKINPORTEN_CONSUMER_ORG",
    description: "Optional orgnr you act for through an Altinn delegation (the grant's consumer_org claim).",
  },
  { name: "MASKINPORTEN_TIMEOUT_MS", description: "Timeout of one token request in milliseconds (default 10000)." },
  {
    name: "MASKINPORTEN_REFRESH_MARGIN_SECONDS",
    description: "Fetch a new token this many seconds before the cached one expires (default 30).",
  },
] as const;

export type MaskinportenEnvVariable = (typeof MASKINPORTEN_ENV_VARIABLES)[number]["name"];

export type { MaskinportenAlg } from "@/lib/config/schema";
export type MaskinportenMode = AppMode;

/** The variables this module reads, with their definitions from the one configuration schema. */
const envSchema = configSchema.pick(
  Object.fromEntries(MASKINPORTEN_ENV_VARIABLES.map((v) => [v.name, true])) as Record<MaskinportenEnvVariable, true>,
);

export type MaskinportenSigningKey = {
  alg: MaskinportenAlg;
  privateKey: KeyObject;
  /** Sent as the header's kid when no certificate chain is configured. */
  kid?: string;
  /** Base64 DER certificates, leaf first, sent as the header's x5c. */
  x5c?: string[];
  /** Identifies the key in cache keys and diagnostics: the kid, or the leaf certificate's thumbprint. */
  keyId: string;
  certificate?: { subject: string; validTo: string; thumbprint: string };
};

export type MaskinportenConfig = {
  mode: MaskinportenMode;
  clientId: string;
  /** Always ends with "/": Maskinporten compares aud with it exactly. */
  issuer: string;
  tokenUrl?: string;
  signingKey: MaskinportenSigningKey;
  resource?: string[];
  consumerOrg?: string;
  timeoutMs: number;
  refreshMarginSeconds: number;
};

export function normaliseIssuer(issuer: string): string {
  return issuer.endsWith("/") ? issuer : `${issuer}/`;
}

function fail(variable: MaskinportenEnvVariable, message: string, hint?: string): never {
  throw new MaskinportenConfigError(variable, `${variable} ${message}`, hint);
}

function readFile(variable: MaskinportenEnvVariable, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unreadable";
    return fail(variable, `points to a file that cannot be read (${file}: ${code}).`);
  }
}

function loadPrivateKey(env: z.infer<typeof envSchema>): { key: KeyObject; variable: MaskinportenEnvVariable } {
  if (env.MASKINPORTEN_PRIVATE_KEY && env.MASKINPORTEN_PRIVATE_KEY_FILE) {
    fail("MASKINPORTEN_PRIVATE_KEY", "and MASKINPORTEN_PRIVATE_KEY_FILE are both set; set only one.");
  }
  const variable = env.MASKINPORTEN_PRIVATE_KEY_FILE ? "MASKINPORTEN_PRIVATE_KEY_FILE" : "MASKINPORTEN_PRIVATE_KEY";
  const raw = env.MASKINPORTEN_PRIVATE_KEY_FILE
    ? readFile(variable, env.MASKINPORTEN_PRIVATE_KEY_FILE)
    : env.MASKINPORTEN_PRIVATE_KEY;
  if (!raw) {
    return fail(
      "MASKINPORTEN_PRIVATE_KEY",
      "is required (or MASKINPORTEN_PRIVATE_KEY_FILE): the RSA private key of your Maskinporten client.",
    );
  }
  // One-line env values (Docker, CI secrets) carry line breaks as literal "\n".
  const pem = raw.replace(/\\n/g, "\n").trim();
  let key: KeyObject;
  try {
    if (!pem.startsWith("-----BEGIN")) throw new Error("not PEM");
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    return fail(variable, "is not a valid PEM private key (expected PKCS#8 or PKCS#1 RSA, unencrypted).");
  }
  if (key.asymmetricKeyType !== "rsa") {
    fail(variable, `is not an RSA key (${key.asymmetricKeyType ?? "unknown type"}); Maskinporten needs RSA.`);
  }
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    fail(variable, "is shorter than 2048 bits; Maskinporten needs RSA 2048 or longer.");
  }
  return { key, variable };
}

function loadCertificateChain(file: string, privateKey: KeyObject, keyVariable: MaskinportenEnvVariable) {
  const variable = "MASKINPORTEN_CERTIFICATE_CHAIN_FILE";
  const pem = readFile(variable, file);
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  let certs: X509Certificate[];
  try {
    certs = blocks.map((b) => new X509Certificate(b));
  } catch {
    return fail(variable, `contains a certificate that cannot be read (${file}).`);
  }
  const [leaf] = certs;
  if (!leaf) fail(variable, `contains no PEM certificate (${file}).`);
  const spki = (k: KeyObject) => k.export({ format: "der", type: "spki" });
  if (!spki(leaf.publicKey).equals(spki(createPublicKey(privateKey)))) {
    fail(
      variable,
      `starts with a certificate whose public key does not match ${keyVariable}; put the leaf certificate first.`,
    );
  }
  const thumbprint = createHash("sha256").update(leaf.raw).digest("base64url");
  return {
    x5c: certs.map((c) => c.raw.toString("base64")),
    thumbprint,
    subject: leaf.subject.replace(/\n/g, ", "),
    validTo: new Date(leaf.validTo).toISOString(),
  };
}

function resolveIssuer(env: z.infer<typeof envSchema>): string {
  if (env.MASKINPORTEN_ISSUER) {
    if (env.APP_MODE !== "sandbox" && !env.MASKINPORTEN_ISSUER.startsWith("https://")) {
      fail("MASKINPORTEN_ISSUER", `must use https in ${env.APP_MODE} mode.`);
    }
    return normaliseIssuer(env.MASKINPORTEN_ISSUER);
  }
  if (env.APP_MODE === "sandbox") {
    return fail(
      "MASKINPORTEN_ISSUER",
      "is required in sandbox mode: the sandbox Maskinporten runs on a local port (npm start and npm run sandbox print it).",
    );
  }
  return resolveEndpoints(env.APP_MODE).maskinportenIssuer;
}

/** Without a certificate chain, the key is named by the kid registered on the Maskinporten client. */
function namedByKid(kid: string | undefined) {
  if (!kid) {
    fail(
      "MASKINPORTEN_KID",
      "is required: the kid of the key registered on your Maskinporten client (or set MASKINPORTEN_CERTIFICATE_CHAIN_FILE).",
    );
  }
  return { kid, keyId: kid };
}

/**
 * Reads the Maskinporten settings from an env-like record (the caller passes process.env or a
 * test's values). Throws MaskinportenConfigError naming the variable that is missing or wrong.
 */
export function loadMaskinportenConfig(input: Record<string, string | undefined>): MaskinportenConfig {
  const parsed = envSchema.safeParse(
    pickConfigInput(
      input,
      MASKINPORTEN_ENV_VARIABLES.map((v) => v.name),
    ),
  );
  if (!parsed.success) {
    // zod reports at least one issue for a failed parse.
    const [issue] = parsed.error.issues;
    const variable = String(issue?.path[0]) as MaskinportenEnvVariable;
    // Never echo the value: it may be the private key.
    fail(variable, `is invalid: ${issue?.message}.`);
  }
  const env = parsed.data;

  const issuer = resolveIssuer(env);
  const clientId =
    env.MASKINPORTEN_CLIENT_ID ??
    fail("MASKINPORTEN_CLIENT_ID", "is required: the client id of your Maskinporten integration.");
  const { key: privateKey, variable: keyVariable } = loadPrivateKey(env);

  const chain = env.MASKINPORTEN_CERTIFICATE_CHAIN_FILE
    ? loadCertificateChain(env.MASKINPORTEN_CERTIFICATE_CHAIN_FILE, privateKey, keyVariable)
    : undefined;

  const resource = env.MASKINPORTEN_RESOURCE?.split(",")
    .map((r) => r.trim())
    .filter(Boolean);

  return {
    mode: env.APP_MODE,
    clientId,
    issuer,
    tokenUrl: env.MASKINPORTEN_TOKEN_URL,
    signingKey: chain
      ? {
          alg: env.MASKINPORTEN_ALG,
          privateKey,
          x5c: chain.x5c,
          keyId: `x5t#S256:${chain.thumbprint}`,
          certificate: { subject: chain.subject, validTo: chain.validTo, thumbprint: chain.thumbprint },
        }
      : { alg: env.MASKINPORTEN_ALG, privateKey, ...namedByKid(env.MASKINPORTEN_KID) },
    resource: resource?.length ? resource : undefined,
    consumerOrg: env.MASKINPORTEN_CONSUMER_ORG,
    timeoutMs: env.MASKINPORTEN_TIMEOUT_MS,
    refreshMarginSeconds: env.MASKINPORTEN_REFRESH_MARGIN_SECONDS,
  };
}
