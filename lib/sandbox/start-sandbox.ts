import "server-only";
import { parseSandboxClient, type SandboxClientInput } from "./maskinporten/sandbox-client";
import { startSandboxAltinn, type AltinnRouteHandler, type SandboxAltinn } from "./altinn/server";
import { systemUserRequestsHandler } from "./altinn/system-user-requests/handler";
import { sandboxSystemsFromClients } from "./altinn/system-user-requests/system-register";
import { startSandboxMaskinporten, type SandboxMaskinporten } from "./maskinporten/server";
import { SandboxSystemUserRegistry } from "./maskinporten/system-user-registry";
import { sandboxTokenVerifier } from "./sandbox-token-verifier";
import { startSandboxSkatteetaten } from "./skatteetaten/server";
import type { SandboxSkatteetatenHandle } from "./skatteetaten/types";

export type SandboxOptions = {
  host?: string;
  /** 0 picks a free port (tests); the start script passes SANDBOX_MASKINPORTEN_PORT. */
  maskinportenPort?: number;
  skatteetatenPort?: number;
  altinnPort?: number;
  clients: SandboxClientInput[];
  tokenLifetimeSeconds?: number;
  /** JSON file keeping the Altinn system-user requests (and so approved system users) across restarts. */
  altinnStateFile?: string;
};

export type Sandbox = {
  maskinporten: SandboxMaskinporten;
  skatteetaten: SandboxSkatteetatenHandle;
  /** The Altinn platform host: Dialogporten and the system-user request API. */
  altinn: SandboxAltinn;
  close(): Promise<void>;
};

/** Starts every sandbox server: Maskinporten, Skatteetaten's two APIs trusting its tokens, and the Altinn platform. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  // System users customers approve in the sandbox Altinn become usable in the sandbox Maskinporten.
  const systemUsers = new SandboxSystemUserRegistry();
  const maskinporten = await startSandboxMaskinporten({
    host: options.host,
    port: options.maskinportenPort ?? 0,
    clients: options.clients,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    systemUsers,
  });
  const skatteetaten = await startSandboxSkatteetaten({
    host: options.host,
    port: options.skatteetatenPort ?? 0,
    verifyToken: sandboxTokenVerifier(maskinporten),
  });
  const systemUserRequests = systemUserRequestsHandler({
    maskinporten,
    registry: systemUsers,
    systems: sandboxSystemsFromClients(options.clients.map(parseSandboxClient)),
    stateFile: options.altinnStateFile,
  });
  const altinnHandlers: AltinnRouteHandler[] = [systemUserRequests];
  const altinn = await startSandboxAltinn({ host: options.host, port: options.altinnPort ?? 0, handlers: altinnHandlers });
  return {
    maskinporten,
    skatteetaten,
    altinn,
    close: async () => {
      await altinn.close();
      await skatteetaten.close();
      await maskinporten.close();
    },
  };
}
