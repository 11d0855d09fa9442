import "server-only";
import type { SandboxClientInput } from "./maskinporten/sandbox-client";
import { startSandboxMaskinporten, type SandboxMaskinporten } from "./maskinporten/server";
import { sandboxTokenVerifier } from "./sandbox-token-verifier";
import { startSandboxSkatteetaten } from "./skatteetaten/server";
import type { SandboxSkatteetatenHandle } from "./skatteetaten/types";

export type SandboxOptions = {
  host?: string;
  /** 0 picks a free port (tests); the start script passes SANDBOX_MASKINPORTEN_PORT. */
  maskinportenPort?: number;
  skatteetatenPort?: number;
  clients: SandboxClientInput[];
  tokenLifetimeSeconds?: number;
};

export type Sandbox = {
  maskinporten: SandboxMaskinporten;
  skatteetaten: SandboxSkatteetatenHandle;
  close(): Promise<void>;
};

/** Starts every sandbox server: Maskinporten, and Skatteetaten's two APIs trusting its tokens. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const maskinporten = await startSandboxMaskinporten({
    host: options.host,
    port: options.maskinportenPort ?? 0,
    clients: options.clients,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
  });
  const skatteetaten = await startSandboxSkatteetaten({
    host: options.host,
    port: options.skatteetatenPort ?? 0,
    verifyToken: sandboxTokenVerifier(maskinporten),
  });
  return {
    maskinporten,
    skatteetaten,
    close: async () => {
      await skatteetaten.close();
      await maskinporten.close();
    },
  };
}
