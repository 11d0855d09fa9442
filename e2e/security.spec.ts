import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import type postgres from "postgres";
import { hasPermission } from "../lib/auth/permissions";
import { generateLeveranse } from "../lib/testing/amelding-generator";
import { DEMO, type DemoRole, demoPassword, serverActionId, signIn, storageStateFor } from "./fixtures";
import {
  ACTIONS,
  type MatrixFixture,
  type Requirement,
  ROUTES,
  type RouteRequest,
} from "./security/authorisation-matrix";
import { connectToProductDatabase, createMatrixFixture, databaseFingerprint } from "./security/matrix-fixture";

/**
 * The security suite: the authorisation matrix over every server action and route handler of this
 * build (entries in e2e/security/authorisation-matrix.ts), the headers, the Origin check and
 * server-side sessions. Requests go straight to the server (Playwright's request context), as a
 * hand-crafted request would, bypassing everything the UI hides.
 */
type Caller = "anonymous" | DemoRole;
const CALLERS: Caller[] = ["anonymous", "admin", "support", "manager"];
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

type ManifestAction = { filename: string; exportedName: string; workers: Record<string, unknown> };
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.resolve(".next/server", file), "utf8")) as T;
const buildActions = () =>
  Object.entries(readJson<{ node: Record<string, ManifestAction> }>("server-reference-manifest.json").node);
const buildRoutes = () =>
  Object.keys(readJson<Record<string, string>>("app-paths-manifest.json"))
    .filter((p) => p.endsWith("/route"))
    .map((p) => p.slice(0, -"/route".length));

type Answer = { status: number; location?: string; body: string };
type ActionOutcome = {
  ok: boolean;
  error?: { code?: string; messageKey?: string; fieldErrors?: Record<string, string[]> };
};

/**
 * What an action answered: the `{"ok":…}` row of its RSC response. (The rest of the payload is the
 * re-rendered page, which carries the message catalogue, so it must not be searched for words.)
 */
function actionOutcome(body: string): ActionOutcome | null {
  for (const line of body.split("\n")) {
    const json = /^[0-9a-f]+:(\{"ok":.*)$/.exec(line)?.[1];
    if (json) return JSON.parse(json) as ActionOutcome;
  }
  return null;
}

/** Refused by authentication, permission or organisation scoping, in any of the forms the app answers. */
function isRefused(r: Answer, scoped: boolean) {
  if (r.status === 401 || r.status === 403 || r.status === 404 || isRedirectToLogin(r.status, r.location)) return true;
  const outcome = actionOutcome(r.body);
  const json = outcome ?? parseJson(r.body);
  const error = (json as ActionOutcome | null)?.error;
  if (typeof error === "string") return ["forbidden", "unauthenticated", "not_found"].includes(error);
  if (error && ["forbidden", "unauthenticated", "not_found"].includes(error.code ?? "")) return true;
  if (error?.messageKey === "errors.organisationForbidden") return true;
  if (!scoped) return false;
  // About another organisation, these answers mean "you see nothing of it" as well.
  if (error?.fieldErrors?.organisationIds?.includes("organisationInvalid")) return true;
  if (error?.messageKey === "errorGroups.bulk.nothingToRetry") return true;
  const documentErrors = (json as { documentErrors?: { code: string }[] } | null)?.documentErrors ?? [];
  return documentErrors.some((d) => d.code === "organisation_not_accessible");
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function isRedirectToLogin(status: number, location: string | undefined) {
  return status >= 300 && status < 400 && Boolean(location?.includes("/login"));
}

function mayCall(caller: Caller, requires: Requirement) {
  if (requires === "public") return true;
  // The public API takes keys only: no session, whatever its role, gets in.
  if (typeof requires === "object" && !Array.isArray(requires)) return false;
  if (caller === "anonymous") return false;
  if (requires === "authenticated") return true;
  return (Array.isArray(requires) ? requires : [requires]).every((p) => hasPermission(caller, p));
}

/** The page to post an action to: one whose bundle has it (dynamic segments filled in). */
function pageFor(workers: Record<string, unknown>, f: MatrixFixture) {
  const worker = Object.keys(workers).sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")))[0]!;
  const route = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^/]+\)/g, "")
    .replace(/\[[^\]]+\]/g, f.ownSubmissionId);
  return route || "/";
}

async function callAction(
  ctx: APIRequestContext,
  page: string,
  actionId: string,
  args: unknown[],
  headers: Record<string, string> = {},
) {
  const res = await ctx.post(page, {
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: res.status(), location: res.headers().location, body: await res.text() };
}

async function callRoute(ctx: APIRequestContext, r: RouteRequest, apiKey?: string) {
  const res = await ctx.fetch(r.path, {
    method: r.method,
    headers: {
      ...r.headers,
      ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
      ...(r.body !== undefined ? { "Content-Type": r.contentType ?? "application/json" } : {}),
    },
    ...(r.body !== undefined ? { data: r.body } : {}),
    maxRedirects: 0,
  });
  return { status: res.status(), location: res.headers().location, body: await res.text() };
}

const contextFor = (caller: Caller) =>
  playwrightRequest.newContext({
    baseURL,
    storageState: caller === "anonymous" ? { cookies: [], origins: [] } : storageStateFor(caller),
  });

let sql: postgres.Sql;
let f: MatrixFixture;

test.beforeAll(async () => {
  sql = connectToProductDatabase();
  f = await createMatrixFixture(sql);
  // The matrix's A-melding files are valid, so only the organisation check can refuse them.
  validAmelding.own = JSON.stringify({
    leveranse: generateLeveranse({ opplysningspliktig: f.ownOrg.orgnr, virksomhet: "310900230", persons: 1 }),
  });
  validAmelding.other = JSON.stringify({
    leveranse: generateLeveranse({ opplysningspliktig: f.otherOrg.orgnr, virksomhet: "310900230", persons: 1 }),
  });
});
test.afterAll(async () => {
  await sql?.end();
});
const validAmelding = { own: "", other: "" };
/** The import route's bodies are built here, where the generator's valid files are at hand. */
const withValidFile = (r: RouteRequest, scope: "own" | "other"): RouteRequest =>
  r.path.startsWith("/api/amelding/import") ? { ...r, body: validAmelding[scope] } : r;

test("every server action and route handler of the build has an entry in the authorisation matrix", async () => {
  const actions = buildActions().map(([, a]) => `${a.filename}#${a.exportedName}`);
  expect(
    actions.filter((a) => !(a in ACTIONS)),
    "actions without a matrix entry",
  ).toEqual([]);
  expect(
    Object.keys(ACTIONS).filter((a) => !actions.includes(a)),
    "matrix entries for no action",
  ).toEqual([]);
  const routes = buildRoutes();
  expect(
    routes.filter((r) => !(r in ROUTES)),
    "routes without a matrix entry",
  ).toEqual([]);
  expect(
    Object.keys(ROUTES).filter((r) => !routes.includes(r)),
    "matrix entries for no route",
  ).toEqual([]);

  // The methods each route exports, as Next answers OPTIONS, are the ones the matrix declares.
  const admin = await contextFor("admin");
  for (const [route, entry] of Object.entries(ROUTES)) {
    const concrete = route.replace("[...nextauth]", "session").replace("[id]", f.otherBulkOperationId);
    const res = await admin.fetch(concrete, { method: "OPTIONS", maxRedirects: 0 });
    const allow = (res.headers().allow ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter((m) => m && m !== "OPTIONS" && m !== "HEAD");
    expect(allow.sort(), `methods of ${route}`).toEqual([...entry.methods].sort());
  }
  await admin.dispose();
});

for (const caller of CALLERS) {
  test(`authorisation matrix as ${caller}: refused where the role or organisation does not allow, and nothing changed`, async () => {
    const ctx = await contextFor(caller);
    const failures: string[] = [];
    let checked = 0;
    const refusedAndUnchanged = async (label: string, call: () => Promise<Answer>, scoped: boolean) => {
      checked++;
      const before = await databaseFingerprint(sql);
      const r = await call();
      if (!isRefused(r, scoped))
        failures.push(
          `${label}: not refused (${r.status}) ${JSON.stringify(actionOutcome(r.body)) ?? r.body.slice(0, 200)}`,
        );
      const after = await databaseFingerprint(sql);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      if (changed.length) failures.push(`${label}: changed ${changed.join(", ")}`);
    };
    const allowed = async (label: string, call: () => Promise<Answer>, isAction: boolean) => {
      checked++;
      const r = await call();
      const outcome = actionOutcome(r.body);
      // An action that ran answers {"ok":…}: a validation error or conflict is fine, a refusal is not.
      if (r.status >= 400 || isRefused(r, false) || (isAction && !outcome)) {
        failures.push(
          `${label}: refused although allowed (${r.status}) ${JSON.stringify(outcome) ?? r.body.slice(0, 200)}`,
        );
      }
    };

    for (const [id, action] of buildActions()) {
      const key = `${action.filename}#${action.exportedName}`;
      const entry = ACTIONS[key];
      if (!entry) continue; // reported by the test above
      const page = pageFor(action.workers, f);
      for (const scope of ["own", "other"] as const) {
        const call = scope === "own" ? entry.own(f) : entry.other?.(f);
        if (!call || "skip" in call) continue;
        const label = `${key} (${scope} organisation)`;
        const run = () => callAction(ctx, page, id, call.args);
        if (!mayCall(caller, entry.requires)) await refusedAndUnchanged(label, run, false);
        else if (scope === "other") await refusedAndUnchanged(label, run, true);
        else if (entry.requires !== "public") await allowed(label, run, true);
      }
    }

    for (const [route, entry] of Object.entries(ROUTES)) {
      const own = entry.own(f);
      if (!("skip" in own)) {
        const run = () => callRoute(ctx, withValidFile(own, "own"));
        if (!mayCall(caller, entry.requires)) await refusedAndUnchanged(`${route} (own organisation)`, run, false);
        else await allowed(`${route} (own organisation)`, run, false);
      }
      const other = entry.other?.(f);
      if (!other) continue;
      const run = () => callRoute(ctx, withValidFile(other, "other"));
      if (!mayCall(caller, entry.requires) || other.expect === "refused") {
        await refusedAndUnchanged(`${route} (other organisation)`, run, mayCall(caller, entry.requires));
      } else {
        const r = await run();
        if (!other.isEmpty(r.status, r.body))
          failures.push(`${route} (other organisation): answered with data (${r.status}) ${r.body.slice(0, 200)}`);
      }
    }
    await ctx.dispose();
    expect(failures).toEqual([]);
    // Every entry was exercised for this caller (actions and routes, both organisations where given).
    expect(checked).toBeGreaterThan(caller === "anonymous" ? 15 : 20);
  });
}

test("API keys: a key reaches its own organisation's data within its scopes, never another's, and a refused call changes nothing", async () => {
  const ctx = await contextFor("anonymous");
  const failures: string[] = [];
  let checked = 0;
  for (const [route, entry] of Object.entries(ROUTES)) {
    const requires = entry.requires;
    if (typeof requires !== "object" || Array.isArray(requires)) continue;
    const own = entry.own(f);
    const other = entry.other?.(f);
    for (const [label, key, mayUse] of [
      ["full key", f.apiKey, true],
      ["read-only key", f.readOnlyApiKey, requires.apiKeyScope === "read"],
    ] as const) {
      if (!("skip" in own)) {
        checked++;
        const before = await databaseFingerprint(sql);
        const r = await callRoute(ctx, own, key);
        if (mayUse && (r.status >= 400 || isRefused(r, false)))
          failures.push(`${route} (own, ${label}): refused although allowed (${r.status}) ${r.body.slice(0, 200)}`);
        if (!mayUse) {
          if (r.status !== 403) failures.push(`${route} (own, ${label}): not refused (${r.status})`);
          const after = await databaseFingerprint(sql);
          const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
          if (changed.length) failures.push(`${route} (own, ${label}): changed ${changed.join(", ")}`);
        }
      }
      if (!other) continue;
      checked++;
      const before = await databaseFingerprint(sql);
      const r = await callRoute(ctx, other, key);
      // A read that answers for the caller's own organisations only (the board) must hold none of the other's.
      if (other.expect === "empty" && mayUse) {
        if (!other.isEmpty(r.status, r.body))
          failures.push(`${route} (other, ${label}): answered with data (${r.status}) ${r.body.slice(0, 200)}`);
      } else if (!isRefused(r, true))
        failures.push(`${route} (other, ${label}): not refused (${r.status}) ${r.body.slice(0, 200)}`);
      const after = await databaseFingerprint(sql);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      if (changed.length) failures.push(`${route} (other, ${label}): changed ${changed.join(", ")}`);
    }
  }
  await ctx.dispose();
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(8);
});

test.describe("headers", () => {
  test("every page gets a Content-Security-Policy whose script nonce is on each of its scripts, and no inline scripts without it", async ({
    request,
  }) => {
    const admin = await contextFor("admin");
    for (const [ctx, pagePath] of [
      [request, "/login"],
      [admin, "/"],
      [admin, "/innsendinger"],
      [admin, "/brukere"],
    ] as const) {
      const res = await ctx.get(pagePath);
      expect(res.status(), pagePath).toBe(200);
      const csp = res.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${pagePath}: ${csp}`).toBeTruthy();
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      expect(
        scripts.filter((s) => !s.includes(`nonce="${nonce}"`)),
        pagePath,
      ).toEqual([]);
      expect(res.headers()["x-frame-options"]).toBe("DENY");
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["strict-transport-security"]).toBeUndefined();
    }
    const again = await admin.get("/");
    expect(again.headers()["content-security-policy"]).not.toBe(
      (await admin.get("/")).headers()["content-security-policy"],
    );
    await admin.dispose();
  });

  test("sends HSTS when served over https (behind a proxy that says so)", async ({ request }) => {
    const res = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
    expect(res.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test.describe("in the browser", () => {
    test.use({ storageState: storageStateFor("admin") });
    test("pages with charts, forms and translations run without a single CSP violation", async ({ page }) => {
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
      });
      for (const pagePath of [
        "/",
        "/innsendinger",
        "/a-melding/ny",
        "/oppdrag/ny",
        "/revisjonslogg",
        "/organisasjoner",
      ]) {
        await page.goto(pagePath);
        await page.waitForLoadState("networkidle");
      }
      // Hydrated: a client component reacts.
      await page.getByLabel("Språk").selectOption("en");
      await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
      await page.getByLabel("Language").selectOption("nb");
      expect(violations).toEqual([]);
    });
  });
});

test.describe("requests from another site", () => {
  test("a server action with a foreign Origin answers 403 and changes nothing", async () => {
    const admin = await contextFor("admin");
    const before = await databaseFingerprint(sql);
    const r = await callAction(
      admin,
      "/brukere",
      serverActionId("lib/users/actions.ts", "setUserActiveAction"),
      [{ userId: f.ownUserId, active: false }],
      {
        Origin: "https://angriper.example",
      },
    );
    expect(r.status).toBe(403);
    expect(await databaseFingerprint(sql)).toEqual(before);
    // The same call from the app's own origin goes through.
    const same = await callAction(
      admin,
      "/brukere",
      serverActionId("lib/users/actions.ts", "setUserActiveAction"),
      [{ userId: f.ownUserId, active: true }],
      {
        Origin: baseURL,
      },
    );
    expect(same.status).toBe(200);
    expect(same.body).toContain('"ok":true');
    await admin.dispose();
  });

  test("a mutating route request with a foreign Origin answers 403", async () => {
    const admin = await contextFor("admin");
    const res = await admin.post("/api/amelding/import?intent=draft", {
      data: validAmelding.own,
      headers: { Origin: "null", "Content-Type": "application/json" },
    });
    expect(res.status()).toBe(403);
    await admin.dispose();
  });
});

test.describe("sessions end on the server", () => {
  test("a copied session cookie stops working when its owner signs out", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, DEMO.manager.email, demoPassword());
    await expect(page.getByTestId("signed-in-user")).toBeVisible();
    const copy = await playwrightRequest.newContext({ baseURL, storageState: await context.storageState() });
    expect((await copy.get("/api/submissions")).status()).toBe(200);

    await page.getByRole("button", { name: "Logg ut" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await copy.get("/api/submissions")).status()).toBe(401);
    await copy.dispose();
    await context.close();
  });

  test("deactivating a user ends their signed-in session at once", async ({ browser }) => {
    const admin = await contextFor("admin");
    const email = `sesjon-${f.unique()}@innrapportering.test`;
    const password = "sesjon-passord-12345";
    const created = await callAction(admin, "/brukere", serverActionId("lib/users/actions.ts", "createUserAction"), [
      { email, name: "Sesjon Test", role: "support", password, organisationIds: [f.ownOrg.id] },
    ]);
    const userId = /"id":"([0-9a-f-]{36})"/.exec(created.body)?.[1];
    expect(userId, created.body).toBeTruthy();

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, email, password);
    await expect(page.getByTestId("signed-in-user")).toContainText("Sesjon Test");
    expect((await page.request.get("/api/submissions")).status()).toBe(200);

    const off = await callAction(admin, "/brukere", serverActionId("lib/users/actions.ts", "setUserActiveAction"), [
      { userId, active: false },
    ]);
    expect(off.body).toContain('"ok":true');
    expect((await page.request.get("/api/submissions")).status()).toBe(401);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
    await admin.dispose();
  });
});

test.describe("user administration is limited to the admin's organisations", () => {
  test.use({ storageState: storageStateFor("admin") });
  test("an admin sees users of their own organisations, not those of another", async ({ page }) => {
    const [own] = await sql<{ email: string }[]>`select email from users where id = ${f.ownUserId}`;
    const [other] = await sql<{ email: string }[]>`select email from users where id = ${f.otherUserId}`;
    await page.goto("/brukere");
    await expect(page.getByTestId(`user-row-${own!.email}`)).toBeVisible();
    await expect(page.getByText(other!.email)).toHaveCount(0);
  });
});
