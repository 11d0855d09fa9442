import "server-only";
import { logger } from "@/lib/log/logger";

export type WebhookDisabled = {
  subscriptionId: string;
  name: string;
  organisationIds: string[];
  consecutiveFailures: number;
};

/**
 * Called once, after the commit, when the worker has turned a subscription off for repeated
 * failures (lib/webhooks/delivery.ts). The disabling itself is already audited and shown on
 * /webhooks to the organisations' admins; this is the single place to notify them further (the
 * notification centre). It must not throw into the worker: failures are logged.
 */
export async function onWebhookDisabled(event: WebhookDisabled): Promise<void> {
  logger.warn(
    { subscriptionId: event.subscriptionId, consecutiveFailures: event.consecutiveFailures },
    "webhook subscription turned off after repeated failures",
  );
}
