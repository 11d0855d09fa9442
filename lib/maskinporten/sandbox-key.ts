import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { JWK } from "jose";
import { z } from "zod";

export const SANDBOX_KEY_FILE = "maskinporten-sandbox-key.json";

export type SandboxClientKey = {
  clientId: string;
  kid: string;
  privateKeyPem: string;
  /** The public half, as the sandbox Maskinporten registers it on the client. */
  publicJwk: JWK & { kid: string };
};

const storedKeySchema = z.object({
  clientId: z.string().min(1),
  kid: z.string().min(1),
  privateKeyPem: z.string().includes("PRIVATE KEY"),
  createdAt: z.string().optional(),
});

function toClientKey(stored: z.infer<typeof storedKeySchema>): SandboxClientKey {
  const jwk = createPublicKey(createPrivateKey(stored.privateKeyPem)).export({ format: "jwk" }) as JWK;
  return {
    clientId: stored.clientId,
    kid: stored.kid,
    privateKeyPem: stored.privateKeyPem,
    publicJwk: { ...jwk, kid: stored.kid, alg: "RS256", use: "sig" },
  };
}

/** The sandbox client key stored in `dir`, or null when none was made yet. */
export async function readSandboxClientKey(dir: string): Promise<SandboxClientKey | null> {
  const file = path.join(dir, SANDBOX_KEY_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = storedKeySchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a valid sandbox key file; delete it to make a new key.`);
  return toClientKey(parsed.data);
}

/**
 * The key pair the app uses against the sandbox Maskinporten: made on first use and kept in
 * `dir` (never committed — `.data/` is gitignored), so the client id and kid stay the same
 * across restarts. Safe when two processes start at once: the file is published with link(),
 * which fails if another process got there first.
 */
export async function ensureSandboxClientKey(dir: string): Promise<SandboxClientKey> {
  const existing = await readSandboxClientKey(dir);
  if (existing) return existing;

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const stored = {
    clientId: randomUUID(),
    kid: `sandbox-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`,
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    createdAt: new Date().toISOString(),
  };
  const file = path.join(dir, SANDBOX_KEY_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(temp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    await unlink(temp).catch(() => {});
  }
  const key = await readSandboxClientKey(dir);
  if (!key) throw new Error(`${file} was removed while the sandbox key was being made.`);
  return key;
}

/** The MASKINPORTEN_* variables that point the app's client at a running sandbox. */
export function sandboxClientEnv(key: SandboxClientKey, issuer: string): Record<string, string> {
  return {
    MASKINPORTEN_ISSUER: issuer,
    MASKINPORTEN_CLIENT_ID: key.clientId,
    MASKINPORTEN_KID: key.kid,
    MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
  };
}
