import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORTING_RIGHTS, resourceRight, SYSTEM_USER_REQUEST_SCOPES } from "@/lib/altinn/system-user-request-wire";
import { MaskinportenError } from "@/lib/maskinporten/errors";
import { syntheticOrgnr as randomOrgnr } from "@/lib/validation/orgnr";
import { SANDBOX_SCOPES, SANDBOX_SYSTEM_ID } from "../../maskinporten/sandbox-clients";
import { CONFIGURED_ORGNR, type OnboardingSandbox, startOnboardingSandbox } from "./test-fixture";

const DAY = 24 * 60 * 60 * 1000;
let s: OnboardingSandbox;
beforeAll(async () => {
  s = await startOnboardingSandbox();
});
afterAll(() => s.close());

function requestBody(partyOrgNo: string, overrides: Record<string, unknown> = {}) {
  return { systemId: SANDBOX_SYSTEM_ID, partyOrgNo, rights: REPORTING_RIGHTS, redirectUrl: "", ...overrides };
}

async function createRequest(partyOrgNo = randomOrgnr()) {
  const res = await s.call("POST", s.api(), { body: requestBody(partyOrgNo) });
  expect(res.status).toBe(201);
  return res.json as { id: string; confirmUrl: string; partyOrgNo: string };
}

/** A reporting token for the organisation's system user, or Maskinporten's refusal. */
async function systemUserToken(orgnr: string) {
  return s.vendorTokens
    .getToken({ scopes: [SANDBOX_SCOPES.oar], systemUserOrg: orgnr })
    .catch((e: MaskinportenError) => e);
}

describe("sandbox Altinn system-user requests over HTTP", () => {
  it("creates a request, shows it to the customer, and once accepted the organisation's system user works in Maskinporten", async () => {
    const orgnr = randomOrgnr();
    const before = await systemUserToken(orgnr);
    expect(before).toBeInstanceOf(MaskinportenError);
    expect((before as MaskinportenError).mpCode).toBe("MP-303");

    const created = await s.call("POST", s.api(), { body: requestBody(orgnr) });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(created.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      externalRef: orgnr,
      systemId: SANDBOX_SYSTEM_ID,
      partyOrgNo: orgnr,
      rights: REPORTING_RIGHTS,
      status: "New",
      redirectUrl: "",
      confirmUrl: `${s.altinn.url}/accessmanagement/ui/systemuser/request?id=${id}`,
    });
    expect((await s.call("GET", s.api(`/${id}`))).json.status).toBe("New");

    const page = await s.call(
      "GET",
      new URL(created.json.confirmUrl).pathname + new URL(created.json.confirmUrl).search,
      { token: null },
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain('<html lang="nb">');
    expect(page.text).toContain(orgnr);
    expect(page.text).toContain("ske-innrapportering-amelding");
    expect(page.text).toContain("ske-innrapportering-oppdragsregisteret");
    expect(page.text).toMatch(/<button[^>]*value="accept"[^>]*>Godkjenn<\/button>/);
    expect(page.text).toMatch(/<button[^>]*value="reject"[^>]*>Avvis<\/button>/);

    const answered = await s.call("POST", "/accessmanagement/ui/systemuser/request", {
      token: null,
      form: { id, decision: "accept" },
    });
    expect(answered.status).toBe(303);
    expect(answered.headers.get("location")).toBe(`/accessmanagement/ui/systemuser/request?id=${id}`);
    expect((await s.call("GET", s.api(`/${id}`))).json.status).toBe("Accepted");
    const byRef = await s.call("GET", s.api(`/byexternalref/${SANDBOX_SYSTEM_ID}/${orgnr}/${orgnr}`));
    expect(byRef.json).toMatchObject({ id, status: "Accepted" });
    const after = await s.call("GET", `/accessmanagement/ui/systemuser/request?id=${id}`, { token: null });
    expect(after.text).toContain("Du har godkjent forespørselen");
    expect(after.text).not.toContain("<button");

    const token = await systemUserToken(orgnr);
    expect(token).not.toBeInstanceOf(MaskinportenError);
    expect((token as { claims: Record<string, unknown> }).claims.authorization_details).toEqual([
      expect.objectContaining({
        systemuser_org: { authority: "iso6523-actorid-upis", ID: `0192:${orgnr}` },
        system_id: SANDBOX_SYSTEM_ID,
      }),
    ]);
  });

  it("a rejected request gives no system user and blocks a new one until the vendor deletes it", async () => {
    const { id, partyOrgNo } = await createRequest();
    const rejected = await s.call("POST", `/__control/system-user-requests/${id}/reject`, { token: null });
    expect(rejected.status).toBe(200);
    expect(rejected.json.request.status).toBe("Rejected");
    expect((await s.call("GET", s.api(`/${id}`))).json.status).toBe("Rejected");
    expect(await systemUserToken(partyOrgNo)).toBeInstanceOf(MaskinportenError);
    expect((await s.call("POST", `/__control/system-user-requests/${id}/accept`, { token: null })).status).toBe(409);

    const again = await s.call("POST", s.api(), { body: requestBody(partyOrgNo) });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ status: 400, code: "AUTH-00009" });
    const deleted = await s.call("DELETE", s.api(`/${id}`));
    expect(deleted.status).toBe(200);
    expect(deleted.json).toBe(true);
    expect((await s.call("GET", s.api(`/${id}`))).status).toBe(404);
    expect((await s.call("POST", s.api(), { body: requestBody(partyOrgNo) })).status).toBe(201);
  });

  it("the customer's Avvis on the confirm page rejects the request", async () => {
    const { id } = await createRequest();
    const answered = await s.call("POST", "/accessmanagement/ui/systemuser/request", {
      token: null,
      form: { id, decision: "reject" },
    });
    expect(answered.status).toBe(303);
    expect((await s.call("GET", s.api(`/${id}`))).json.status).toBe("Rejected");
    expect((await s.call("GET", `/accessmanagement/ui/systemuser/request?id=${id}`, { token: null })).text).toContain(
      "Du har avvist forespørselen",
    );
  });

  it("a request nobody answers times out after 10 days and no longer blocks a new one", async () => {
    const { id, partyOrgNo } = await createRequest();
    const start = s.clock.now;
    try {
      s.clock.now = start + 10 * DAY - 60_000;
      expect((await s.call("GET", s.api(`/${id}`))).json.status).toBe("New");
      s.clock.now = start + 10 * DAY + 60_000;
      expect((await s.call("GET", s.api(`/${id}`))).json.status).toBe("Timedout");
      const page = await s.call("GET", `/accessmanagement/ui/systemuser/request?id=${id}`, { token: null });
      expect(page.text).toContain("Forespørselen er utløpt");
      expect(page.text).not.toContain("<button");
      expect((await s.call("POST", `/__control/system-user-requests/${id}/accept`, { token: null })).status).toBe(409);
      expect((await s.call("POST", s.api(), { body: requestBody(partyOrgNo) })).status).toBe(201);
    } finally {
      s.clock.now = Date.now();
    }
  });

  describe("refuses as Altinn does", () => {
    it("without a valid Maskinporten token with the endpoint's scope", async () => {
      const noToken = await s.call("POST", s.api(), { token: null, body: requestBody(randomOrgnr()) });
      expect(noToken.status).toBe(401);
      expect(noToken.headers.get("content-type")).toContain("application/problem+json");
      expect((await s.call("POST", s.api(), { token: "not-a-jwt", body: requestBody(randomOrgnr()) })).status).toBe(
        401,
      );
      const wrongScope = await s.call("POST", s.api(), {
        token: await s.token([SANDBOX_SCOPES.oar]),
        body: requestBody(randomOrgnr()),
      });
      expect(wrongScope.status).toBe(403);
      expect(wrongScope.json.detail).toContain(SYSTEM_USER_REQUEST_SCOPES.write);

      const { id } = await createRequest();
      const readWithWriteOnly = await s.call("GET", s.api(`/${id}`), {
        token: await s.token([SYSTEM_USER_REQUEST_SCOPES.write]),
      });
      expect(readWithWriteOnly.status).toBe(403);
      expect(
        (await s.call("GET", s.api(`/${id}`), { token: await s.token([SYSTEM_USER_REQUEST_SCOPES.read]) })).status,
      ).toBe(200);
    });

    it("another vendor may neither request for the demo system nor read its requests", async () => {
      const otherToken = await s.token(undefined, s.otherVendorTokens);
      const res = await s.call("POST", s.api(), { token: otherToken, body: requestBody(randomOrgnr()) });
      expect(res.status).toBe(403);
      const { id } = await createRequest();
      const read = await s.call("GET", s.api(`/${id}`), { token: otherToken });
      expect(read.status).toBe(404);
      expect(read.json.code).toBe("AUTH-00010");
    });

    it("a body that is not a valid request, field by field", async () => {
      const notJson = await s.call("POST", s.api(), { body: "{not json" });
      expect(notJson.status).toBe(400);
      const bad = await s.call("POST", s.api(), {
        body: { systemId: SANDBOX_SYSTEM_ID, partyOrgNo: "310900126", rights: [] },
      });
      expect(bad.status).toBe(400);
      expect(bad.json.title).toBe("One or more validation errors occurred.");
      expect(Object.keys(bad.json.errors).sort()).toEqual(["partyOrgNo", "rights"]);
      // Altinn binds JSON case-insensitively, and its docs spell the right's key "Resource".
      const pascal = await s.call("POST", s.api(), {
        body: {
          SystemId: SANDBOX_SYSTEM_ID,
          PartyOrgNo: randomOrgnr(),
          Rights: [{ Resource: [{ id: "urn:altinn:resource", value: "ske-innrapportering-amelding" }] }],
        },
      });
      expect(pascal.status).toBe(201);
    });

    it.each([
      ["an unknown system", { systemId: "310900400_unknown" }, "AUTH-00011"],
      ["a right the system does not offer", { rights: [resourceRight("ske-krav-og-betalinger")] }, "AUTH-00001"],
      ["a redirect URL the system has not registered", { redirectUrl: "https://example.test/back" }, "AUTH-00026"],
    ])("%s", async (_label, overrides, code) => {
      const res = await s.call("POST", s.api(), { body: requestBody(randomOrgnr(), overrides) });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ status: 400, code });
    });

    it("a second request while one is pending, and one for an organisation that already has a system user", async () => {
      const { partyOrgNo } = await createRequest();
      expect((await s.call("POST", s.api(), { body: requestBody(partyOrgNo) })).json.code).toBe("AUTH-00007");
      expect((await s.call("POST", s.api(), { body: requestBody(CONFIGURED_ORGNR) })).json.code).toBe("AUTH-00004");
    });

    it("ids that are not GUIDs, and requests that do not exist", async () => {
      expect((await s.call("GET", s.api("/abc"))).status).toBe(400);
      const missing = await s.call("GET", s.api("/6f1c2d3e-4a5b-4c6d-8e7f-001122334455"));
      expect(missing.status).toBe(404);
      expect(missing.json.code).toBe("AUTH-00010");
      expect(
        (
          await s.call("POST", "/__control/system-user-requests/6f1c2d3e-4a5b-4c6d-8e7f-001122334455/accept", {
            token: null,
          })
        ).status,
      ).toBe(404);
      expect((await s.call("GET", "/accessmanagement/ui/systemuser/request?id=nope", { token: null })).status).toBe(
        404,
      );
    });
  });
});
