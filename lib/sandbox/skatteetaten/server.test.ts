import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "./server";
import {
  ameldingRequest,
  call,
  expectError,
  fakeVerifyToken,
  ORG_A,
  oarRequest,
  send,
  testLeveranse,
  testOarBody,
  verifiedScopes,
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

describe("Skatteetaten sandbox: a valid submission", () => {
  it("accepts a valid OAR submission and processes it once", async () => {
    const req = oar();
    const answer = await send(req);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ dialogId: expect.any(String), forsendelseId: expect.any(String) });
    // Nothing beyond what is published: no Korrelasjonsid header (it lives in the error body).
    expect(answer.headers.has("korrelasjonsid")).toBe(false);
    expect(sandbox.processedCount({ api: "oar", idempotencyKey: req.key, orgnr: ORG_A })).toBe(1);
    expect(sandbox.processed()[0]).toMatchObject({
      api: "oar",
      orgnr: ORG_A,
      idempotencyKey: req.key,
      forsendelseId: answer.json.forsendelseId,
    });
    expect(verifiedScopes).toContain("skatteetaten:innrapporteringoppdragtilutenlandske");
  });

  it("accepts a valid A-melding and answers with the meldingsId", async () => {
    const leveranse = testLeveranse();
    const req = ameldingRequest(sandbox, leveranse);
    const answer = await send(req);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      dialogId: expect.any(String),
      forsendelseId: expect.any(String),
      meldingsId: leveranse.meldingsId,
    });
    expect(sandbox.processedCount({ api: "amelding" })).toBe(1);
    expect(sandbox.processed()[0]).toMatchObject({ api: "amelding", orgnr: ORG_A, meldingsId: leveranse.meldingsId });
    expect(verifiedScopes).toContain("skatteetaten:innrapporteringamelding");
  });

  it("reads the idempotency key from the idempotencyKey header only, by default: one in the query is missing", async () => {
    const o = oarRequest(sandbox, testOarBody());
    expect(o.url).not.toContain("idempotencyKey");
    expect((await send(o)).status).toBe(200);
    expect(sandbox.processedCount({ idempotencyKey: o.key })).toBe(1);

    const inQuery = {
      o: oarRequest(sandbox, testOarBody(), { keyIn: "query" }),
      a: ameldingRequest(sandbox, testLeveranse(), { keyIn: "query" }),
    };
    const refusedO = expectError(await send(inQuery.o), 400, "OAR_003", "OAR_1005");
    expect(refusedO.spesifisering?.[0]?.sti).toBe("idempotencyKey");
    expectError(await send(inQuery.a), 400, "AMLD_006", "AMLD_1028");
    expect(sandbox.processedCount()).toBe(1);
  });

  it("configured for the query parameter, reads it there only", async () => {
    const byQuery = await startSandboxSkatteetaten({
      port: 0,
      verifyToken: fakeVerifyToken,
      idempotencyKeyIn: "query",
    });
    try {
      expect((await send(ameldingRequest(byQuery, testLeveranse(), { keyIn: "query" }))).status).toBe(200);
      expectError(
        await send(ameldingRequest(byQuery, testLeveranse(), { keyIn: "header" })),
        400,
        "AMLD_006",
        "AMLD_1022",
      );
      expectError(await send(oarRequest(byQuery, testOarBody(), { keyIn: "header" })), 400, "OAR_003", "OAR_1003");
      expect(byQuery.processedCount()).toBe(1);
    } finally {
      await byQuery.close();
    }
  });
});

describe("Skatteetaten sandbox: routing", () => {
  it("answers an unknown path with 404 in each API's codes", async () => {
    const o = expectError(await call(`${sandbox.oarBaseUrl}/ukjent`), 404, "OAR_008", "OAR_1004");
    expect(o.spesifisering?.[0]?.angittVerdi).toBe("/oar/v1/ukjent");
    expectError(await call(`${sandbox.ameldingBaseUrl}/ukjent`), 404, "AMLD_021", "AMLD_1023");
    expectError(await call(`${sandbox.url}/noe-annet`, { method: "GET" }), 404, "AMLD_021", "AMLD_1023");
  });

  it("answers a wrong method with 405 and an Allow header", async () => {
    const o = await call(`${sandbox.oarBaseUrl}/innsending`, { method: "GET" });
    expectError(o, 405, "OAR_009", null);
    expect(o.headers.get("allow")).toBe("POST");
    expectError(
      await call(`${sandbox.ameldingBaseUrl}/innsending/2026-10/${ORG_A}`, { method: "PUT", body: "{}" }),
      405,
      "AMLD_022",
      null,
    );
    expectError(
      await call(`${sandbox.ameldingBaseUrl}/forsendelse/${randomUUID()}`, { method: "DELETE" }),
      405,
      "AMLD_022",
      null,
    );
  });
});

describe("Skatteetaten sandbox: token checks", () => {
  // OAR keeps the published quirk: OAR_001 (authentication) is 403, OAR_002 (authorisation) is 401.
  const cases = [
    { token: null, oar: [403, "OAR_001", "OAR_1001"], amelding: [401, "AMLD_004", "AMLD_1008"] },
    { token: "garbage", oar: [403, "OAR_001", "OAR_1001"], amelding: [401, "AMLD_004", "AMLD_1008"] },
    { token: "expired-token", oar: [403, "OAR_001", "OAR_1001"], amelding: [401, "AMLD_004", "AMLD_1008"] },
    // docs/om/sikkerhet.md: resource must not be set for Skatteetaten's APIs, so a token with an audience is refused.
    { token: "with-audience", oar: [403, "OAR_001", "OAR_1001"], amelding: [401, "AMLD_004", "AMLD_1008"] },
    { token: "wrong-scope", oar: [401, "OAR_002", undefined], amelding: [403, "AMLD_005", undefined] },
    { token: "no-systemuser", oar: [403, "OAR_001", "OAR_1011"], amelding: [401, "AMLD_004", "AMLD_1063"] },
    { token: "verifier-no-systemuser", oar: [403, "OAR_001", "OAR_1011"], amelding: [401, "AMLD_004", "AMLD_1063"] },
  ] as const;

  it.each(cases)("token $token is refused without processing", async ({ token, oar: o, amelding: a }) => {
    expectError(await send(oar(), { token }), o[0], o[1], o[2]);
    expectError(await send(amelding(), { token }), a[0], a[1], a[2]);
    expect(sandbox.processedCount()).toBe(0);
  });

  it("checks the token before anything in the body", async () => {
    expectError(await send(oar(), { token: "garbage", body: "{not json" }), 403, "OAR_001", "OAR_1001");
  });
});

describe("Skatteetaten sandbox: header checks", () => {
  it("requires Accept: application/json", async () => {
    expectError(await send(oar(), { headers: { Accept: "application/xml" } }), 400, "OAR_003", "OAR_1006");
    expectError(await send(amelding(), { headers: { Accept: undefined } }), 400, "AMLD_006", "AMLD_1030");
    expect((await send(oar(), { headers: { Accept: "text/html, application/json;q=0.9" } })).status).toBe(200);
  });

  it("requires Content-Type: application/json", async () => {
    expectError(await send(oar(), { headers: { "Content-Type": "text/plain" } }), 400, "OAR_003", "OAR_1008");
    expectError(
      await send(amelding(), { headers: { "Content-Type": "application/xml" } }),
      400,
      "AMLD_006",
      "AMLD_1047",
    );
    expect((await send(amelding(), { headers: { "Content-Type": "application/json; charset=utf-8" } })).status).toBe(
      200,
    );
  });

  it("requires an idempotency key", async () => {
    expectError(await send(oar(), { headers: { idempotencyKey: undefined } }), 400, "OAR_003", "OAR_1005");
    expectError(await send(amelding(), { headers: { idempotencyKey: undefined } }), 400, "AMLD_006", "AMLD_1028");
  });

  it("requires the idempotency key to be a UUID", async () => {
    const o = expectError(await send(oarRequest(sandbox, testOarBody(), { key: "abc" })), 400, "OAR_003", "OAR_1003");
    expect(o.spesifisering?.[0]?.angittVerdi).toBe("abc");
    expectError(await send(ameldingRequest(sandbox, testLeveranse(), { key: "42" })), 400, "AMLD_006", "AMLD_1022");
  });

  it("rejects a body that is not JSON", async () => {
    expectError(await send(oar(), { body: '{"innsendingstype": "NY",' }), 400, "OAR_004", "OAR_1007");
    expectError(await send(amelding(), { body: "" }), 400, "AMLD_008", "AMLD_1032");
  });
});

describe("Skatteetaten sandbox: idempotency", () => {
  it("answers a repeated key and body with the first answer and processes once", async () => {
    for (const req of [oar(), amelding()]) {
      const first = await send(req);
      const again = await send(req);
      expect(first.status).toBe(200);
      expect(again.status).toBe(first.status);
      expect(again.text).toBe(first.text);
      expect(sandbox.processedCount({ idempotencyKey: req.key })).toBe(1);
    }
  });

  it("replays an error answer from the checks after the key as well", async () => {
    const req = ameldingRequest(sandbox, testLeveranse({ meldingsId: "ugyldig meldingsId!" }));
    const first = await send(req);
    expectError(first, 400, "AMLD_010", null);
    const again = await send(req);
    expect(again.text).toBe(first.text);
    expect(again.json.korrelasjonsid).toBe(first.json.korrelasjonsid);
  });

  it("refuses the same key with a different body: 409", async () => {
    const o = oar();
    await send(o);
    const other = oarRequest(sandbox, testOarBody(), { key: o.key });
    const conflict = expectError(await send(other), 409, "OAR_007", null);
    expect(conflict.spesifisering?.[0]?.angittVerdi).toBe(o.key);

    const a = amelding();
    await send(a);
    expectError(await send(ameldingRequest(sandbox, testLeveranse(), { key: a.key })), 409, "AMLD_019", null);
    expect(sandbox.processedCount()).toBe(2);
  });

  it("keeps keys apart per API", async () => {
    const key = randomUUID();
    expect((await send(oarRequest(sandbox, testOarBody(), { key }))).status).toBe(200);
    expect((await send(ameldingRequest(sandbox, testLeveranse(), { key }))).status).toBe(200);
    expect(sandbox.processedCount({ idempotencyKey: key })).toBe(2);
  });
});

describe("Skatteetaten sandbox: forsendelse lookup", () => {
  it("returns a stored OAR forsendelse, or OAR_1010", async () => {
    const accepted = (await send(oar())).json;
    const found = await call(`${sandbox.oarBaseUrl}/forsendelse/${accepted.forsendelseId}`, { method: "GET" });
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({
      forsendelseId: accepted.forsendelseId,
      dialogId: accepted.dialogId,
      innsendingstype: "NY",
    });
    const missing = expectError(
      await call(`${sandbox.oarBaseUrl}/forsendelse/${randomUUID()}`, { method: "GET" }),
      404,
      "OAR_008",
      "OAR_1010",
    );
    expect(missing.spesifisering?.[0]?.angittVerdi).toMatch(/^[0-9a-f-]{36}$/);
    // An OAR id is no A-melding forsendelse.
    expectError(
      await call(`${sandbox.ameldingBaseUrl}/forsendelse/${accepted.forsendelseId}`, { method: "GET" }),
      404,
      "AMLD_021",
      "AMLD_1061",
    );
  });

  it("returns a stored A-melding forsendelse, or AMLD_1061", async () => {
    const accepted = (await send(amelding())).json;
    const found = await call(`${sandbox.ameldingBaseUrl}/forsendelse/${accepted.forsendelseId}`, { method: "GET" });
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ forsendelseId: accepted.forsendelseId, meldingsId: accepted.meldingsId });
    expectError(
      await call(`${sandbox.ameldingBaseUrl}/forsendelse/nope`, { method: "GET" }),
      404,
      "AMLD_021",
      "AMLD_1061",
    );
  });

  it("applies the token and Accept checks to lookups too", async () => {
    const url = `${sandbox.oarBaseUrl}/forsendelse/${randomUUID()}`;
    expectError(await call(url, { method: "GET", token: null }), 403, "OAR_001", "OAR_1001");
    expectError(await call(url, { method: "GET", headers: { Accept: "text/plain" } }), 400, "OAR_003", "OAR_1006");
  });
});

describe("Skatteetaten sandbox: control endpoint", () => {
  const control = (path: string, method: string, body?: unknown) =>
    call(`${sandbox.url}/__control/${path}`, {
      method,
      token: null,
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("reports stats, sets and clears faults, and resets", async () => {
    await send(oar());
    await send(amelding());
    await call(`${sandbox.oarBaseUrl}/ukjent`, { method: "GET" });
    expect((await control("stats", "GET")).json).toEqual({ processed: { oar: 1, amelding: 1 }, requests: 3 });

    expect(
      (await control("faults", "POST", [{ api: "oar", kind: "status", code: "OAR_010", count: "Infinity" }])).status,
    ).toBe(200);
    expectError(await send(oar()), 500, "OAR_010");
    expectError(await send(oar()), 500, "OAR_010");
    expect((await control("faults", "DELETE")).status).toBe(200);
    expect((await send(oar())).status).toBe(200);

    expect((await control("reset", "POST")).status).toBe(200);
    expect((await control("stats", "GET")).json).toEqual({ processed: { oar: 0, amelding: 0 }, requests: 0 });
    expect(sandbox.processed()).toEqual([]);
  });

  it("rejects a malformed fault list and a wrong method", async () => {
    const bad = await control("faults", "POST", [{ kind: "explode" }]);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain("kind");
    expect((await control("faults", "POST", { kind: "drop" })).status).toBe(400);
    expect((await control("stats", "POST")).status).toBe(405);
  });

  it("lists what it processed with the bodies as received", async () => {
    const body = testOarBody();
    await send(oarRequest(sandbox, body));
    await send(amelding());
    const received = await control("received?api=oar", "GET");
    expect(received.status).toBe(200);
    expect(received.json).toEqual([expect.objectContaining({ api: "oar", orgnr: ORG_A, body })]);
    expect((await control("received", "GET")).json).toHaveLength(2);
    expect((await control("received?api=altinn", "GET")).status).toBe(400);
  });

  it("forgets idempotency keys on reset, so a repeated key is processed anew", async () => {
    const req = oar();
    await send(req);
    sandbox.reset();
    expect((await send(req)).status).toBe(200);
    expect(sandbox.processedCount({ idempotencyKey: req.key })).toBe(1);
  });
});
