import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMaskinportenClient, type MaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { AMELDING_SCOPE, createAmeldingAdapter } from "@/lib/reporting/amelding/amelding-adapter";
import { feedbackRequest, findFeedbackTransmission, readFeedbackBody } from "@/lib/reporting/amelding/feedback-adapter";
import { sendRequest } from "@/lib/reporting/send-request";
import { buildDemoSandboxClient } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { generateTestKey } from "@/lib/sandbox/maskinporten/test-fixture";
import { type Sandbox, startSandbox } from "@/lib/sandbox/start-sandbox";
import { testLeveranse } from "@/lib/testing/report-fixtures";
import { DIALOGPORTEN_SCOPE, organisationParty } from "./dialogporten-types";
import { createDialogportenEndUserClient, type DialogportenEndUserClient, DialogportenError } from "./enduser-client";

const ORG = "310900125";
const OTHER = "310900230";
const VIRKSOMHET = "310900346";

let sandbox: Sandbox;
let tokens: MaskinportenClient;
let client: DialogportenEndUserClient;

beforeAll(async () => {
  const key = generateTestKey();
  const clientId = randomUUID();
  sandbox = await startSandbox({
    clients: [buildDemoSandboxClient({ clientId, publicJwk: key.publicJwk, orgnrs: [ORG, OTHER] })],
    feedbackDelay: "manual",
  });
  tokens = createMaskinportenClient(
    loadMaskinportenConfig({
      APP_MODE: "sandbox",
      MASKINPORTEN_ISSUER: sandbox.maskinporten.issuer,
      MASKINPORTEN_CLIENT_ID: clientId,
      MASKINPORTEN_KID: key.kid,
      MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
    }),
  );
  client = createDialogportenEndUserClient({
    platformUrl: sandbox.altinn.url,
    timeoutMs: 5000,
    getToken: async (orgnr) =>
      (await tokens.getToken({ scopes: [DIALOGPORTEN_SCOPE], systemUserOrg: orgnr })).accessToken,
  });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.skatteetaten.reset());

/** Sends an A-melding the way the delivery engine does; returns the ids Skatteetaten answered. */
async function submit(orgnr: string, leveranse = testLeveranse(orgnr, VIRKSOMHET)) {
  const adapter = createAmeldingAdapter({ baseUrl: sandbox.skatteetaten.ameldingBaseUrl, idempotencyKeyIn: "header" });
  const request = adapter.buildRequest(leveranse, { idempotencyKey: randomUUID(), orgnr, existsAtSkatteetaten: false });
  const token = await tokens.getToken({ scopes: [AMELDING_SCOPE], systemUserOrg: orgnr });
  const answer = await sendRequest(request, token.accessToken, { timeoutMs: 5000 });
  if (answer.kind !== "response" || answer.status !== 200) throw new Error(`not accepted: ${JSON.stringify(answer)}`);
  return JSON.parse(answer.body) as { dialogId: string; forsendelseId: string; meldingsId: string };
}

async function fetchFeedback(url: string, orgnr: string) {
  const token = await tokens.getToken({ scopes: [AMELDING_SCOPE], systemUserOrg: orgnr });
  return sendRequest(feedbackRequest(url), token.accessToken, { timeoutMs: 5000 });
}

describe("Dialogporten end-user client against the sandbox", () => {
  it("follows an accepted A-melding from its Submission transmission to the feedback document", async () => {
    const ids = await submit(ORG);
    const dialog = await client.getDialog(ORG, ids.dialogId);
    expect(dialog).toMatchObject({
      id: ids.dialogId,
      party: organisationParty(ORG),
      status: "InProgress",
      externalReference: ids.forsendelseId,
    });
    expect((await client.getTransmissions(ORG, ids.dialogId)).map((t) => t.type)).toEqual(["Submission"]);
    expect(findFeedbackTransmission(await client.getTransmissions(ORG, ids.dialogId))).toEqual({ kind: "none" });

    expect(sandbox.skatteetaten.releaseFeedback()).toBe(1);
    const transmissions = await client.getTransmissions(ORG, ids.dialogId);
    expect(transmissions.map((t) => t.type)).toEqual(["Submission", "Acceptance"]);
    expect(transmissions[1]!.relatedTransmissionId).toBe(transmissions[0]!.id);
    const found = findFeedbackTransmission(transmissions);
    expect(found).toMatchObject({
      kind: "found",
      url: `${sandbox.skatteetaten.url}/amelding-tilbakemelding/v1/tilbakemelding/${ids.forsendelseId}`,
    });

    const answer = await fetchFeedback((found as { url: string }).url, ORG);
    expect(answer).toMatchObject({ kind: "response", status: 200 });
    const read = readFeedbackBody((answer as { body: string }).body);
    // The test leveranse has a person with income but no arbeidsforhold.
    expect(read).toMatchObject({
      ok: true,
      parsed: { outcome: "accepted_with_deviations", meldingsId: ids.meldingsId, forsendelseId: ids.forsendelseId },
    });
    expect((await client.getDialog(ORG, ids.dialogId)).status).toBe("RequiresAttention");
  });

  it("publishes a Rejection when the sandbox is told to reject, on release through the control endpoint", async () => {
    const ids = await submit(ORG, { ...testLeveranse(ORG, VIRKSOMHET), kildesystem: "demo-avvisning" });
    const release = await fetch(`${sandbox.skatteetaten.url}/__control/feedback/release`, { method: "POST" });
    expect(await release.json()).toEqual({ ok: true, released: 1 });
    const transmissions = await client.getTransmissions(ORG, ids.dialogId);
    expect(transmissions.map((t) => t.type)).toEqual(["Submission", "Rejection"]);
    const answer = await fetchFeedback((findFeedbackTransmission(transmissions) as { url: string }).url, ORG);
    expect(readFeedbackBody((answer as { body: string }).body)).toMatchObject({
      ok: true,
      parsed: { outcome: "rejected" },
    });
  });

  it("answers the feedback API with 404 before publication and AMLD_1015 to another organisation", async () => {
    const ids = await submit(ORG);
    const url = `${sandbox.skatteetaten.url}/amelding-tilbakemelding/v1/tilbakemelding/${ids.forsendelseId}`;
    expect(JSON.parse(((await fetchFeedback(url, ORG)) as { body: string }).body)).toMatchObject({
      kode: "AMLD_021",
      spesifisering: [{ kode: "AMLD_1023" }],
    });
    sandbox.skatteetaten.releaseFeedback();
    const other = await fetchFeedback(url, OTHER);
    expect(other).toMatchObject({ status: 403 });
    expect(JSON.parse((other as { body: string }).body)).toMatchObject({
      kode: "AMLD_005",
      spesifisering: [{ kode: "AMLD_1015" }],
    });
  });

  it("lists the party's dialogs newest first across pages, and only the system user's own", async () => {
    const first = await submit(ORG);
    const second = await submit(ORG);
    const third = await submit(ORG);
    await submit(OTHER);
    const paged = await client.searchDialogs(ORG, { limit: 2 });
    expect(paged.map((d) => d.id)).toEqual([third.dialogId, second.dialogId, first.dialogId]);
    expect(await client.searchDialogs(ORG, { limit: 2 }, { maxPages: 1 })).toHaveLength(2);
    expect(await client.searchDialogs(ORG, { serviceResource: ["urn:altinn:resource:something-else"] })).toEqual([]);
    await expect(client.getDialog(OTHER, first.dialogId)).rejects.toMatchObject({ kind: "forbidden", status: 403 });
  });

  it("names the failure: unknown dialog, token without the Dialogporten scope, no token", async () => {
    const missing = await client.getDialog(ORG, randomUUID()).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DialogportenError);
    expect(missing).toMatchObject({ kind: "not_found", status: 404, transient: false });

    const wrongScope = createDialogportenEndUserClient({
      platformUrl: sandbox.altinn.url,
      timeoutMs: 5000,
      getToken: async (orgnr) =>
        (await tokens.getToken({ scopes: [AMELDING_SCOPE], systemUserOrg: orgnr })).accessToken,
    });
    await expect(wrongScope.searchDialogs(ORG)).rejects.toMatchObject({
      kind: "forbidden",
      message: expect.stringContaining("digdir:dialogporten"),
    });
    const res = await fetch(`${sandbox.altinn.url}/dialogporten/api/v1/enduser/dialogs`);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("reports an unreachable Dialogporten as transient", async () => {
    const down = createDialogportenEndUserClient({
      platformUrl: "http://127.0.0.1:9",
      timeoutMs: 2000,
      getToken: async () => "x",
    });
    await expect(down.getDialog(ORG, randomUUID())).rejects.toMatchObject({ kind: "transient", transient: true });
  });
});
