import "server-only";
import { configuredEndpoints, deliveryRuntimeSettings } from "@/lib/config/derived";
import { env } from "@/lib/env";
import { getAppMaskinportenClient } from "@/lib/maskinporten/app-client";
import { createReconciliationDeps, type ReconciliationDeps } from "./reconcile";

/**
 * The web process's way to fetch a reconciliation report: its own Maskinporten client and the
 * configured report API; null when Maskinporten is not configured.
 */
export function appReconciliationDeps(): ReconciliationDeps | null {
  const maskinporten = getAppMaskinportenClient();
  if (!("client" in maskinporten)) return null;
  const settings = deliveryRuntimeSettings(env);
  return createReconciliationDeps(maskinporten.client, {
    baseUrl: configuredEndpoints(env).avstemmingsrapportApiUrl,
    idempotencyKeyIn: settings.idempotencyKeyIn,
    timeoutMs: settings.requestTimeoutMs,
  });
}
