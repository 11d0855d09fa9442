import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { demoFaultsFor } from "./demo-scenarios";
import { startSandboxSkatteetaten } from "./server";
import {
  ameldingRequest,
  call,
  expectError,
  fakeVerifyToken,
  ORG_A,
  ORG_B,
  oarRequest,
  send,
  testLeveranse,
  testOarBody,
} from "./test-support";
import type { SandboxSkatteetatenHandle } from "./types";

let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const oar = () => oarRequest(sandbox, testOarBody());
const amelding = () => ameldingRequest(sandbox, testLeveranse());

describe("Skatteetaten sandbox faults: status", () => {
  it("answers the default system error once without processing; the retry with the same key succeeds", async () => {
    sandbox.setFaults([{ kind: "status" }]);
    const req = oar();
    expectError(await send(req), 500, "OAR_006");
    expect(sandbox.processedCount()).toBe(0);
    expect((await send(req)).status).toBe(200);
    expect(sandbox.processedCount({ idempotencyKey: req.key })).toBe(1);

    sandbox.setFaults([{ kind: "status" }]);
    expectError(await send(amelding()), 500, "AMLD_001");
  });

  it("answers a chosen status and code; a specification code travels under its main code", async () => {
    sandbox.setFaults([
      { api: "oar", kind: "status", status: 503, code: "OAR_010" },
      { api: "oar", kind: "status", code: "OAR_1009" },
      { api: "amelding", kind: "status", code: "AMLD_1053" },
      { api: "amelding", kind: "status", code: "AMLD_017" },
      { api: "amelding", kind: "status", code: "AMLD_023" },
    ]);
    expectError(await send(oar()), 503, "OAR_010");
    expectError(await send(oar()), 500, "OAR_010", "OAR_1009");
    expectError(await send(amelding()), 500, "AMLD_023", "AMLD_1053");
    expectError(await send(amelding()), 500, "AMLD_017");
    expectError(await send(amelding()), 500, "AMLD_023");
    expect((await send(amelding())).status).toBe(200);
  });

  it("comes before every other check, the token included", async () => {
    sandbox.setFaults([{ kind: "status", code: "OAR_010" }]);
    expectError(await send(oar(), { token: "garbage" }), 500, "OAR_010");
  });

  it("matches on api and orgnr (OAR: oppdragsgiver, A-melding: the path)", async () => {
    sandbox.setFaults([
      { api: "oar", orgnr: ORG_B, kind: "status", count: Infinity },
      { api: "amelding", orgnr: ORG_B, kind: "status", code: "AMLD_023", count: Infinity },
    ]);
    expect((await send(oar())).status).toBe(200);
    expect((await send(amelding())).status).toBe(200);
    const forB = testOarBody({ oppdragsgiver: { navn: "B AS", organisasjonsnummer: ORG_B } });
    expectError(await send(oarRequest(sandbox, forB)), 500, "OAR_006");
    expectError(await send(oarRequest(sandbox, forB)), 500, "OAR_006");
    const leveranseB = testLeveranse({ opplysningspliktig: { norskIdentifikator: ORG_B } });
    expectError(await send(ameldingRequest(sandbox, leveranseB)), 500, "AMLD_023");
  });

  it("aimed at one endpoint of the file-upload API, answers only that endpoint's requests", async () => {
    sandbox.setFaults([
      { endpoint: "PUT /innsending", kind: "status", status: 503, code: "AMLD_023", count: Infinity },
    ]);
    expect((await send(amelding())).status).toBe(200);
    const base = sandbox.ameldingFilopplastingBaseUrl;
    const uploaded = await call(`${base}/opplastinger`, { body: JSON.stringify({ leveranse: testLeveranse() }) });
    expect(uploaded.status).toBe(200);
    const id = (uploaded.json as { id: string }).id;
    expect((await call(`${base}/opplastinger/${id}`, { method: "GET" })).status).toBe(200);
    expectError(await call(`${base}/innsending`, { method: "PUT", body: JSON.stringify({ id }) }), 503, "AMLD_023");
    expect(sandbox.processedCount()).toBe(1);
  });

  it("answers `count` requests, then is gone; clearFaults removes persistent ones", async () => {
    sandbox.setFaults([{ kind: "status", count: 2 }]);
    expect((await send(oar())).status).toBe(500);
    expect((await send(amelding())).status).toBe(500);
    expect((await send(oar())).status).toBe(200);

    sandbox.setFaults([{ kind: "status", count: Infinity }]);
    for (let i = 0; i < 3; i++) expect((await send(oar())).status).toBe(500);
    sandbox.clearFaults();
    expect((await send(oar())).status).toBe(200);
  });
});

describe("Skatteetaten sandbox faults: rate limit", () => {
  it("answers 429 with Retry-After and no body (no code is published for it), and does not process", async () => {
    sandbox.setFaults([
      { api: "oar", kind: "rate_limit", retryAfterSeconds: 7 },
      { api: "amelding", kind: "rate_limit" },
    ]);
    const o = await send(oar());
    expect(o.status).toBe(429);
    expect(o.text).toBe("");
    expect(o.headers.get("retry-after")).toBe("7");
    const a = await send(amelding());
    expect(a.status).toBe(429);
    expect(a.text).toBe("");
    expect(a.headers.get("retry-after")).toBe("1");
    expect(sandbox.processedCount()).toBe(0);
  });
});

describe("Skatteetaten sandbox faults: slow", () => {
  it("answers normally after the delay", async () => {
    sandbox.setFaults([{ kind: "slow", delayMs: 150 }]);
    const started = performance.now();
    expect((await send(amelding())).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("still processes once when the client gave up; the retry gets the replay", async () => {
    sandbox.setFaults([{ kind: "slow", delayMs: 300 }]);
    const req = oar();
    await expect(send(req, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    await vi.waitFor(() => expect(sandbox.processedCount({ idempotencyKey: req.key })).toBe(1), { timeout: 2000 });
    const retry = await send(req);
    expect(retry.status).toBe(200);
    expect(retry.json.forsendelseId).toBe(sandbox.processed()[0]!.forsendelseId);
    expect(sandbox.processedCount()).toBe(1);
  });
});

describe("Skatteetaten sandbox faults: dropped connections", () => {
  it("drop: no answer and no processing; the retry is processed", async () => {
    sandbox.setFaults([{ kind: "drop" }]);
    const req = amelding();
    await expect(send(req)).rejects.toThrow();
    expect(sandbox.processedCount()).toBe(0);
    expect((await send(req)).status).toBe(200);
    expect(sandbox.processedCount({ idempotencyKey: req.key })).toBe(1);
  });

  it("drop_after_processing: processed but unanswered; the retry gets the first answer and the count stays 1", async () => {
    for (const req of [oar(), amelding()]) {
      sandbox.setFaults([{ kind: "drop_after_processing" }]);
      await expect(send(req)).rejects.toThrow();
      expect(sandbox.processedCount({ idempotencyKey: req.key })).toBe(1);
      const retry = await send(req);
      expect(retry.status).toBe(200);
      const record = sandbox.processed().find((r) => r.idempotencyKey === req.key)!;
      expect(retry.json).toMatchObject({ forsendelseId: record.forsendelseId, dialogId: record.dialogId });
      expect(sandbox.processedCount({ idempotencyKey: req.key })).toBe(1);
    }
  });
});

describe("Skatteetaten sandbox: latency and demo scenarios", () => {
  it("adds latencyMs to every API request", async () => {
    const slow = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken, latencyMs: 80 });
    try {
      const started = performance.now();
      expect((await send(ameldingRequest(slow, testLeveranse()))).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    } finally {
      await slow.close();
    }
  });

  it("has no demo faults unless a scenario is configured", () => {
    expect(demoFaultsFor([ORG_A, ORG_B])).toEqual([]);
  });
});

describe("status fault with specification entries", () => {
  it("answers the given code with the given sti, angittVerdi and melding", async () => {
    const sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken });
    try {
      sandbox.setFaults([
        {
          kind: "status",
          status: 400,
          code: "OAR_005",
          spesifisering: [{ sti: "/oppdrag/beskrivelse", angittVerdi: "x", melding: "Beskrivelsen er for kort" }],
        },
      ]);
      const answer = await send(oarRequest(sandbox, testOarBody()));
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({
        kode: "OAR_005",
        spesifisering: [
          { kode: null, sti: "/oppdrag/beskrivelse", angittVerdi: "x", melding: "Beskrivelsen er for kort" },
        ],
      });
      expect(sandbox.processedCount()).toBe(0);
    } finally {
      await sandbox.close();
    }
  });
});
