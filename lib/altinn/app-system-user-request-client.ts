import "server-only";
import { altinnSystemId, configuredEndpoints } from "@/lib/config/derived";
import { env } from "@/lib/env";
import { getAppMaskinportenClient } from "@/lib/maskinporten/app-client";
import { createSystemUserRequestClient, type SystemUserRequestClient } from "./system-user-request-client";

/**
 * The web process's client for Altinn's system-user request API, sharing the app's
 * Maskinporten client (and its token cache). A configuration problem is returned, not thrown,
 * so the page can say which variable is wrong.
 */
export function getAppSystemUserRequestClient(): { client: SystemUserRequestClient } | { configError: string } {
  const systemId = altinnSystemId(env);
  if (!systemId) {
    return {
      configError:
        "ALTINN_SYSTEM_ID is not set: give your system's id in Altinn's system register (<vendor orgnr>_<name>).",
    };
  }
  const maskinporten = getAppMaskinportenClient();
  if ("configError" in maskinporten)
    return { configError: `${maskinporten.configError.values.variable ?? "MASKINPORTEN_*"} is missing or invalid.` };
  const { altinnPlatformUrl } = configuredEndpoints(env);
  return { client: createSystemUserRequestClient({ platformUrl: altinnPlatformUrl, systemId }, maskinporten.client) };
}
