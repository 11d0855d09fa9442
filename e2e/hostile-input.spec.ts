import { type APIRequestContext, expect, test } from "@playwright/test";
import { generateLeveranse } from "../lib/testing/amelding-generator";
import { leveranseToXml } from "../lib/testing/leveranse-to-xml";
import { serverActionId, storageStateFor } from "./fixtures";

// Hand-crafted requests, as an attacker or a broken client would send them, against the built
// server: each must be refused with a specific answer, and the server must go on serving everyone.

const createUser = () => serverActionId("lib/users/actions.ts", "createUserAction");
const createOrganisation = () => serverActionId("lib/organisations/actions.ts", "createOrganisationAction");

/** Calls a server action with form data, encoded as React encodes a FormData argument: fields "_1_<name>", then the root "0". */
async function callWithFormData(
  request: APIRequestContext,
  pagePath: string,
  actionId: string,
  fields: [string, string][],
) {
  const multipart = new FormData();
  for (const [name, value] of fields) multipart.append(`_1_${name}`, value);
  multipart.set("0", '["$K1"]');
  const res = await request.post(pagePath, {
    headers: { "Next-Action": actionId, Accept: "text/x-component" },
    multipart,
  });
  expect(res.status()).toBe(200);
  return res.text();
}

/** Calls a server action with arguments written as JSON text by hand (so "__proto__" stays a key). */
async function callWithJson(request: APIRequestContext, pagePath: string, actionId: string, json: string) {
  const res = await request.post(pagePath, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: json,
  });
  expect(res.status()).toBe(200);
  return res.text();
}

async function expectServerServesEveryone(request: APIRequestContext, browser: import("@playwright/test").Browser) {
  expect((await request.get("/api/health")).status()).toBe(200);
  const manager = await browser.newContext({ storageState: storageStateFor("manager") });
  const page = await manager.newPage();
  const response = await page.goto("/innsendinger");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await manager.close();
}

test.describe("server actions", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("a field named __proto__.q is refused, and every page still answers for every user", async ({
    request,
    browser,
  }) => {
    const body = await callWithFormData(request, "/brukere", createUser(), [
      ["email", `proto-${Date.now()}@innrapportering.test`],
      ["name", "Proto"],
      ["role", "manager"],
      ["__proto__.q", "1"],
    ]);
    expect(body).toContain('"messageKey":"errors.input.forbiddenKey"');
    await expectServerServesEveryone(request, browser);
  });

  test("a field named x.4294967294 is refused at once instead of building a sparse array", async ({
    request,
    browser,
  }) => {
    const body = await callWithFormData(request, "/brukere", createUser(), [["x.4294967294", "1"]]);
    expect(body).toContain('"messageKey":"errors.input.arrayIndexInvalid"');
    await expectServerServesEveryone(request, browser);
  });

  test("an object argument with a constructor.prototype key is refused before zod sees it, and nothing is created", async ({
    page,
    request,
    browser,
  }) => {
    // React's reply decoding drops "__proto__" keys itself; "constructor" reaches the action.
    const body = await callWithJson(
      request,
      "/organisasjoner",
      createOrganisation(),
      '[{"orgnr":"310900567","name":"Konstruktør AS","constructor":{"prototype":{"polluted":true}}}]',
    );
    expect(body).toContain('"messageKey":"errors.input.forbiddenKey"');
    await expectServerServesEveryone(request, browser);
    await page.goto("/organisasjoner");
    await expect(page.getByRole("cell", { name: "Havbris Regnskap AS", exact: true })).toBeVisible();
    await expect(page.getByText("Konstruktør AS")).toHaveCount(0);
  });

  test("U+0000 in a form field gets its own message, naming the field, not a generic error", async ({ request }) => {
    const body = await callWithJson(
      request,
      "/organisasjoner",
      createOrganisation(),
      '[{"orgnr":"310900567","name":"Null\\u0000 AS"}]',
    );
    expect(body).toContain('"messageKey":"errors.input.nulCharacter"');
    const viaForm = await callWithFormData(request, "/organisasjoner", createOrganisation(), [
      ["orgnr", "310900567"],
      ["name", "Null\u0000 AS"],
    ]);
    expect(viaForm).toContain('"messageKey":"errors.input.nulCharacter"');
    expect(viaForm).toContain('"name":["nulCharacter"]');
  });
});

test.describe("the A-melding import endpoint", () => {
  test.use({ storageState: storageStateFor("admin") });

  const leveranse = () =>
    generateLeveranse({
      opplysningspliktig: "310900125",
      virksomhet: "312000016",
      persons: 2,
      kalendermaaned: "2026-02",
      seed: 5,
    });

  const hostile: [string, () => string, string][] = [
    [
      "U+0000 in a name",
      () => JSON.stringify({ leveranse: leveranse() }).replace('"navn":"', '"navn":"\\u0000'),
      "nulCharacter",
    ],
    [
      "a __proto__ key",
      () => `{"leveranse":${JSON.stringify(leveranse()).replace("{", '{"__proto__":{"polluted":true},')}}`,
      "forbiddenKey",
    ],
    ["JSON nested 50 000 levels deep", () => `{"leveranse":${"[".repeat(50_000)}${"]".repeat(50_000)}}`, "tooDeep"],
    [
      "an amount written as 1e3",
      () => JSON.stringify({ leveranse: leveranse() }).replace(/"beloep":(-?\d+(\.\d+)?)/, '"beloep":1e3'),
      "numberNotDecimal",
    ],
    [
      "an XML entity declaration",
      () => `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><melding>&a;</melding>`,
      "doctype",
    ],
    [
      "an XML element with 50 000 attributes",
      () => `<melding ${Array.from({ length: 50_000 }, (_, i) => `a${i}="1"`).join(" ")}/>`,
      "tooManyAttributes",
    ],
    ["&#0; in XML", () => leveranseToXml(leveranse()).replace("<ns2:navn>", "<ns2:navn>&#0;"), "nulCharacter"],
  ];

  for (const [name, file, reason] of hostile) {
    test(`answers ${name} with 422 and its reason when checked and when submitted, never 500`, async ({ request }) => {
      for (const intent of ["check", "submit"]) {
        const res = await request.post(`/api/amelding/import?intent=${intent}`, {
          data: file(),
          headers: { "Content-Type": "text/plain;charset=UTF-8" },
        });
        expect(res.status()).toBe(422);
        expect(await res.json()).toMatchObject({ ok: false, documentErrors: [{ code: "input_refused", reason }] });
      }
    });
  }

  test("shows the reason on the import page", async ({ page }) => {
    await page.goto("/a-melding/importer");
    await page
      .getByLabel("Eller lim inn innholdet")
      .fill(JSON.stringify({ leveranse: leveranse() }).replace('"navn":"', '"navn":"\\u0000'));
    await page.getByRole("button", { name: "Kontroller" }).click();
    await expect(page.getByTestId("import-errors")).toContainText(
      "Filen inneholder tegnet NUL (U+0000) ved leveranse.oppgave.virksomhet[0].inntektsmottaker[0].identifiserendeInformasjon.navn.",
    );
  });
});
