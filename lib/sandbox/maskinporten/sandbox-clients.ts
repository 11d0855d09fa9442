import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { JWK } from "jose";
import { z } from "zod";
import { SANDBOX_DEFAULTS } from "@/lib/config/sandbox-defaults";
import { SCOPES } from "@/lib/config/scopes";
import { type SandboxClient, sandboxClientSchema } from "./sandbox-client";

/** The scopes the demo client is granted: every scope the product asks for. */
export const SANDBOX_SCOPES = SCOPES;

/** The demo organisations seeded in sandbox mode (synthetic orgnrs with valid check digits). */
export const DEFAULT_SANDBOX_ORGNRS = ["310900125", "310900230", "310900346"];
/** The vendor owning the demo Maskinporten client and system (synthetic). */
export const SANDBOX_VENDOR_ORGNR = SANDBOX_DEFAULTS.vendorOrgnr;
/** Altinn system ids look like `<vendor orgnr>_<name>`; the app defaults to it in sandbox mode. */
export const SANDBOX_SYSTEM_ID: string = SANDBOX_DEFAULTS.systemId;

/** Stable per client and org, so a restarted sandbox issues the same system user ids. */
export function sandboxSystemUserId(clientId: string, orgnr: string): string {
  const h = createHash("sha256").update(`${clientId}:${orgnr}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The demo client: both reporting scopes, Dialogporten and Altinn's system-user request API; a
 * system user per org, and registered on the demo system so customers can approve more.
 */
export function buildDemoSandboxClient(options: {
  clientId: string;
  publicJwk: JWK;
  orgnrs?: string[];
  consumerOrgnr?: string;
  systemId?: string;
}): SandboxClient {
  const systemId = options.systemId ?? SANDBOX_SYSTEM_ID;
  return sandboxClientSchema.parse({
    clientId: options.clientId,
    jwks: [options.publicJwk],
    allowedScopes: Object.values(SANDBOX_SCOPES),
    systemUsers: (options.orgnrs ?? DEFAULT_SANDBOX_ORGNRS).map((orgnr) => ({
      orgnr,
      systemUserId: sandboxSystemUserId(options.clientId, orgnr),
      systemId,
    })),
    systems: [systemId],
    consumerOrgnr: options.consumerOrgnr ?? SANDBOX_VENDOR_ORGNR,
  });
}

const clientsFileSchema = z.union([z.array(sandboxClientSchema), z.object({ clients: z.array(sandboxClientSchema) })]);

/**
 * Extra clients for the sandbox (SANDBOX_MASKINPORTEN_CLIENTS_FILE): a JSON array of clients,
 * or `{ "clients": [...] }`, each shaped like SandboxClient.
 */
export async function loadSandboxClientsFile(file: string): Promise<SandboxClient[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw new Error(`SANDBOX_MASKINPORTEN_CLIENTS_FILE (${file}) cannot be read as JSON: ${(e as Error).message}`);
  }
  const parsed = clientsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`SANDBOX_MASKINPORTEN_CLIENTS_FILE (${file}) is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.clients;
}

/** The demo client for the app's sandbox key, plus any clients from the file. */
export async function defaultSandboxClients(options: {
  key: { clientId: string; publicJwk: JWK };
  orgnrs?: string[];
  clientsFile?: string;
}): Promise<SandboxClient[]> {
  const demo = buildDemoSandboxClient({
    clientId: options.key.clientId,
    publicJwk: options.key.publicJwk,
    orgnrs: options.orgnrs,
  });
  const extra = options.clientsFile ? await loadSandboxClientsFile(options.clientsFile) : [];
  return [demo, ...extra];
}
