import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { JWK, JWTPayload, ProtectedHeaderParameters } from "jose";
import { z } from "zod";
import { listenSandboxServer } from "../listen";
import { generateSandboxSigningKey, issueAccessToken, type SandboxSigningKey } from "./issue-access-token";
import { type Rejection, rejectionBody } from "./rejection";
import { parseSandboxClient, type SandboxClient, type SandboxClientInput, sandboxClientSchema } from "./sandbox-client";
import { SandboxSystemUserRegistry } from "./system-user-registry";
import { UsedGrants } from "./used-grants";
import { GRANT_ALGORITHMS, SYSTEM_USER_TYPE, validateGrant } from "./validate-grant";

export const JWT_BEARER_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const MAX_BODY_BYTES = 64 * 1024;

export type SandboxMaskinportenOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  clients: SandboxClientInput[];
  tokenLifetimeSeconds?: number;
  signingKey?: SandboxSigningKey;
  /** The server's clock in epoch milliseconds, for tests of the time rules. */
  now?: () => number;
  /** Serve /.well-known/oauth-authorization-server (default true; false tests a client's fallback). */
  metadata?: boolean;
  /** Shared with the sandbox Altinn, which adds the system users customers approve. */
  systemUsers?: SandboxSystemUserRegistry;
};

/** A successful token request, recorded so tests can assert caching and claims. */
export type SandboxGrant = {
  at: Date;
  clientId: string;
  keyId: string;
  scopes: string[];
  systemUserOrg?: string;
  systemUserId?: string;
  consumerOrg?: string;
  resource?: string[];
  jti: string;
  /** The grant as received (it is single-use, so keeping it is harmless). */
  header: ProtectedHeaderParameters;
  claims: JWTPayload;
};

export type SandboxRejection = { at: Date; status: number; error: string; description: string; mpCode?: string };

export type GrantFilter = { clientId?: string; scope?: string; systemUserOrg?: string };

export const sandboxFaultSchema = z.object({
  /** Answer with this 5xx/4xx status and a server_error body. */
  status: z.number().int().min(400).max(599).optional(),
  /** Close the connection without answering. */
  drop: z.boolean().optional(),
  /** Wait this long before handling the request (to trigger client timeouts). */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  /** How many of the next token requests get the fault (default 1). */
  count: z.number().int().min(1).max(1000).default(1),
});
export type SandboxFault = z.input<typeof sandboxFaultSchema>;

export type SandboxMaskinporten = {
  /** With trailing slash: the `aud` clients must use. */
  issuer: string;
  /** Origin without trailing slash. */
  url: string;
  tokenEndpoint: string;
  jwksUri: string;
  publicJwks: { keys: JWK[] };
  grantCount(filter?: GrantFilter): number;
  grants(filter?: GrantFilter): SandboxGrant[];
  rejections(): SandboxRejection[];
  registerClient(client: SandboxClientInput): void;
  /** The next `count` token requests fail as described; POST /__control/faults does the same. */
  injectFaults(fault: SandboxFault): void;
  close(): Promise<void>;
};

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function matches(grant: SandboxGrant, filter: GrantFilter = {}) {
  return (
    (filter.clientId === undefined || grant.clientId === filter.clientId) &&
    (filter.scope === undefined || grant.scopes.includes(filter.scope)) &&
    (filter.systemUserOrg === undefined || grant.systemUserOrg === filter.systemUserOrg)
  );
}

/**
 * A local Maskinporten for sandbox mode and tests: the documented endpoints, the documented
 * grant rules and error answers, and access tokens shaped like the real ones. Plain node:http,
 * so the app's client talks to it exactly as it talks to maskinporten.no.
 */
export async function startSandboxMaskinporten(options: SandboxMaskinportenOptions): Promise<SandboxMaskinporten> {
  const host = options.host ?? "127.0.0.1";
  const lifetime = options.tokenLifetimeSeconds ?? 120;
  const signingKey = options.signingKey ?? generateSandboxSigningKey();
  const now = options.now ?? Date.now;
  const clients = new Map<string, SandboxClient>();
  const systemUsers = options.systemUsers ?? new SandboxSystemUserRegistry();
  const register = (client: SandboxClient) => {
    clients.set(client.clientId, client);
    for (const systemId of client.systems) systemUsers.linkClient(systemId, client.clientId);
    // Configured system users also tell which systems the client belongs to, and that they exist.
    for (const user of client.systemUsers) {
      systemUsers.linkClient(user.systemId, client.clientId);
      systemUsers.noteConfigured(user);
    }
  };
  const registerClient = (input: SandboxClientInput) => register(parseSandboxClient(input));
  options.clients.forEach(registerClient);

  const usedGrants = new UsedGrants();
  const recorded: SandboxGrant[] = [];
  const rejected: SandboxRejection[] = [];
  const faults: z.infer<typeof sandboxFaultSchema>[] = [];
  const publicJwks = { keys: [signingKey.publicJwk] };
  let issuer = "";

  const injectFaults = (fault: SandboxFault) => {
    const f = sandboxFaultSchema.parse(fault);
    for (let i = 0; i < f.count; i++) faults.push({ ...f, count: 1 });
  };

  function refuse(res: ServerResponse, r: Rejection) {
    rejected.push({
      at: new Date(now()),
      status: r.status,
      error: r.error,
      description: r.description,
      mpCode: r.mpCode,
    });
    if (rejected.length > 200) rejected.shift();
    sendJson(res, r.status, rejectionBody(r));
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const fault = faults.shift();
    const body = await readBody(req);
    if (fault?.delayMs) {
      await new Promise((r) => setTimeout(r, fault.delayMs));
      // A client that gave up gets nothing recorded, so grant counts in tests stay exact.
      if (res.closed || req.socket.destroyed) return;
    }
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    if (fault?.status) {
      sendJson(res, fault.status, { error: "server_error", error_description: "Injected fault (sandbox)." });
      return;
    }

    if (body === null) return sendJson(res, 413, { error: "invalid_request", error_description: "Request too large" });
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return refuse(res, {
        status: 400,
        error: "invalid_request",
        description: "Content-Type must be application/x-www-form-urlencoded",
      });
    }
    const form = new URLSearchParams(body);
    const grantType = form.get("grant_type");
    if (!grantType)
      return refuse(res, { status: 400, error: "invalid_request", description: "Missing parameter grant_type" });
    if (grantType !== JWT_BEARER_GRANT_TYPE) {
      return refuse(res, {
        status: 400,
        error: "unsupported_grant_type",
        description: `Unsupported grant_type: ${grantType}`,
      });
    }
    const assertion = form.get("assertion");
    if (!assertion)
      return refuse(res, { status: 400, error: "invalid_request", description: "Missing parameter assertion" });

    const nowSeconds = Math.floor(now() / 1000);
    const result = await validateGrant(assertion, { issuer, clients, usedGrants, nowSeconds, systemUsers });
    if (!result.ok) return refuse(res, result.rejection);

    const { grant } = result;
    const accessToken = await issueAccessToken(grant, { issuer, signingKey, lifetimeSeconds: lifetime, nowSeconds });
    recorded.push({
      at: new Date(now()),
      clientId: grant.client.clientId,
      keyId: grant.keyId,
      scopes: grant.scopes,
      systemUserOrg: grant.systemUser?.orgnr,
      systemUserId: grant.systemUser?.systemUserId,
      consumerOrg: grant.consumerOrg,
      resource: grant.resource,
      jti: grant.jti,
      header: grant.header,
      claims: grant.claims,
    });
    sendJson(res, 200, {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: lifetime,
      scope: grant.scopes.join(" "),
    });
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    try {
      return JSON.parse((await readBody(req)) || "{}");
    } catch {
      return undefined;
    }
  }

  async function control(path: string, req: IncomingMessage, res: ServerResponse) {
    if (path === "/__control/faults" && req.method === "POST") {
      const parsed = sandboxFaultSchema.safeParse(await readJson(req));
      if (!parsed.success)
        return sendJson(res, 400, { error: "invalid_request", error_description: parsed.error.message });
      injectFaults(parsed.data);
      return sendJson(res, 200, { pending: faults.length });
    }
    if (path === "/__control/faults" && req.method === "DELETE") {
      faults.length = 0;
      return sendJson(res, 200, { pending: 0 });
    }
    if (path === "/__control/grants" && req.method === "GET") {
      return sendJson(res, 200, {
        count: recorded.length,
        grants: recorded.map(({ header: _h, claims: _c, ...g }) => g),
      });
    }
    if (path === "/__control/clients" && req.method === "POST") {
      const parsed = sandboxClientSchema.safeParse(await readJson(req));
      if (!parsed.success)
        return sendJson(res, 400, { error: "invalid_request", error_description: parsed.error.message });
      register(parsed.data);
      return sendJson(res, 200, { clients: [...clients.keys()] });
    }
    sendJson(res, 404, { error: "not_found" });
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://sandbox").pathname;
    const handle = async () => {
      if (req.method === "GET" && path === "/.well-known/oauth-authorization-server" && options.metadata !== false) {
        return sendJson(res, 200, {
          issuer,
          token_endpoint: `${issuer}token`,
          jwks_uri: `${issuer}jwk`,
          token_endpoint_auth_methods_supported: ["private_key_jwt"],
          grant_types_supported: [JWT_BEARER_GRANT_TYPE],
          token_endpoint_auth_signing_alg_values_supported: [...GRANT_ALGORITHMS],
          authorization_details_types_supported: [SYSTEM_USER_TYPE],
        });
      }
      if (req.method === "GET" && path === "/jwk") return sendJson(res, 200, publicJwks);
      if (path === "/token") {
        if (req.method !== "POST")
          return sendJson(res, 405, { error: "invalid_request", error_description: "Use POST" });
        return token(req, res);
      }
      if (path.startsWith("/__control/")) return control(path, req, res);
      sendJson(res, 404, { error: "not_found" });
    };
    handle().catch((e: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: "server_error", error_description: e instanceof Error ? e.message : "error" });
    });
  });

  const listening = await listenSandboxServer(server, host, options.port ?? 0);
  const url = listening.url;
  issuer = `${url}/`;

  return {
    issuer,
    url,
    tokenEndpoint: `${issuer}token`,
    jwksUri: `${issuer}jwk`,
    publicJwks,
    grantCount: (filter) => recorded.filter((g) => matches(g, filter)).length,
    grants: (filter) => recorded.filter((g) => matches(g, filter)),
    rejections: () => [...rejected],
    registerClient,
    injectFaults,
    close: listening.close,
  };
}
