import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  ameldingFeedback,
  auditLog,
  notifications,
  submissions,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookSubscriptions,
} from "@/lib/db/schema";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { testLeveranse } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
import { enqueueDeadlineEvents } from "./deadline-job";
import { deliverDueWebhooks, startWebhookDelivery, type WebhookDeliveryOptions, webhookRetryDelayMs } from "./delivery";
import { sealClearWebhookSecrets, webhookSecretKey } from "./secret-at-rest";
import {
  createWebhook,
  deleteWebhook,
  listRecentDeliveries,
  listWebhooks,
  resendWebhookDelivery,
  rotateWebhookSecret,
  setWebhookEnabled,
  updateWebhook,
} from "./subscriptions";

const db = connectTestDb();
const KEY = webhookSecretKey("test-only-auth-secret-0123456789abcdef");
const SANDBOX = { urlPolicy: { allowLocalHttp: true }, rotationGraceHours: 24, secretKey: KEY };
const PRODUCTION = { urlPolicy: { allowLocalHttp: false }, rotationGraceHours: 24, secretKey: KEY };
const DELIVERY: WebhookDeliveryOptions = {
  timeoutMs: 2000,
  maxAttempts: 3,
  retryBaseMs: 1,
  disableAfterFailedDeliveries: 5,
  urlPolicy: { allowLocalHttp: true },
  secretKey: KEY,
};

type Received = { headers: IncomingHttpHeaders; body: string };
const servers: Server[] = [];

/** A receiver on 127.0.0.1 answering each request with `answer(n)` (n from 0); hangs when it returns null. */
async function receiver(answer: (n: number) => { status: number; body?: string } | null = () => ({ status: 204 })) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const a = answer(received.length);
      received.push({ headers: req.headers, body });
      if (a) res.writeHead(a.status).end(a.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

afterEach(async () => {
  await db.delete(webhookSubscriptions);
});
afterAll(() => {
  for (const s of servers) s.closeAllConnections();
  for (const s of servers) s.close();
});

async function admin() {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id);
  const [orgnr] = await db.execute<{ orgnr: string }>(sql`select orgnr from organisations where id = ${org.id}`);
  return { ...user, organisationIds: [org.id], org, orgnr: orgnr!.orgnr };
}

/** Dates the organisation's creation, so a deadline in the test's calendar finds it (or not) as a client. */
async function existedSince(organisationId: string, date: string) {
  await db.execute(sql`update organisations set created_at = ${date}::timestamptz where id = ${organisationId}`);
}

const ALL_EVENTS = [
  "submission.accepted",
  "submission.rejected",
  "submission.failed",
  "feedback.received",
  "deadline.approaching",
] as const;

async function subscribe(a: Awaited<ReturnType<typeof admin>>, url: string, events = [...ALL_EVENTS]) {
  return db.transaction((tx) =>
    createWebhook(tx, a, { name: "Lønnssystem", url, events, organisationIds: a.organisationIds }, SANDBOX),
  );
}

/** An A-melding with a named, identified person and amounts, so a payload that leaked them would show it. */
async function submission(a: Awaited<ReturnType<typeof admin>>) {
  const fnr = syntheticFodselsnummer();
  const payload = testLeveranse(a.orgnr, a.orgnr, "2026-10");
  const mottaker = payload.oppgave.virksomhet[0]!.inntektsmottaker[0]!;
  Object.assign(mottaker, { norskIdentifikator: fnr, identifiserendeInformasjon: { navn: "Kari Nordmann" } });
  const created = await db.transaction((tx) =>
    createSubmission(tx, a, { organisationId: a.org.id, kind: "amelding", subject: "2026-10", payload, queue: false }),
  );
  return { ...created, fnr };
}

async function setStatus(id: string, status: "accepted" | "rejected" | "failed", errorCode: string | null = null) {
  await db.update(submissions).set({ status, lastErrorCode: errorCode }).where(eq(submissions.id, id));
}

async function deliveriesOf(subscriptionId: string) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId));
}

/** The error of each delivery attempt to the subscription (null for one that was answered 2xx). */
async function attemptErrorsOf(subscriptionId: string) {
  const rows = await db
    .select({ error: webhookDeliveryAttempts.error })
    .from(webhookDeliveryAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookDeliveryAttempts.deliveryId))
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId));
  return rows.map((r) => r.error);
}

describe("webhooks (real PostgreSQL, delivered over HTTP)", () => {
  it("queues an event in the transaction of the status change, and signs it per Standard Webhooks", async () => {
    const a = await admin();
    const hook = await receiver();
    const { subscriptionId, secret } = await subscribe(a, hook.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const s = await submission(a);

    // A change rolled back queues nothing.
    await db
      .transaction(async (tx) => {
        await tx.update(submissions).set({ status: "accepted" }).where(eq(submissions.id, s.submissionId));
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await deliveriesOf(subscriptionId)).toHaveLength(0);

    await setStatus(s.submissionId, "accepted");
    expect(await deliveriesOf(subscriptionId)).toHaveLength(1);
    await deliverDueWebhooks(db, DELIVERY);

    expect(hook.received).toHaveLength(1);
    const [message] = hook.received;
    // Verified by an independent implementation of the specification.
    const verified = new Webhook(secret).verify(message!.body, {
      "webhook-id": String(message!.headers["webhook-id"]),
      "webhook-timestamp": String(message!.headers["webhook-timestamp"]),
      "webhook-signature": String(message!.headers["webhook-signature"]),
    }) as { type: string; data: Record<string, unknown> };
    expect(verified.type).toBe("submission.accepted");
    expect(verified.data).toMatchObject({
      submissionId: s.submissionId,
      organisationNumber: a.orgnr,
      kind: "amelding",
      status: "accepted",
      period: "2026-10",
    });
    const [delivery] = await deliveriesOf(subscriptionId);
    expect(delivery).toMatchObject({ status: "delivered", nextAttemptAt: null, lastResponseStatus: 204 });
    expect(message!.headers["webhook-id"]).toBe(`msg_${delivery!.id}`);
  });

  it("sends no personal data: no fødselsnummer, name or amount, only the documented fields", async () => {
    const a = await admin();
    const hook = await receiver();
    await subscribe(a, hook.url);
    const s = await submission(a);
    await setStatus(s.submissionId, "accepted");
    await db.insert(ameldingFeedback).values({ submissionId: s.submissionId, status: "waiting" });
    await db
      .update(ameldingFeedback)
      .set({
        status: "deviations",
        parsed: {
          outcome: "accepted_with_deviations",
          statedResult: null,
          deviations: [
            {
              code: "ORRR_119",
              severity: "guideline",
              message: "Kari Nordmann mangler",
              person: { identifier: s.fnr, name: "Kari Nordmann" },
              virksomhet: a.orgnr,
              sti: null,
              fieldPath: null,
            },
            {
              code: "ORRR_042",
              severity: "immediate",
              message: null,
              person: { identifier: s.fnr, name: "Kari Nordmann" },
              virksomhet: null,
              sti: null,
              fieldPath: null,
            },
          ],
          sums: {
            sumForskuddstrekk: 7000,
            sumArbeidsgiveravgift: 5640,
            kontonummer: "12345678903",
            kid: null,
            forfallsdato: null,
          },
          meldingsId: "m-1",
          forsendelseId: "f-1",
          processedAt: null,
        },
      })
      .where(eq(ameldingFeedback.submissionId, s.submissionId));
    await deliverDueWebhooks(db, DELIVERY);
    await deliverDueWebhooks(db, DELIVERY);

    expect(hook.received.map((r) => JSON.parse(r.body).type).sort()).toEqual([
      "feedback.received",
      "submission.accepted",
    ]);
    for (const { body } of hook.received) {
      for (const personal of [s.fnr, "Kari Nordmann", "Nordmann", "40000", "7000", "5640", "12345678903"])
        expect(body).not.toContain(personal);
      const parsed = JSON.parse(body);
      expect(Object.keys(parsed).sort()).toEqual(["data", "timestamp", "type"]);
      const allowed =
        parsed.type === "feedback.received"
          ? [
              "deviationCount",
              "errorCodes",
              "feedbackStatus",
              "highestSeverity",
              "kind",
              "organisationNumber",
              "outcome",
              "period",
              "submissionId",
            ]
          : [
              "errorCode",
              "kind",
              "organisationNumber",
              "period",
              "reasonCode",
              "receivedIds",
              "status",
              "submissionId",
              "versionId",
            ];
      expect(Object.keys(parsed.data).sort()).toEqual(allowed);
    }
    const feedback = JSON.parse(hook.received.find((r) => r.body.includes("feedback.received"))!.body);
    expect(feedback.data).toMatchObject({
      highestSeverity: "immediate",
      deviationCount: 2,
      feedbackStatus: "deviations",
      outcome: "accepted_with_deviations",
    });
    expect([...feedback.data.errorCodes].sort()).toEqual(["ORRR_042", "ORRR_119"]);
  });

  it("retries with backoff, logs each attempt's code, duration and truncated body, and resends on request (audited)", async () => {
    const a = await admin();
    const hook = await receiver((n) =>
      n === 0 ? { status: 500, body: "x".repeat(5000) } : { status: 200, body: "ok" },
    );
    const { subscriptionId } = await subscribe(a, hook.url);
    const s = await submission(a);
    await setStatus(s.submissionId, "rejected", "OAR_005");

    await deliverDueWebhooks(db, DELIVERY);
    let [delivery] = await deliveriesOf(subscriptionId);
    expect(delivery).toMatchObject({ status: "pending", lastResponseStatus: 500, roundAttempts: 1 });
    await new Promise((r) => setTimeout(r, 20));
    await deliverDueWebhooks(db, DELIVERY);
    [delivery] = await deliveriesOf(subscriptionId);
    expect(delivery).toMatchObject({ status: "delivered", lastResponseStatus: 200, attemptCount: 2 });
    expect(JSON.parse(hook.received[0]!.body).data).toMatchObject({ status: "rejected", errorCode: "OAR_005" });
    // The same message on every attempt.
    expect(hook.received[1]!.headers["webhook-id"]).toBe(hook.received[0]!.headers["webhook-id"]);

    const [log] = await listRecentDeliveries(db, a.organisationIds, [subscriptionId]);
    expect(log!.attempts.map((x) => [x.attemptNo, x.responseStatus, x.responseBody?.length])).toEqual([
      [2, 200, 2],
      [1, 500, 2000],
    ]);
    expect(log!.attempts[1]!.error).toBe("http_status");

    const other = await admin();
    await expect(db.transaction((tx) => resendWebhookDelivery(tx, other, delivery!.id))).rejects.toMatchObject({
      code: "not_found",
    });
    await db.transaction((tx) => resendWebhookDelivery(tx, a, delivery!.id));
    await deliverDueWebhooks(db, DELIVERY);
    expect(hook.received).toHaveLength(3);
    expect(hook.received[2]!.headers["webhook-id"]).toBe(hook.received[0]!.headers["webhook-id"]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, subscriptionId), eq(auditLog.action, "webhook.resend")));
    expect(audit?.details).toMatchObject({ deliveryId: delivery!.id, eventType: "submission.rejected" });
  });

  it("keeps delivering to good endpoints while one endpoint hangs", async () => {
    const a = await admin();
    const b = await admin();
    const hanging = await receiver(() => null);
    const good = await receiver();
    await subscribe(a, hanging.url);
    await subscribe(b, good.url);
    const stuck = await submission(a);
    await setStatus(stuck.submissionId, "failed");
    for (let i = 0; i < 3; i++) await setStatus((await submission(b)).submissionId, "accepted");

    const loop = startWebhookDelivery(db, {
      ...DELIVERY,
      timeoutMs: 4000,
      pollMs: 20,
      concurrency: 4,
      workerId: "test",
    });
    try {
      const started = Date.now();
      while (good.received.length < 3 && Date.now() - started < 3000) await new Promise((r) => setTimeout(r, 20));
      expect(good.received).toHaveLength(3);
      expect(hanging.received).toHaveLength(1);
    } finally {
      await loop.stop();
    }
  });

  it("sends an endpoint one delivery at a time, however many worker processes claim", async () => {
    const a = await admin();
    const hanging = await receiver(() => null);
    await subscribe(a, hanging.url);
    for (let i = 0; i < 3; i++) await setStatus((await submission(a)).submissionId, "failed");
    const workers = ["one", "two"].map((workerId) =>
      startWebhookDelivery(db, { ...DELIVERY, timeoutMs: 3000, pollMs: 20, concurrency: 4, workerId }),
    );
    try {
      await new Promise((r) => setTimeout(r, 1000));
      // Both workers polled about fifty times while the first request hung.
      expect(hanging.received).toHaveLength(1);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });

  it("turns a subscription off after repeated failed deliveries, audits it, tells its users, and queues nothing more for it", async () => {
    const a = await admin();
    const hook = await receiver(() => ({ status: 503 }));
    const { subscriptionId } = await subscribe(a, hook.url);
    const options = { ...DELIVERY, maxAttempts: 1, disableAfterFailedDeliveries: 2 };
    for (let i = 0; i < 2; i++) {
      await setStatus((await submission(a)).submissionId, "failed");
      await deliverDueWebhooks(db, options);
    }
    const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, subscriptionId));
    expect(row).toMatchObject({ enabled: false, disabledReason: "failures", consecutiveFailures: 2 });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, subscriptionId), eq(auditLog.action, "webhook.auto_disable")));
    expect(audit?.organisationIds).toEqual(a.organisationIds);
    // The organisation's users are told in the notification centre, once.
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, a.id), eq(notifications.kind, "webhook_disabled")));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ organisationId: a.org.id, link: "/webhooks" });
    await setStatus((await submission(a)).submissionId, "failed");
    expect(await deliveriesOf(subscriptionId)).toHaveLength(2);
    const [listed] = await listWebhooks(db, a.organisationIds);
    expect(listed).toMatchObject({ enabled: false, disabledReason: "failures" });

    // Turned on again by an admin: the count starts over.
    await db.transaction((tx) => setWebhookEnabled(tx, a, subscriptionId, true));
    const [again] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, subscriptionId));
    expect(again).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
  });

  it("signs with both secrets during a rotation's grace period", async () => {
    const a = await admin();
    const hook = await receiver();
    const { subscriptionId, secret: oldSecret } = await subscribe(a, hook.url);
    const { secret: newSecret } = await db.transaction((tx) => rotateWebhookSecret(tx, a, subscriptionId, SANDBOX));
    await setStatus((await submission(a)).submissionId, "accepted");
    await deliverDueWebhooks(db, DELIVERY);
    const [message] = hook.received;
    const headers = {
      "webhook-id": String(message!.headers["webhook-id"]),
      "webhook-timestamp": String(message!.headers["webhook-timestamp"]),
      "webhook-signature": String(message!.headers["webhook-signature"]),
    };
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(message!.body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(message!.body, headers)).not.toThrow();

    // After the grace period only the new secret signs.
    await db.update(webhookSubscriptions).set({ previousSecretExpiresAt: sql`now() - interval '1 second'` });
    await setStatus((await submission(a)).submissionId, "accepted");
    await deliverDueWebhooks(db, DELIVERY);
    const later = hook.received[1]!;
    const laterHeaders = {
      ...headers,
      "webhook-id": String(later.headers["webhook-id"]),
      "webhook-timestamp": String(later.headers["webhook-timestamp"]),
      "webhook-signature": String(later.headers["webhook-signature"]),
    };
    expect(() => new Webhook(oldSecret).verify(later.body, laterHeaders)).toThrow();
    expect(() => new Webhook(newSecret).verify(later.body, laterHeaders)).not.toThrow();
  });

  it("refuses private and link-local addresses when saving, and again at delivery time (SSRF)", async () => {
    const a = await admin();
    for (const url of [
      "https://10.0.0.5/hook",
      "https://169.254.169.254/latest",
      "https://[::1]/x",
      "https://[fd00::1]/x",
      "https://[::ffff:192.168.1.1]/x",
    ])
      await expect(
        db.transaction((tx) =>
          createWebhook(
            tx,
            a,
            { name: "x", url, events: ["submission.accepted"], organisationIds: a.organisationIds },
            PRODUCTION,
          ),
        ),
      ).rejects.toMatchObject({ fieldErrors: { url: ["url_address"] } });
    // http to localhost: only in sandbox and test mode.
    await expect(
      db.transaction((tx) =>
        createWebhook(
          tx,
          a,
          {
            name: "x",
            url: "http://127.0.0.1:9/x",
            events: ["submission.accepted"],
            organisationIds: a.organisationIds,
          },
          PRODUCTION,
        ),
      ),
    ).rejects.toMatchObject({ fieldErrors: { url: ["url_scheme"] } });
    await expect(
      db.transaction((tx) =>
        createWebhook(
          tx,
          a,
          {
            name: "x",
            url: "http://example.com/x",
            events: ["submission.accepted"],
            organisationIds: a.organisationIds,
          },
          SANDBOX,
        ),
      ),
    ).rejects.toMatchObject({ fieldErrors: { url: ["url_scheme"] } });

    // A name that resolved to a public address when saved and to a private one now.
    const hook = await receiver();
    const [row] = await db
      .insert(webhookSubscriptions)
      .values({ name: "x", url: "https://hooks.example.test/x", events: ["submission.accepted"], secret: "whsec_AAAA" })
      .returning();
    await db.execute(sql`insert into webhook_subscription_organisations values (${row!.id}, ${a.org.id})`);
    await setStatus((await submission(a)).submissionId, "accepted");
    await deliverDueWebhooks(db, {
      ...DELIVERY,
      urlPolicy: { allowLocalHttp: false },
      resolve: async () => ["10.1.2.3"],
    });
    expect(await attemptErrorsOf(row!.id)).toEqual(["address:address"]);
    expect(hook.received).toHaveLength(0);
  });

  it("keeps the signing secret encrypted at rest, and a secret it cannot open signs nothing", async () => {
    const a = await admin();
    const hook = await receiver();
    const { subscriptionId, secret } = await subscribe(a, hook.url);
    const stored = async () =>
      (await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, subscriptionId)))[0]!;
    // Neither the secret nor its key bytes are in the row.
    const key = secret.slice("whsec_".length);
    expect((await stored()).secret).not.toContain(key);
    expect((await stored()).secret).not.toContain(Buffer.from(key, "base64").toString("hex"));
    await db.transaction((tx) => rotateWebhookSecret(tx, a, subscriptionId, SANDBOX));
    expect((await stored()).previousSecret).not.toContain(key);

    // A secret stored in clear before this change is sealed by the worker, and still signs.
    await db
      .update(webhookSubscriptions)
      .set({ secret, previousSecret: null })
      .where(eq(webhookSubscriptions.id, subscriptionId));
    expect(await sealClearWebhookSecrets(db, KEY)).toBeGreaterThanOrEqual(1);
    expect((await stored()).secret).not.toContain(key);
    await setStatus((await submission(a)).submissionId, "accepted");
    await deliverDueWebhooks(db, DELIVERY);
    expect(hook.received).toHaveLength(1);
    const message = hook.received[0]!;
    expect(() =>
      new Webhook(secret).verify(message.body, {
        "webhook-id": String(message.headers["webhook-id"]),
        "webhook-timestamp": String(message.headers["webhook-timestamp"]),
        "webhook-signature": String(message.headers["webhook-signature"]),
      }),
    ).not.toThrow();

    // Under another AUTH_SECRET the stored secret cannot be opened: the attempt fails, nothing is sent.
    await setStatus((await submission(a)).submissionId, "accepted");
    await deliverDueWebhooks(db, {
      ...DELIVERY,
      secretKey: webhookSecretKey("another-auth-secret-0123456789abcdefgh"),
    });
    expect(hook.received).toHaveLength(1);
    expect((await attemptErrorsOf(subscriptionId)).sort()).toEqual([null, "secret"]);
  });

  it("does not connect to a name re-pointed at our own network after the check (DNS rebinding)", async () => {
    const a = await admin();
    // A TLS listener on loopback: any connection it gets is the delivery reaching our own network.
    const connections: string[] = [];
    const inside = createServer();
    inside.on("connection", (socket) => {
      connections.push(socket.remoteAddress ?? "");
      socket.destroy();
    });
    await new Promise<void>((resolve) => inside.listen(0, "127.0.0.1", resolve));
    servers.push(inside);
    const port = (inside.address() as AddressInfo).port;
    const [row] = await db
      .insert(webhookSubscriptions)
      .values({ name: "x", url: `https://localhost:${port}/x`, events: ["submission.accepted"], secret: "whsec_AAAA" })
      .returning();
    await db.execute(sql`insert into webhook_subscription_organisations values (${row!.id}, ${a.org.id})`);
    await setStatus((await submission(a)).submissionId, "accepted");
    // The check before the delivery is told the name is public; the system resolver, asked when
    // the connection is made, answers 127.0.0.1.
    await deliverDueWebhooks(db, {
      ...DELIVERY,
      urlPolicy: { allowLocalHttp: false },
      resolve: async () => ["93.184.216.34"],
    });
    expect(await attemptErrorsOf(row!.id)).toEqual(["address:address"]);
    expect(connections).toEqual([]);
  });

  it("is managed only by admins of all its organisations, every change audited", async () => {
    const a = await admin();
    const b = await admin();
    const hook = await receiver();
    const { subscriptionId } = await subscribe(a, hook.url);
    await expect(
      db.transaction((tx) =>
        createWebhook(
          tx,
          a,
          { name: "x", url: hook.url, events: ["submission.accepted"], organisationIds: b.organisationIds },
          SANDBOX,
        ),
      ),
    ).rejects.toMatchObject({ fieldErrors: { organisationIds: ["organisationInvalid"] } });
    expect(await listWebhooks(db, b.organisationIds)).toEqual([]);
    for (const change of [
      (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) =>
        updateWebhook(
          tx,
          b,
          {
            subscriptionId,
            name: "y",
            url: hook.url,
            events: ["submission.failed"],
            organisationIds: b.organisationIds,
          },
          SANDBOX,
        ),
      (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => setWebhookEnabled(tx, b, subscriptionId, false),
      (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => rotateWebhookSecret(tx, b, subscriptionId, SANDBOX),
      (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => deleteWebhook(tx, b, subscriptionId),
    ])
      await expect(db.transaction(change)).rejects.toMatchObject({ code: "not_found" });

    await db.transaction((tx) =>
      updateWebhook(
        tx,
        a,
        {
          subscriptionId,
          name: "Nytt navn",
          url: hook.url,
          events: ["submission.failed"],
          organisationIds: a.organisationIds,
        },
        SANDBOX,
      ),
    );
    await db.transaction((tx) => setWebhookEnabled(tx, a, subscriptionId, false));
    await db.transaction((tx) => deleteWebhook(tx, a, subscriptionId));
    const actions = await db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.targetId, subscriptionId))
      .orderBy(auditLog.id);
    expect(actions.map((x) => x.action)).toEqual([
      "webhook.create",
      "webhook.update",
      "webhook.disable",
      "webhook.delete",
    ]);
    expect(JSON.stringify(actions)).not.toContain("whsec_");
  });

  it("enqueues deadline.approaching once per organisation and month, while the A-melding is not sent", async () => {
    const a = await admin();
    const hook = await receiver();
    const { subscriptionId } = await subscribe(a, hook.url, ["deadline.approaching"]);
    await existedSince(a.org.id, "2026-01-01");
    // The A-melding for 2026-10 is due 2026-11-05 (a Thursday); 2026-11-03 is two working days before.
    const now = new Date("2026-11-03T08:00:00Z");
    expect(await enqueueDeadlineEvents(db, new Date("2026-10-28T08:00:00Z"))).toBe(0);
    await enqueueDeadlineEvents(db, now);
    await enqueueDeadlineEvents(db, now);
    const queued = await deliveriesOf(subscriptionId);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({
      type: "deadline.approaching",
      data: { organisationNumber: a.orgnr, period: "2026-10", deadline: "2026-11-05", workingDaysLeft: 2 },
    });

    // An organisation whose A-melding is accepted gets none.
    const b = await admin();
    const { subscriptionId: bSub } = await subscribe(b, hook.url, ["deadline.approaching"]);
    await existedSince(b.org.id, "2026-01-01");
    await setStatus((await submission(b)).submissionId, "accepted");
    await enqueueDeadlineEvents(db, now);
    expect(await deliveriesOf(bSub)).toHaveLength(0);

    // Nor one added after the deadline: it was never asked for that month (the notification's rule).
    const c = await admin();
    const { subscriptionId: cSub } = await subscribe(c, hook.url, ["deadline.approaching"]);
    await existedSince(c.org.id, "2026-11-06");
    await enqueueDeadlineEvents(db, now);
    expect(await deliveriesOf(cSub)).toHaveLength(0);
  });
});

describe("webhook retry delays", () => {
  it("double from the base with each attempt, at most an hour, with ±20 % jitter", () => {
    const at = (n: number, random: number) => webhookRetryDelayMs(n, 30_000, () => random);
    expect([1, 2, 3, 4].map((n) => at(n, 0.5))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(at(20, 0.5)).toBe(3600_000);
    expect(at(1, 0)).toBe(24_000);
    expect(at(1, 0.999_999)).toBeLessThanOrEqual(36_000);
  });
});
