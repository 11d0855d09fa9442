import "server-only";
import { parseArgs } from "node:util";
import { configuredEndpoints } from "@/lib/config/derived";
import { parseConfig } from "@/lib/config/schema";
import { createMaskinportenClient, type MaskinportenClientOptions } from "./client";
import { loadMaskinportenConfig, type MaskinportenConfig } from "./config";
import { MaskinportenConfigError, MaskinportenError } from "./errors";
import { readSandboxClientKey, sandboxClientEnv } from "./sandbox-key";

export type CommandIo = { out: (line: string) => void; err: (line: string) => void };

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: npm run maskinporten -- check --scope <scope> [--scope <scope>] [--org <orgnr>] [--resource <aud>]

Asks Maskinporten for an access token with the configured MASKINPORTEN_* settings and prints
its decoded claims, expiry and scope (never the token). With --org the token is for the system
user owned by that organisation. --resource sets the token's audience; it is refused with a
Skatteetaten scope, whose APIs expect none. Exit code 0 on success, 1 when Maskinporten refuses,
2 on configuration or usage errors.`;

/**
 * In sandbox mode without explicit settings, uses the key `npm start` / `npm run sandbox`
 * created, so the check works out of the box against a running sandbox.
 */
export async function withSandboxDefaults(
  env: Record<string, string | undefined>,
): Promise<Record<string, string | undefined>> {
  const config = parseConfig(env);
  if (config.APP_MODE !== "sandbox" || config.MASKINPORTEN_CLIENT_ID) return env;
  const dataDir = config.DATA_DIR;
  const key = await readSandboxClientKey(dataDir);
  if (!key) {
    throw new MaskinportenConfigError(
      "MASKINPORTEN_CLIENT_ID",
      `MASKINPORTEN_CLIENT_ID is not set and there is no sandbox key in ${dataDir}: start the sandbox first (npm start or npm run sandbox), or set the MASKINPORTEN_* variables.`,
    );
  }
  const issuer = configuredEndpoints(config).maskinportenIssuer;
  return { ...sandboxClientEnv(key, issuer), ...stripUnset(env), MASKINPORTEN_ISSUER: issuer };
}

function stripUnset(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
}

function describeKey(config: MaskinportenConfig): string {
  const k = config.signingKey;
  return k.certificate
    ? `certificate ${k.certificate.subject} (x5c, ${k.alg}, valid to ${k.certificate.validTo})`
    : `kid ${k.kid} (${k.alg})`;
}

export function printError(io: CommandIo, error: MaskinportenError) {
  const title =
    error.kind === "grant_rejected"
      ? `Maskinporten refused the request (HTTP ${error.httpStatus})`
      : error.kind === "network"
        ? "Maskinporten could not be reached"
        : error.kind === "server"
          ? `Maskinporten had a server error (HTTP ${error.httpStatus})`
          : "The request failed";
  io.err(`✖ ${title}`);
  const code = [
    error.mpCode ?? (error.kind === "grant_rejected" ? "unknown code" : undefined),
    error.error && `(${error.error})`,
  ]
    .filter(Boolean)
    .join(" ");
  if (code) io.err(`  code:        ${code}`);
  if (error.errorDescription) io.err(`  description: ${error.errorDescription}`);
  io.err(`  explanation: ${error.explanation}`);
  io.err(`  hint:        ${error.hint}`);
}

/** `maskinporten check`: the core of scripts/maskinporten.ts, testable against the sandbox. */
export async function runMaskinportenCheck(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CommandIo,
  clientOptions: MaskinportenClientOptions = {},
): Promise<number> {
  let values: { scope?: string[]; org?: string; resource?: string[]; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        scope: { type: "string", multiple: true, short: "s" },
        org: { type: "string" },
        resource: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    }));
  } catch (e) {
    io.err(`✖ ${(e as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (positionals[0] !== "check" || positionals.length > 1) {
    io.err(`✖ ${positionals.length ? `Unknown command: ${positionals.join(" ")}` : "No command given."}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const scopes = (values.scope ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean);
  if (scopes.length === 0) {
    io.err(`✖ At least one --scope is required.\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (values.org !== undefined && !/^\d{9}$/.test(values.org.replace(/\s/g, ""))) {
    io.err(`✖ --org must be a 9-digit organisation number, got "${values.org}".`);
    return EXIT_USAGE;
  }
  const org = values.org?.replace(/\s/g, "");

  let config: MaskinportenConfig;
  try {
    config = loadMaskinportenConfig(await withSandboxDefaults(env));
  } catch (e) {
    // MaskinportenConfigError messages name the variable; others (a broken key file) name the file.
    io.err(`✖ Configuration error: ${(e as Error).message}`);
    return EXIT_USAGE;
  }

  const client = createMaskinportenClient(config, clientOptions);
  const endpoint = await client.tokenEndpoint();
  io.out(`Maskinporten check (${config.mode} mode)`);
  io.out(`  issuer:          ${config.issuer}`);
  io.out(`  token endpoint:  ${endpoint.url} (${endpoint.source})`);
  io.out(`  client id:       ${config.clientId}`);
  io.out(`  key:             ${describeKey(config)}`);
  io.out(`  scopes:          ${scopes.join(" ")}`);
  io.out(`  system user org: ${org ?? "(none)"}`);

  try {
    const token = await client.getToken({ scopes, systemUserOrg: org, resource: values.resource });
    const seconds = Math.round((token.expiresAt.getTime() - Date.now()) / 1000);
    io.out("✔ Maskinporten issued an access token");
    io.out(`  scope:      ${token.scope}`);
    io.out(`  expires at: ${token.expiresAt.toISOString()} (in ${seconds} s)`);
    io.out(`  claims:     ${token.claims ? "" : "(the token is not a JWT)"}`);
    if (token.claims) io.out(JSON.stringify(token.claims, null, 2));
    return EXIT_OK;
  } catch (e) {
    if (e instanceof MaskinportenError) {
      printError(io, e);
      return e.kind === "config" ? EXIT_USAGE : EXIT_REJECTED;
    }
    io.err(`✖ Unexpected error: ${(e as Error).message}`);
    return EXIT_REJECTED;
  }
}
