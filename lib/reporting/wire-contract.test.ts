import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "@/lib/sandbox/skatteetaten/server";
import { fakeVerifyToken } from "@/lib/sandbox/skatteetaten/test-support";
import type { SandboxSkatteetatenHandle } from "@/lib/sandbox/skatteetaten/types";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { testArbeidstakere, testOppdrag } from "@/lib/testing/report-fixtures";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
import { type IdempotencyKeyPlacement, idempotencyKeyPlacement, type OutgoingRequest } from "./adapter";
import { createAmeldingAdapter } from "./amelding/amelding-adapter";
import { createOarAdapter } from "./oar/oar-adapter";

/*
 * Our adapters against the sandbox, which is built from Skatteetaten's published contract and
 * shares no code with them (docs/skatteetaten-contract.md): what the adapters send is what the
 * contract takes, including where the idempotency key travels.
 */

const ORG = "310900125";
let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

function send(req: OutgoingRequest) {
  return fetch(req.url, {
    method: req.method,
    headers: { ...req.headers, Authorization: "Bearer good-token" },
    body: req.body,
  });
}

function requests(keyIn: IdempotencyKeyPlacement) {
  const context = { idempotencyKey: randomUUID(), orgnr: ORG, existsAtSkatteetaten: false };
  const oar = createOarAdapter({ baseUrl: sandbox.oarBaseUrl, idempotencyKeyIn: keyIn }).buildRequest(
    testOppdrag(ORG),
    context,
  );
  const leveranse = generateLeveranse({ opplysningspliktig: ORG, virksomhet: "310900230", persons: 3 });
  const amelding = createAmeldingAdapter({ baseUrl: sandbox.ameldingBaseUrl, idempotencyKeyIn: keyIn }).buildRequest(
    leveranse,
    context,
  );
  return { oar, amelding };
}

describe("wire contract: our adapters against the sandbox", () => {
  it("sends the idempotency key as an idempotencyKey header unless configured otherwise", () => {
    expect(idempotencyKeyPlacement(undefined)).toBe("header");
    expect(idempotencyKeyPlacement("header")).toBe("header");
    expect(idempotencyKeyPlacement("query")).toBe("query");
  });

  it("has an OAR report and an A-melding accepted with the key in the header", async () => {
    const { oar, amelding } = requests(idempotencyKeyPlacement(undefined));
    expect(oar.headers.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const answers = [await send(oar), await send(amelding)];
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(sandbox.processedCount()).toBe(2);
  });

  it("fails in our own tests when the key is put where the sandbox does not read it", async () => {
    const { oar, amelding } = requests("query");
    const oarAnswer = await send(oar);
    const ameldingAnswer = await send(amelding);
    expect([oarAnswer.status, ameldingAnswer.status]).toEqual([400, 400]);
    expect(await oarAnswer.json()).toMatchObject({ kode: "OAR_003", spesifisering: [{ kode: "OAR_1005" }] });
    expect(await ameldingAnswer.json()).toMatchObject({ kode: "AMLD_006", spesifisering: [{ kode: "AMLD_1028" }] });
    expect(sandbox.processedCount()).toBe(0);
  });

  it("has an OAR report with arbeidstakere accepted, and its change with the change date", async () => {
    const adapter = createOarAdapter({ baseUrl: sandbox.oarBaseUrl, idempotencyKeyIn: "header" });
    const oppdrag = testOppdrag(ORG, {
      arbeidstakere: testArbeidstakere(syntheticFodselsnummer()),
    });
    const context = { orgnr: ORG, existsAtSkatteetaten: false };
    expect((await send(adapter.buildRequest(oppdrag, { ...context, idempotencyKey: randomUUID() }))).status).toBe(200);
    const change = adapter.buildRequest(
      { ...oppdrag, endringsdato: "2026-11-20" },
      { ...context, idempotencyKey: randomUUID(), existsAtSkatteetaten: true },
    );
    expect((await send(change)).status).toBe(200);
    expect(sandbox.processedCount()).toBe(2);
  });
});
