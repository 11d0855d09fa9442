import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { createDialogStore } from "@/lib/sandbox/altinn/dialogporten/dialog-store";
import { createDialogportenHandler } from "@/lib/sandbox/altinn/dialogporten/handler";
import { startSandboxAltinn } from "@/lib/sandbox/altinn/server";
import { systemUserRequestsHandler } from "@/lib/sandbox/altinn/system-user-requests/handler";
import { sandboxSystemsFromClients } from "@/lib/sandbox/altinn/system-user-requests/system-register";
import { buildDemoSandboxClient } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { startSandboxMaskinporten } from "@/lib/sandbox/maskinporten/server";
import { SandboxSystemUserRegistry } from "@/lib/sandbox/maskinporten/system-user-registry";
import { generateTestKey } from "@/lib/sandbox/maskinporten/test-fixture";
import { sandboxTokenVerifier } from "@/lib/sandbox/sandbox-token-verifier";
import type { FeedbackDelay } from "@/lib/sandbox/skatteetaten/amelding-feedback-publisher";
import { startSandboxSkatteetaten } from "@/lib/sandbox/skatteetaten/server";
import { createDeliveryDeps, type DeliveryConfig } from "@/lib/submissions/engine/delivery-deps";
import {
  createFeedbackFollowerDeps,
  type FeedbackFollowerConfig,
} from "@/lib/submissions/feedback/feedback-follower-deps";
import { createTestOrganisation, createTestUser } from "./test-db";

/**
 * The whole delivery path for integration tests: real PostgreSQL, the real Maskinporten client,
 * and the sandbox Maskinporten, Skatteetaten and Altinn (Dialogporten) over HTTP on free ports.
 * Organisations are created up front because the sandbox must know their system users.
 * A-melding feedback appears at once unless `feedbackDelay` says otherwise.
 */
export async function startEngineHarness(
  db: Db,
  options: {
    organisations?: number;
    tokenLifetimeSeconds?: number;
    delivery?: Partial<DeliveryConfig>;
    feedback?: Partial<FeedbackFollowerConfig>;
    feedbackDelay?: FeedbackDelay;
    /** How long the sandbox validates an A-melding upload; default 0 (ready at the first status check). */
    uploadValidationDelayMs?: number;
  } = {},
) {
  const user = await createTestUser(db, "admin");
  const orgs = [];
  for (let i = 0; i < (options.organisations ?? 2); i++) orgs.push(await createTestOrganisation(db, user.id));
  const key = generateTestKey();
  const clientId = randomUUID();
  const clients = [buildDemoSandboxClient({ clientId, publicJwk: key.publicJwk, orgnrs: orgs.map((o) => o.orgnr) })];
  // Shared by the sandbox Maskinporten and Altinn, as start-sandbox wires them: a system user the
  // customer deletes in Altinn (POST /__control/system-users/{orgnr}/revoke) gets no more tokens.
  const systemUsers = new SandboxSystemUserRegistry();
  const maskinporten = await startSandboxMaskinporten({
    port: 0,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 120,
    clients,
    systemUsers,
  });
  const verifyToken = sandboxTokenVerifier(maskinporten);
  const dialogs = createDialogStore();
  const skatteetaten = await startSandboxSkatteetaten({
    port: 0,
    verifyToken,
    dialogs,
    feedbackDelay: options.feedbackDelay ?? 0,
    uploadValidationDelayMs: options.uploadValidationDelayMs ?? 0,
  });
  const altinn = await startSandboxAltinn({
    port: 0,
    handlers: [
      systemUserRequestsHandler({ maskinporten, registry: systemUsers, systems: sandboxSystemsFromClients(clients) }),
      createDialogportenHandler({ store: dialogs, verifyToken }),
    ],
  });
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
    ameldingFilopplastingApiUrl: skatteetaten.ameldingFilopplastingBaseUrl,
    idempotencyKeyIn: "header",
    workerId: "test-worker",
    leaseMs: 30_000,
    requestTimeoutMs: 5_000,
    maxAttempts: 4,
    ...options.delivery,
  };
  const deps = { ...createDeliveryDeps(db, tokens, deliveryConfig), random: () => 0 };
  const feedbackConfig: FeedbackFollowerConfig = {
    altinnPlatformUrl: altinn.url,
    feedbackApiUrl: `${skatteetaten.url}/amelding-tilbakemelding/v1`,
    workerId: "test-worker",
    requestTimeoutMs: 5_000,
    ...options.feedback,
  };
  const feedbackDeps = createFeedbackFollowerDeps(db, tokens, feedbackConfig);
  return {
    user,
    orgs,
    maskinporten,
    skatteetaten,
    altinn,
    dialogs,
    tokens,
    deps,
    feedbackDeps,
    maskinportenEnv,
    deliveryConfig,
    async close() {
      await altinn.close();
      await skatteetaten.close();
      await maskinporten.close();
    },
  };
}
