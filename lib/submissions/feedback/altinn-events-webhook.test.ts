import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ameldingFeedback, submissions } from "@/lib/db/schema";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { createSubmission } from "../operations/operations";
import { handleAltinnEvent, TRANSMISSION_CREATED, VALIDATE_SUBSCRIPTION } from "./altinn-events-webhook";

const db = connectTestDb();
const SECRET = "a-shared-secret-for-the-webhook-test";
const options = { db, secret: SECRET, maxWaitMs: 3600_000 };

function post(body: unknown, secret: string | null = SECRET) {
  const url = `http://app.test/api/altinn-events${secret === null ? "" : `?secret=${encodeURIComponent(secret)}`}`;
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/cloudevents+json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

let user: { id: string; email: string };
let organisationId: string;
beforeAll(async () => {
  user = await createTestUser(db, "admin");
  organisationId = (await createTestOrganisation(db, user.id)).id;
});

describe("Altinn Events webhook", () => {
  it("answers the subscription validation event", async () => {
    const res = await handleAltinnEvent(
      post({
        id: randomUUID(),
        type: VALIDATE_SUBSCRIPTION,
        source: "https://platform.altinn.no/events/api/v1/subscriptions/1",
        specversion: "1.0",
      }),
      options,
    );
    expect(res.status).toBe(200);
  });

  it("refuses a wrong or missing secret, and is off without one configured", async () => {
    const event = { id: randomUUID(), type: VALIDATE_SUBSCRIPTION };
    expect((await handleAltinnEvent(post(event, "guess"), options)).status).toBe(401);
    expect((await handleAltinnEvent(post(event, null), options)).status).toBe(401);
    const off = await handleAltinnEvent(post(event), { ...options, secret: undefined });
    expect(off.status).toBe(404);
    expect(await off.json()).toEqual({ error: expect.stringContaining("ALTINN_EVENTS_WEBHOOK_SECRET") });
  });

  it("says what is wrong with a body that is not a CloudEvent", async () => {
    expect(await (await handleAltinnEvent(post("not json"), options)).json()).toEqual({
      error: "The body must be a CloudEvent in JSON",
    });
    expect((await handleAltinnEvent(post({ type: TRANSMISSION_CREATED }), options)).status).toBe(400);
  });

  it("reads the body within bounds: too large, too deep, a prototype key or U+0000 is a 4xx, never a 500", async () => {
    const event = { id: randomUUID(), type: TRANSMISSION_CREATED };
    expect((await handleAltinnEvent(post({ ...event, data: "x".repeat(70_000) }), options)).status).toBe(413);
    expect(
      (
        await handleAltinnEvent(
          post(`{"id":"1","type":"t","data":${"[".repeat(10_000)}${"]".repeat(10_000)}}`),
          options,
        )
      ).status,
    ).toBe(400);
    const proto = await handleAltinnEvent(
      post(`{"id":"1","type":"${TRANSMISSION_CREATED}","constructor":{"prototype":{"x":1}}}`),
      options,
    );
    expect(await proto.json()).toMatchObject({ refused: "forbiddenKey" });
    const nul = await handleAltinnEvent(post({ ...event, resourceinstance: "dialog\u0000" }), options);
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ refused: "nulCharacter" });
  });

  it("makes the waiting feedback of the event's dialog due at once", async () => {
    const dialogId = randomUUID();
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId,
        kind: "amelding",
        subject: "2026-10",
        payload: testPayload("amelding"),
        queue: false,
      }),
    );
    await db
      .update(submissions)
      .set({
        status: "accepted",
        acceptedAt: sql`now()`,
        receivedIds: { dialogId, forsendelseId: randomUUID(), meldingsId: "m-1" },
      })
      .where(eq(submissions.id, submissionId));

    // The event arrives before any follower round: the row is created, then made due.
    const first = await handleAltinnEvent(
      post({ id: randomUUID(), type: TRANSMISSION_CREATED, resourceinstance: dialogId }),
      options,
    );
    expect(await first.json()).toEqual({ ok: true, due: 1 });
    await db
      .update(ameldingFeedback)
      .set({ nextCheckAt: sql`now() + interval '1 hour'` })
      .where(eq(ameldingFeedback.submissionId, submissionId));

    await handleAltinnEvent(
      post({ id: randomUUID(), type: TRANSMISSION_CREATED, resourceinstance: dialogId }),
      options,
    );
    const [row] = await db.select().from(ameldingFeedback).where(eq(ameldingFeedback.submissionId, submissionId));
    expect(row).toMatchObject({ status: "waiting", dialogId });
    expect(row!.nextCheckAt.getTime()).toBeLessThanOrEqual(Date.now());

    const other = await handleAltinnEvent(
      post({ id: randomUUID(), type: "dialogporten.dialog.seen.v1", resourceinstance: dialogId }),
      options,
    );
    expect(await other.json()).toEqual({ ok: true, ignored: "dialogporten.dialog.seen.v1" });
  });
});
