import "server-only";
import { randomUUID } from "node:crypto";
import type { DialogEvent, DialogStore } from "../dialogporten/dialog-store";

const EVENT_TYPES: Record<DialogEvent["type"], string> = {
  "dialog.created": "dialogporten.dialog.created.v1",
  "transmission.created": "dialogporten.dialog.transmission.created.v1",
};

/**
 * Dialogporten's events in the CloudEvents 1.0 form Altinn Events delivers (docs/domain.md,
 * "Dialogporten and Altinn Events").
 */
export function toCloudEvent(event: DialogEvent, platformUrl: string) {
  const { dialog } = event;
  return {
    specversion: "1.0",
    id: randomUUID(),
    type: EVENT_TYPES[event.type],
    time: new Date().toISOString(),
    source: `${platformUrl}/dialogporten/api/v1/enduser/dialogs/${dialog.id}`,
    resource: dialog.serviceResource,
    resourceinstance: dialog.id,
    subject: dialog.party,
    ...(event.type === "transmission.created"
      ? { data: { transmissionId: event.transmission.id, transmissionType: event.transmission.type } }
      : {}),
  };
}

/**
 * A stand-in for an Altinn Events subscription on the sandbox's dialogs: validates the webhook
 * once (platform.events.validatesubscription), then POSTs every dialog event to it. A failed push
 * is retried a few times with growing pauses (Altinn retries 12 times over about a day).
 */
export function pushDialogEventsToWebhook(
  store: DialogStore,
  options: { webhookUrl: string; platformUrl: () => string; retryBaseMs?: number },
) {
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const timers = new Set<NodeJS.Timeout>();
  let validated: Promise<boolean> | null = null;

  async function post(body: unknown): Promise<boolean> {
    try {
      const res = await fetch(options.webhookUrl, {
        method: "POST",
        headers: { "Content-Type": "application/cloudevents+json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return res.ok;
    } catch {
      return false;
    }
  }

  function deliver(cloudEvent: unknown, attempt: number) {
    void (async () => {
      validated ??= post({
        specversion: "1.0",
        id: randomUUID(),
        type: "platform.events.validatesubscription",
        source: `${options.platformUrl()}/events/api/v1/subscriptions/1`,
      });
      const ok = (await validated) && (await post(cloudEvent));
      if (!(await validated)) validated = null;
      if (ok || attempt >= 4) return;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          deliver(cloudEvent, attempt + 1);
        },
        retryBaseMs * 2 ** attempt,
      );
      timer.unref();
      timers.add(timer);
    })();
  }

  const unsubscribe = store.onEvent((event) => deliver(toCloudEvent(event, options.platformUrl()), 0));
  return {
    stop() {
      unsubscribe();
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}
