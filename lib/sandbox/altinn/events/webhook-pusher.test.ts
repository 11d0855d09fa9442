import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDialogStore } from "../dialogporten/dialog-store";
import { pushDialogEventsToWebhook } from "./webhook-pusher";

type Received = {
  contentType: string | undefined;
  body: { type: string; resourceinstance?: string; subject?: string; data?: { transmissionType?: string } };
};

const received: Received[] = [];
let failNext = 0;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c));
  req.on("end", () => {
    if (failNext > 0) {
      failNext -= 1;
      res.writeHead(503).end();
      return;
    }
    received.push({ contentType: req.headers["content-type"], body: JSON.parse(body) });
    res.writeHead(200).end();
  });
});
let webhookUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("sandbox Altinn Events push", () => {
  it("validates the subscription first, then pushes dialog and transmission events as CloudEvents, retrying a failed push", async () => {
    const store = createDialogStore();
    const pusher = pushDialogEventsToWebhook(store, {
      webhookUrl,
      platformUrl: () => "http://altinn.test",
      retryBaseMs: 5,
    });
    try {
      failNext = 1; // the validation fails once; the event waits and is retried
      const dialog = store.createDialog({
        party: "urn:altinn:organization:identifier-no:310900125",
        serviceResource: "urn:altinn:resource:ske-innrapportering-amelding",
        org: "skd",
        status: "InProgress",
        title: "A-melding",
        externalReference: null,
      });
      await vi.waitFor(() => expect(received.map((r) => r.body.type)).toContain("dialogporten.dialog.created.v1"));
      store.addTransmission(dialog.id, {
        type: "Acceptance",
        sender: { actorType: "ServiceOwner", actorName: "Skatteetaten" },
        title: "x",
        relatedTransmissionId: null,
        externalReference: null,
        attachments: [],
      });
      await vi.waitFor(() => expect(received).toHaveLength(3));
      expect(received.map((r) => r.body.type)).toEqual([
        "platform.events.validatesubscription",
        "dialogporten.dialog.created.v1",
        "dialogporten.dialog.transmission.created.v1",
      ]);
      expect(received[2]).toEqual({
        contentType: "application/cloudevents+json",
        body: expect.objectContaining({
          resourceinstance: dialog.id,
          subject: dialog.party,
          data: expect.objectContaining({ transmissionType: "Acceptance" }),
        }),
      });
    } finally {
      pusher.stop();
    }
  });
});
