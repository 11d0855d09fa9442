import { randomUUID } from "node:crypto";
import { createSystemUserRequestClient } from "@/lib/altinn/system-user-request-client";
import { SYSTEM_USER_REQUEST_PATH, SYSTEM_USER_REQUEST_SCOPES } from "@/lib/altinn/system-user-request-wire";
import { createMaskinportenClient, type MaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import type { SandboxClient } from "../../maskinporten/sandbox-client";
import { buildDemoSandboxClient, SANDBOX_SYSTEM_ID } from "../../maskinporten/sandbox-clients";
import { startSandboxMaskinporten } from "../../maskinporten/server";
import { SandboxSystemUserRegistry } from "../../maskinporten/system-user-registry";
import { generateTestKey } from "../../maskinporten/test-fixture";
import { startSandboxAltinn } from "../server";
import { systemUserRequestsHandler } from "./handler";
import { sandboxSystemsFromClients } from "./system-register";

/** The demo organisation that has a configured system user from the start. */
export const CONFIGURED_ORGNR = "310900125";
export const OTHER_VENDOR_ORGNR = "310900500";

export type Answer = { status: number; headers: Headers; text: string; json: any };

function clientEnv(issuer: string, clientId: string, key: ReturnType<typeof generateTestKey>) {
  return {
    APP_MODE: "sandbox",
    MASKINPORTEN_ISSUER: issuer,
    MASKINPORTEN_CLIENT_ID: clientId,
    MASKINPORTEN_KID: key.kid,
    MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
  };
}

/**
 * The sandbox Maskinporten and Altinn sharing one system-user registry, as start-sandbox wires
 * them, with a controllable clock for the Altinn side. Two vendors: the demo one (owning the
 * demo system) and another with its own system.
 */
export async function startOnboardingSandbox(options: { stateFile?: string } = {}) {
  const clock = { now: Date.now() };
  const key = generateTestKey();
  const otherKey = generateTestKey();
  const clientId = randomUUID();
  const otherClientId = randomUUID();
  const clients: SandboxClient[] = [
    buildDemoSandboxClient({ clientId, publicJwk: key.publicJwk, orgnrs: [CONFIGURED_ORGNR] }),
    buildDemoSandboxClient({
      clientId: otherClientId,
      publicJwk: otherKey.publicJwk,
      orgnrs: [],
      consumerOrgnr: OTHER_VENDOR_ORGNR,
      systemId: `${OTHER_VENDOR_ORGNR}_other`,
    }),
  ];
  const registry = new SandboxSystemUserRegistry();
  const maskinporten = await startSandboxMaskinporten({ port: 0, clients, systemUsers: registry });
  const handler = systemUserRequestsHandler({
    maskinporten,
    registry,
    systems: sandboxSystemsFromClients(clients),
    stateFile: options.stateFile,
    now: () => clock.now,
  });
  const altinn = await startSandboxAltinn({ port: 0, handlers: [handler] });
  const vendorTokens = createMaskinportenClient(loadMaskinportenConfig(clientEnv(maskinporten.issuer, clientId, key)), {
    retryBaseMs: 10,
  });
  const otherVendorTokens = createMaskinportenClient(
    loadMaskinportenConfig(clientEnv(maskinporten.issuer, otherClientId, otherKey)),
    { retryBaseMs: 10 },
  );

  async function token(
    scopes: string[] = [SYSTEM_USER_REQUEST_SCOPES.read, SYSTEM_USER_REQUEST_SCOPES.write],
    tokens: MaskinportenClient = vendorTokens,
  ) {
    return (await tokens.getToken({ scopes })).accessToken;
  }

  /** A raw HTTP call to the sandbox Altinn; `token: null` sends none. */
  async function call(
    method: string,
    path: string,
    init: { token?: string | null; body?: unknown; form?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const bearer = init.token === undefined ? await token() : init.token;
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    let body: string | undefined;
    if (init.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    } else if (init.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    }
    const res = await fetch(`${altinn.url}${path}`, { method, headers, body, redirect: "manual" });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  return {
    clock,
    altinn,
    maskinporten,
    vendorTokens,
    otherVendorTokens,
    token,
    call,
    api: (suffix = "") => `${SYSTEM_USER_REQUEST_PATH}${suffix}`,
    /** The app's client, as the web process builds it. */
    client: (systemId = SANDBOX_SYSTEM_ID) =>
      createSystemUserRequestClient({ platformUrl: altinn.url, systemId }, vendorTokens),
    async close() {
      await altinn.close();
      await maskinporten.close();
    },
  };
}
export type OnboardingSandbox = Awaited<ReturnType<typeof startOnboardingSandbox>>;
