import "server-only";
import { altinnSystemId, configuredEndpoints } from "@/lib/config/derived";
import { env } from "@/lib/env";
import { getAppMaskinportenClient } from "@/lib/maskinporten/app-client";
import { createSystemUserRequestClient, type SystemUserRequestClient } from "./system-user-request-client";

/**
 * The web process's client for Altinn's system-user request API, sharing the app's
 * Maskinporten client (and its token cache). A configuration problem is returned, not thrown,
 * so the page can say which variable is wrong (the English `message` is for logs).
 */
export function getAppSystemUserRequestClient():
  | { client: SystemUserRequestClient }
  | { configError: { setting: string; message: string } } {
  const systemId = altinnSystemId(env);
  if (!systemId) {
    return {
      configError: {
        setting: "ALTINN_SYSTEM_ID",
        message:
          "ALTINN_SYSTEM_ID is not set: give your system's id in Altinn's system register (<vendor orgnr>_<name>).",
      },
    };
  }
  const maskinporten = getAppMaskinportenClient();
  if ("configError" in maskinporten) {
    const setting = String(maskinporten.configError.values.variable ?? "MASKINPORTEN_*");
    return { configError: { setting, message: `${setting} is missing or invalid.` } };
  }
  const { altinnPlatformUrl } = configuredEndpoints(env);
  return { client: createSystemUserRequestClient({ platformUrl: altinnPlatformUrl, systemId }, maskinporten.client) };
}
