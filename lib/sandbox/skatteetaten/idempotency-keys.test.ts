import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "./server";
import { ameldingRequest, call, fakeVerifyToken, oarRequest, send, testLeveranse, testOarBody } from "./test-support";
import type { SandboxSkatteetatenHandle } from "./types";

let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const keys = async () =>
  (await call(`${sandbox.url}/__control/idempotency-keys`, { method: "GET", token: null })).json.keys as unknown[];

describe("Skatteetaten sandbox: the record of processed idempotency keys", () => {
  it("counts each key's first processing once and its replays apart, with the first answer's status", async () => {
    const accepted = oarRequest(sandbox, testOarBody());
    await send(accepted);
    await send(accepted);
    await send(accepted);
    const rejected = ameldingRequest(sandbox, testLeveranse({ kalendermaaned: "2026-13" }));
    expect((await send(rejected)).status).toBe(400);
    // A fault answers before processing: the key is not processed, so it is not recorded.
    sandbox.setFaults([{ kind: "status", status: 503, count: 1 }]);
    const faulted = oarRequest(sandbox, testOarBody());
    expect((await send(faulted)).status).toBe(503);

    expect(await keys()).toEqual([
      { api: "oar", idempotencyKey: accepted.key, status: 200, firstProcessings: 1, replays: 2 },
      { api: "amelding", idempotencyKey: rejected.key, status: 400, firstProcessings: 1, replays: 0 },
    ]);
    sandbox.reset();
    expect(await keys()).toEqual([]);
  });
});
