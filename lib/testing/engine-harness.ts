import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { buildDemoSandboxClient } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { startSandboxMaskinporten } from "@/lib/sandbox/maskinporten/server";
import { generateTestKey } from "@/lib/sandbox/maskinporten/test-fixture";
import { sandboxTokenVerifier } from "@/lib/sandbox/sandbox-token-verifier";
import { startSandboxSkatteetaten } from "@/lib/sandbox/skatteetaten/server";
import { createDeliveryDeps, type DeliveryConfig } from "@/lib/submissions/delivery-deps";
import { createTestOrganisation, createTestUser } from "./test-db";

/**
 * The whole delivery path for integration tests: real PostgreSQL, the real Maskinporten client,
 * and the sandbox Maskinporten and Skatteetaten over HTTP on free ports. Organisations are
 * created up front because the sandbox must know their system users.
 */
export async function startEngineHarness(
  db: Db,
  options: { organisations?: number; tokenLifetimeSeconds?: number; delivery?: Partial<DeliveryConfig> } = {},
) {
  const user = await createTestUser(db, "admin");
  const orgs = [];
  for (let i = 0; i < (options.organisations ?? 2); i++) orgs.push(await createTestOrganisation(db, user.id));
  const key = generateTestKey();
  const clientId = randomUUID();
  const maskinporten = await startSandboxMaskinporten({
    port: 0,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 120,
    clients: [buildDemoSandboxClient({ clientId, publicJwk: key.publicJwk, orgnrs: orgs.map((o) => o.orgnr) })],
  });
  const skatteetaten = await startSandboxSkatteetaten({ port: 0, verifyToken: sandboxTokenVerifier(maskinporten) });
  const maskinportenEnv = {
    APP_MODE: "sandbox",
    MASKINPORTEN_ISSUER: maskinporten.issuer,
    MASKINPORTEN_CLIENT_ID: clientId,
    MASKINPORTEN_KID: key.kid,
    MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
  };
  const tokens = createMaskinportenClient(loadMaskinportenConfig(maskinportenEnv), { retryBaseMs: 10 });
  const deliveryConfig: DeliveryConfig = {
    oarApiUrl: skatteetaten.oarBaseUrl,
    ameldingApiUrl: skatteetaten.ameldingBaseUrl,
    idempotencyKeyIn: "query",
    workerId: "test-worker",
    leaseMs: 30_000,
    requestTimeoutMs: 5_000,
    maxAttempts: 4,
    ...options.delivery,
  };
  const deps = { ...createDeliveryDeps(db, tokens, deliveryConfig), random: () => 0 };
  return {
    user,
    orgs,
    maskinporten,
    skatteetaten,
    tokens,
    deps,
    maskinportenEnv,
    deliveryConfig,
    async close() {
      await skatteetaten.close();
      await maskinporten.close();
    },
  };
}
