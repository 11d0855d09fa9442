import "server-only";
import { resolveEndpoints } from "@/lib/config/endpoints";
import { env } from "@/lib/env";
import { getAppMaskinportenClient } from "@/lib/maskinporten/app-client";
import { SANDBOX_SYSTEM_ID } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { createSystemUserRequestClient, type SystemUserRequestClient } from "./system-user-request-client";

/**
 * The web process's client for Altinn's system-user request API, sharing the app's
 * Maskinporten client (and its token cache). A configuration problem is returned, not thrown,
 * so the page can say which variable is wrong.
 */
export function getAppSystemUserRequestClient(): { client: SystemUserRequestClient } | { configError: string } {
  const systemId = env.ALTINN_SYSTEM_ID ?? (env.APP_MODE === "sandbox" ? SANDBOX_SYSTEM_ID : undefined);
  if (!systemId) {
    return { configError: "ALTINN_SYSTEM_ID is not set: give your system's id in Altinn's system register (<vendor orgnr>_<name>)." };
  }
  const maskinporten = getAppMaskinportenClient();
  if ("configError" in maskinporten) return maskinporten;
  const { altinnPlatformUrl } = resolveEndpoints(env.APP_MODE, env);
  return { client: createSystemUserRequestClient({ platformUrl: altinnPlatformUrl, systemId }, maskinporten.client) };
}
