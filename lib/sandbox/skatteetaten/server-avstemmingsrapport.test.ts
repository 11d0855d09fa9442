import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "./server";
import { ameldingRequest, call, expectError, fakeVerifyToken, ORG_A, ORG_B, send, testLeveranse } from "./test-support";
import type { SandboxSkatteetatenHandle } from "./types";

/*
 * The reconciliation report API as the sandbox serves it, tested against the published facts
 * (docs/api/avstemmingsrapport-amelding.md) and our documented wire choice (docs/reconciliation.md),
 * with requests written here by hand, never with our adapter.
 */

let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken, feedbackDelay: "manual" });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const FNR = "15858810008";
const url = () => `${sandbox.url}/avstemmingsrapport-amelding/v1/avstemmingsrapport`;
const ask = (
  body: unknown = { opplysningspliktig: ORG_A, kalendermaaned: "2026-10" },
  opts: { token?: string | null; headers?: Record<string, string | undefined>; key?: string } = {},
) =>
  call(url(), {
    token: opts.token,
    headers: { idempotencyKey: opts.key ?? randomUUID(), ...opts.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Sends an A-melding to the sandbox's own A-melding API, with one identified person. */
async function sendAmelding(overrides: Record<string, unknown> = {}) {
  const leveranse = testLeveranse(overrides);
  leveranse.oppgave.virksomhet[0].inntektsmottaker[0].norskIdentifikator = FNR;
  leveranse.oppgave.virksomhet[0].arbeidsgiveravgift = {
    loennOgGodtgjoerelse: [{ avgiftsgrunnlagBeloep: "40000", prosentsatsForAvgiftsberegning: "14.1" }],
  };
  expect((await send(ameldingRequest(sandbox, leveranse))).status).toBe(200);
  return leveranse;
}

describe("reconciliation report sandbox", () => {
  it("builds the report from the A-meldinger its own A-melding API accepted, a replacement standing for what it replaces", async () => {
    const first = await sendAmelding();
    await sendAmelding({ meldingsId: "m-replacement", erstatterMeldingsId: first.meldingsId });
    const answer = await ask();
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      opplysningspliktig: ORG_A,
      kalendermaaned: "2026-10",
      mottatteMeldinger: [{ meldingsId: "m-replacement" }],
      sumForskuddstrekk: -7000,
      sumArbeidsgiveravgift: 5640,
      inntektsmottaker: [{ norskIdentifikator: FNR, sumInntekt: 40000, sumForskuddstrekk: -7000 }],
      virksomhet: [{ norskIdentifikator: ORG_B, sumArbeidsgiveravgift: 5640 }],
    });
  });

  it("states an injected difference (POST /__control/reconciliation), and no longer once cleared", async () => {
    await sendAmelding();
    const control = await call(`${sandbox.url}/__control/reconciliation`, {
      token: null,
      body: JSON.stringify([
        { orgnr: ORG_A, kalendermaaned: "2026-10", norskIdentifikator: FNR, kind: "inntekt", delta: 2500 },
      ]),
    });
    expect(control.json).toEqual({ ok: true, adjustments: 1 });
    expect((await ask()).json.inntektsmottaker).toEqual([
      { norskIdentifikator: FNR, sumInntekt: 42500, sumForskuddstrekk: -7000 },
    ]);
    const bad = await call(`${sandbox.url}/__control/reconciliation`, { token: null, body: '[{"orgnr":"x"}]' });
    expect(bad.status).toBe(400);
    await call(`${sandbox.url}/__control/reconciliation`, { token: null, method: "DELETE" });
    expect((await ask()).json.inntektsmottaker[0].sumInntekt).toBe(40000);
  });

  it("answers the same report for the same key and body, and 409 AMLD_019 for the key with another body", async () => {
    await sendAmelding();
    const key = randomUUID();
    const first = await ask(undefined, { key });
    sandbox.setReconciliationAdjustments([
      { orgnr: ORG_A, kalendermaaned: "2026-10", norskIdentifikator: FNR, kind: "inntekt", delta: 1 },
    ]);
    const again = await ask(undefined, { key });
    expect(again.text).toBe(first.text);
    expectError(await ask({ opplysningspliktig: ORG_A, kalendermaaned: "2026-09" }, { key }), 409, "AMLD_019", null);
  });

  it("checks the token, the system user, the headers and the idempotency key as the A-melding API does", async () => {
    await sendAmelding();
    expectError(await ask(undefined, { token: null }), 401, "AMLD_004", "AMLD_1008");
    expectError(await ask(undefined, { token: "wrong-scope" }), 403, "AMLD_005");
    expectError(await ask(undefined, { token: "no-systemuser" }), 401, "AMLD_004", "AMLD_1063");
    // Another organisation's system user may not read this organisation's report.
    expectError(await ask(undefined, { token: "good-token-b" }), 403, "AMLD_005", "AMLD_1015");
    expectError(await ask(undefined, { headers: { Accept: "application/xml" } }), 400, "AMLD_006", "AMLD_1030");
    expectError(await ask(undefined, { headers: { "Content-Type": "text/plain" } }), 400, "AMLD_006", "AMLD_1047");
    expectError(await ask(undefined, { headers: { idempotencyKey: undefined } }), 400, "AMLD_006", "AMLD_1028");
    expectError(await ask(undefined, { headers: { idempotencyKey: "nøkkel" } }), 400, "AMLD_006", "AMLD_1022");
    expectError(await call(url(), { method: "GET" }), 405, "AMLD_022", null);
  });

  it("refuses a body of the wrong shape, an unknown organisation or a month it has nothing for, with the documented codes", async () => {
    expectError(await ask("{"), 400, "AMLD_008", "AMLD_1032");
    expectError(await ask({ opplysningspliktig: ORG_A }), 400, "AMLD_008", "AMLD_1032");
    expectError(
      await ask({ opplysningspliktig: ORG_A, kalendermaaned: "2026-10", ekstra: 1 }),
      400,
      "AMLD_008",
      "AMLD_1032",
    );
    expectError(await ask({ opplysningspliktig: ORG_A, kalendermaaned: "2026/10" }), 400, "AMLD_010", null);
    expectError(await ask({ opplysningspliktig: ORG_A, kalendermaaned: "2014-12" }), 400, "AMLD_006", "AMLD_1027");
    // Nothing received from the organisation at all.
    expectError(await ask(), 404, "AMLD_021", "AMLD_1023");
    await sendAmelding();
    const noMonth = expectError(
      await ask({ opplysningspliktig: ORG_A, kalendermaaned: "2026-09" }),
      404,
      "AMLD_021",
      "AMLD_1023",
    );
    expect(noMonth.spesifisering?.[0]?.sti).toBe("/kalendermaaned");
  });
});
