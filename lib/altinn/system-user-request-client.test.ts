import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import {
  CONFIGURED_ORGNR,
  type OnboardingSandbox,
  startOnboardingSandbox,
} from "@/lib/sandbox/altinn/system-user-requests/test-fixture";
import { generateTestKey } from "@/lib/sandbox/maskinporten/test-fixture";
import { randomOrgnr } from "@/lib/testing/test-db";
import {
  createSystemUserRequestClient,
  decodeErrorResponse,
  SystemUserRequestError,
} from "./system-user-request-client";
import { REPORTING_RIGHTS } from "./system-user-request-wire";

let s: OnboardingSandbox;
beforeAll(async () => {
  s = await startOnboardingSandbox();
});
afterAll(() => s.close());

async function failure(promise: Promise<unknown>): Promise<SystemUserRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SystemUserRequestError);
  return error as SystemUserRequestError;
}

describe("system-user request client against the sandbox Altinn", () => {
  it("creates a request for the reporting rights and follows it to accepted", async () => {
    const client = s.client();
    const orgnr = randomOrgnr();
    const created = await client.create({ partyOrgNo: orgnr });
    expect(created).toMatchObject({
      partyOrgNo: orgnr,
      externalRef: orgnr,
      rights: REPORTING_RIGHTS,
      status: "new",
      altinnStatus: "New",
    });
    expect(created.confirmUrl).toBe(`${s.altinn.url}/accessmanagement/ui/systemuser/request?id=${created.id}`);
    expect((await client.get(created.id)).status).toBe("new");

    await fetch(`${s.altinn.url}/__control/system-user-requests/${created.id}/accept`, { method: "POST" });
    expect(await client.get(created.id)).toMatchObject({ status: "accepted", altinnStatus: "Accepted" });
    expect((await client.getByExternalRef({ partyOrgNo: orgnr })).id).toBe(created.id);
  });

  it("reads a rejected and a timed-out request in our terms, and deletes a rejected one", async () => {
    const client = s.client();
    const rejected = await client.create({ partyOrgNo: randomOrgnr() });
    await fetch(`${s.altinn.url}/__control/system-user-requests/${rejected.id}/reject`, { method: "POST" });
    expect((await client.get(rejected.id)).status).toBe("rejected");
    await client.delete(rejected.id);
    expect((await failure(client.get(rejected.id))).kind).toBe("not_found");

    const stale = await client.create({ partyOrgNo: randomOrgnr() });
    s.clock.now += 11 * 24 * 60 * 60 * 1000;
    try {
      expect(await client.get(stale.id)).toMatchObject({ status: "timed_out", altinnStatus: "Timedout" });
    } finally {
      s.clock.now = Date.now();
    }
  });

  it("decodes Altinn's refusals: code, title and field errors", async () => {
    const orgnr = randomOrgnr();
    await s.client().create({ partyOrgNo: orgnr });
    const pending = await failure(s.client().create({ partyOrgNo: orgnr }));
    expect(pending).toMatchObject({ kind: "rejected", httpStatus: 400, code: "AUTH-00007" });
    expect(pending.title).toContain("Pending Request");
    expect(pending.message).toContain("AUTH-00007");

    expect(await failure(s.client().create({ partyOrgNo: CONFIGURED_ORGNR }))).toMatchObject({ code: "AUTH-00004" });
    expect(await failure(s.client("310900400_unknown").create({ partyOrgNo: randomOrgnr() }))).toMatchObject({
      code: "AUTH-00011",
    });

    const invalid = await failure(s.client().create({ partyOrgNo: "310900126" }));
    expect(invalid.kind).toBe("rejected");
    expect(Object.keys(invalid.fieldErrors)).toEqual(["partyOrgNo"]);
  });

  it("says when the vendor is refused, when there is no token, and when Altinn cannot be reached", async () => {
    const otherVendor = createSystemUserRequestClient(
      { platformUrl: s.altinn.url, systemId: "310900400_innrapportering" },
      s.otherVendorTokens,
    );
    expect(await failure(otherVendor.create({ partyOrgNo: randomOrgnr() }))).toMatchObject({
      kind: "unauthorized",
      httpStatus: 403,
    });

    const key = generateTestKey();
    const unknownClient = createMaskinportenClient(
      loadMaskinportenConfig({
        APP_MODE: "sandbox",
        MASKINPORTEN_ISSUER: s.maskinporten.issuer,
        MASKINPORTEN_CLIENT_ID: "not-registered",
        MASKINPORTEN_KID: key.kid,
        MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
      }),
    );
    const noToken = createSystemUserRequestClient({ platformUrl: s.altinn.url, systemId: "x" }, unknownClient);
    expect(await failure(noToken.get("6f1c2d3e-4a5b-4c6d-8e7f-001122334455"))).toMatchObject({
      kind: "token",
      code: "MP-100",
    });

    const closed = createSystemUserRequestClient(
      { platformUrl: "http://127.0.0.1:9", systemId: "x", timeoutMs: 2000 },
      s.vendorTokens,
    );
    expect((await failure(closed.get("6f1c2d3e-4a5b-4c6d-8e7f-001122334455"))).kind).toBe("network");
  });
});

describe("decodeErrorResponse", () => {
  it("reads Altinn's validationErrors list as field errors", () => {
    const e = decodeErrorResponse(
      400,
      JSON.stringify({
        code: "STD-00000",
        title: "One or more validation errors occurred.",
        validationErrors: [{ code: "STD-00001", title: "Invalid value", paths: ["/partyOrgNo"] }],
      }),
    );
    expect(e).toMatchObject({
      kind: "rejected",
      code: "STD-00000",
      fieldErrors: { "/partyOrgNo": ["STD-00001 Invalid value"] },
    });
  });

  it("keeps the status when a proxy answers with HTML", () => {
    const e = decodeErrorResponse(502, "<html><body>Bad gateway</body></html>");
    expect(e).toMatchObject({ kind: "server", httpStatus: 502, code: undefined, fieldErrors: {} });
    expect(e.message).toBe("Altinn answered HTTP 502");
  });
});
