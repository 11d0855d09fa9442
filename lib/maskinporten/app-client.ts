import "server-only";
import { createMaskinportenClient, type MaskinportenClient } from "./client";
import { loadMaskinportenConfig } from "./config";
import { MaskinportenConfigError, type MaskinportenErrorMessage, maskinportenErrorMessage } from "./errors";

const globalForClient = globalThis as unknown as { __innrapporteringMaskinporten?: MaskinportenClient };

/**
 * The web process's Maskinporten client (the worker process has its own, with its own cache).
 * A configuration problem is returned, not thrown, so pages can say which variable is wrong.
 */
export function getAppMaskinportenClient(): { client: MaskinportenClient } | { configError: MaskinportenErrorMessage } {
  try {
    globalForClient.__innrapporteringMaskinporten ??= createMaskinportenClient(loadMaskinportenConfig(process.env));
    return { client: globalForClient.__innrapporteringMaskinporten };
  } catch (error) {
    if (error instanceof MaskinportenConfigError) return { configError: maskinportenErrorMessage(error) };
    throw error;
  }
}
