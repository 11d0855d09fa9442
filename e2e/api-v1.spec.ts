import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, expect, request as playwrightRequest, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { leveranse } from "./amelding-helpers";
import { storageStateFor } from "./fixtures";

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/** An admin creates a key on /api-nokler (shown once); the API client then holds nothing but it. */
async function payrollSystemClient(browser: Browser) {
  const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
  await page.goto("/api-nokler");
  await page.getByLabel("Navn").fill(`Lønnssystem ${randomUUID().slice(0, 6)}`);
  await page.locator("#new-key-organisationIds").getByText("310900125").click();
  await page.getByRole("button", { name: "Opprett nøkkel" }).click();
  const key = (await page.getByTestId("created-api-key").locator("code").textContent()) ?? "";
  expect(key).toMatch(/^ir_live_[0-9a-f]{16}_/);
  await page.context().close();

  const api = await playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { Authorization: `Bearer ${key}` },
  });
  const orgs = await api.get("/api/v1/organisations");
  expect(orgs.status(), await orgs.text()).toBe(200);
  expect(orgs.headers()["ratelimit-policy"]).toMatch(/^"per-key";q=\d+;w=60$/);
  const { organisations } = (await orgs.json()) as { organisations: { id: string; orgnr: string }[] };
  expect(organisations.map((o) => o.orgnr)).toEqual(["310900125"]);
  return { api, organisationId: organisations[0]!.id };
}

/**
 * The public API end to end, as a payroll system uses it, over plain HTTP with a key: the
 * organisations, a draft A-melding created, checked and sent as a version, its replayed POST, and
 * its status until Skatteetaten's sandbox accepted it and the feedback came. The admin has also
 * subscribed a webhook on /webhooks (secret shown once): a receiver in this test gets
 * submission.accepted and feedback.received, and checks their signatures with the
 * `standardwebhooks` package, independent of our signer.
 */
test("a payroll system sends an A-melding with an API key and reads its status and feedback", async ({ browser }) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: text });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
  await page.goto("/webhooks");
  await page.locator("#new-webhook-name").fill(`Lønnssystem ${randomUUID().slice(0, 6)}`);
  await page.locator("#new-webhook-url").fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
  await page.locator("#new-webhook-organisationIds").getByText("310900125").click();
  await page.getByRole("button", { name: "Opprett webhook" }).click();
  const secret = (await page.getByTestId("created-webhook-secret").locator("code").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  await page.context().close();

  const { api, organisationId } = await payrollSystemClient(browser);

  const melding = leveranse();
  const body = { kind: "amelding", organisationId, intent: "draft", leveranse: melding };
  const checked = await api.post("/api/v1/submissions/validate", {
    data: body,
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(checked.status(), await checked.text()).toBe(200);

  const idempotencyKey = randomUUID();
  const created = await api.post("/api/v1/submissions", { data: body, headers: { "Idempotency-Key": idempotencyKey } });
  expect(created.status(), await created.text()).toBe(201);
  const { submissionId, status } = (await created.json()) as { submissionId: string; status: string };
  expect(status).toBe("draft");
  const replay = await api.post("/api/v1/submissions", { data: body, headers: { "Idempotency-Key": idempotencyKey } });
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(((await replay.json()) as { submissionId: string }).submissionId).toBe(submissionId);

  const sent = await api.post(`/api/v1/submissions/${submissionId}/versions`, {
    data: { intent: "submit", leveranse: melding },
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  expect(await sent.json()).toEqual({ submissionId, status: "queued", awaitingApproval: false });

  const read = async () => {
    const res = await api.get(`/api/v1/submissions/${submissionId}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as {
      status: string;
      attempts: { outcome: string }[];
      feedback: { status: string; deviations: { code: string | null; severity: string }[] } | null;
    };
  };
  await expect.poll(async () => (await read()).status, { timeout: 30_000 }).toBe("accepted");
  // The feedback is null until the follower starts on it, then "waiting" until it is fetched.
  await expect
    .poll(async () => (await read()).feedback?.status ?? "", { timeout: 30_000 })
    .toMatch(/^(ok|deviations)$/);
  const final = await read();
  expect(final.attempts.map((a) => a.outcome)).toContain("accepted");
  expect(final.feedback?.status).toMatch(/^(ok|deviations)$/);
  const feedback = await api.get(`/api/v1/submissions/${submissionId}/feedback`);
  expect(await feedback.json()).toEqual({ submissionId, feedback: final.feedback });

  const list = await api.get(`/api/v1/submissions?org=${organisationId}&kind=amelding`);
  expect(((await list.json()) as { submissions: { id: string }[] }).submissions.map((s) => s.id)).toContain(
    submissionId,
  );
  await api.dispose();

  // The webhooks, each verified by an independent implementation of Standard Webhooks.
  const eventsFor = () =>
    received.flatMap(({ headers, body: raw }) => {
      const message = new Webhook(secret).verify(raw, {
        "webhook-id": String(headers["webhook-id"]),
        "webhook-timestamp": String(headers["webhook-timestamp"]),
        "webhook-signature": String(headers["webhook-signature"]),
      }) as { type: string; data: { submissionId?: string } };
      return message.data.submissionId === submissionId ? [message] : [];
    });
  await expect
    .poll(
      () =>
        eventsFor()
          .map((e) => e.type)
          .sort(),
      { timeout: 30_000 },
    )
    .toEqual(["feedback.received", "submission.accepted"]);
  expect(eventsFor().find((e) => e.type === "submission.accepted")?.data).toMatchObject({
    organisationNumber: "310900125",
    kind: "amelding",
    status: "accepted",
  });
  // No personal data: the leveranse's fødselsnumre appear in no message.
  const personIds = JSON.stringify(melding).match(/\b\d{11}\b/g) ?? [];
  for (const { body: raw } of received) for (const id of personIds) expect(raw).not.toContain(id);
  receiver.close();
});

test("a payroll system sends an OAR report with an API key: a draft, then sent as stored", async ({ browser }) => {
  const { api, organisationId } = await payrollSystemClient(browser);
  const report = {
    oppdragsgiver: { variant: "norsk", navn: "Fjellvind Bygg AS", organisasjonsnummer: "310900125" },
    oppdragstaker: {
      variant: "utenlandsk",
      navn: "Baltic Steel UAB",
      registreringsnummer: "LT-300400",
      adresseHjemland: { adresselinje: "Gatve 1", poststed: "Vilnius", landkode: "LT" },
    },
    oppdrag: {
      beskrivelse: "Stålmontasje over API",
      arbeidssted: { type: "land", adresse: { adresselinje: "Kaia 2", postnummer: "5003", poststed: "Bergen" } },
      startdato: "2026-11-01",
      forventetSluttdato: "2027-02-28",
      kontraktsverdiNok: 450000,
    },
  };
  const created = await api.post("/api/v1/submissions", {
    data: { kind: "oar", organisationId, intent: "draft", oar: report },
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { submissionId } = (await created.json()) as { submissionId: string };

  const sent = await api.post(`/api/v1/submissions/${submissionId}/submit`, {
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  expect(await sent.json()).toEqual({ submissionId, status: "queued", awaitingApproval: false });

  const status = async () =>
    ((await (await api.get(`/api/v1/submissions/${submissionId}`)).json()) as { status: string }).status;
  await expect.poll(status, { timeout: 30_000 }).toBe("accepted");
  const attempts = await api.get(`/api/v1/submissions/${submissionId}/attempts`);
  const { attempts: list } = (await attempts.json()) as { attempts: { outcome: string; responseStatus: number }[] };
  expect(list.at(-1)).toMatchObject({ outcome: "accepted" });
  await api.dispose();
});
