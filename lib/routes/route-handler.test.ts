import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createLogger } from "@/lib/log/logger";
import { answer, createDefineRoute, type RouteDeps, STREAMED } from "./route-handler";

function captureLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ destination, level: "debug" }), text: () => lines.join("") };
}

const user = (role: CurrentUser["role"]): CurrentUser => ({
  id: "u1",
  email: "x@example.test",
  name: "X",
  role,
  organisationIds: ["o1"],
});

function routeFor(deps: Partial<RouteDeps> & { user?: CurrentUser | null }) {
  const log = captureLog();
  const defineRoute = createDefineRoute({
    currentUser: async () => deps.user ?? null,
    logger: log.logger,
    publicUrl: "http://app.test",
  });
  return { defineRoute, log };
}

const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://app.test${path}`, { headers: { host: "app.test", ...headers } });
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  new Request(`http://app.test${path}`, {
    method: "POST",
    body,
    headers: { host: "app.test", "Content-Type": "application/json", ...headers },
  });

const intentQuery = z.object({ intent: z.enum(["check", "draft"]) });
const countOutput = z.object({ count: z.number() });

describe("defineRoute: who may call", () => {
  it("answers 401 to an anonymous caller and does not run the handler", async () => {
    const { defineRoute } = routeFor({ user: null });
    let ran = false;
    const GET = defineRoute({ name: "t", access: { session: ["submission:read"] }, output: countOutput }, async () => {
      ran = true;
      return { count: 1 };
    });
    const res = await GET(get("/api/t"));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "unauthenticated" });
    expect(ran).toBe(false);
  });

  it("answers 403 when the role lacks one of the permissions, and runs for a role that holds them all", async () => {
    const route = (u: CurrentUser) =>
      routeFor({ user: u }).defineRoute(
        { name: "t", access: { session: ["export:read", "submission:edit"] }, output: countOutput },
        async (_i, { user }) => ({
          count: user.organisationIds.length,
        }),
      );
    const refused = await route(user("manager"))(get("/api/t"));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden", messageKey: "errors.forbidden" });
    const allowed = await route(user("admin"))(get("/api/t"));
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ count: 1 });
  });

  it("answers 403 to a mutating request from another site's page, but not to a GET nor to its own origin", async () => {
    const { defineRoute } = routeFor({ user: user("admin") });
    let runs = 0;
    const handler = async () => ({ count: ++runs });
    const POST = defineRoute({ name: "t", access: { session: ["submission:edit"] }, output: countOutput }, handler);
    const GET = defineRoute({ name: "t", access: { session: ["submission:read"] }, output: countOutput }, handler);
    for (const origin of ["https://angriper.example", "null"]) {
      const res = await POST(post("/api/t", "{}", { origin }));
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: "forbidden" });
    }
    expect(runs).toBe(0);
    expect((await POST(post("/api/t", "{}", { origin: "http://app.test" }))).status).toBe(200);
    expect((await GET(get("/api/t", { origin: "https://angriper.example" }))).status).toBe(200);
  });

  it("a shared-secret route is off without a secret, refuses a wrong one, and never asks for a session", async () => {
    const route = (secret: string | undefined) =>
      routeFor({ user: null }).defineRoute(
        {
          name: "hook",
          access: { sharedSecret: { param: "secret", secret, whenUnset: "The hook is off: set HOOK_SECRET" } },
          output: countOutput,
        },
        async (_i, { user }) => ({ count: user === null ? 0 : 1 }),
      );
    const off = await route(undefined)(post("/api/hook?secret=x", "{}"));
    expect(off.status).toBe(404);
    expect(await off.json()).toEqual({ error: "The hook is off: set HOOK_SECRET" });
    expect((await route("right")(post("/api/hook?secret=wrong", "{}"))).status).toBe(401);
    expect((await route("right")(post("/api/hook", "{}"))).status).toBe(401);
    // A server sends what it likes as Origin; the secret is what authenticates it.
    const ok = await route("right")(post("/api/hook?secret=right", "{}", { origin: "https://altinn.example" }));
    expect(await ok.json()).toEqual({ count: 0 });
  });
});

describe("defineRoute: bearer-token access", () => {
  const route = (secret: string | undefined) =>
    routeFor({ user: null }).defineRoute(
      { name: "metrics", access: { bearerToken: { secret, whenUnset: "not_found" } }, output: countOutput },
      async (_i, { user }) => ({ count: user === null ? 0 : 1 }),
    );
  const withToken = (authorization?: string) =>
    get("/api/metrics", authorization === undefined ? {} : { authorization });

  it("is off (404) without a configured token, and answers 401 to a missing, wrong or differently sent token", async () => {
    expect((await route(undefined)(withToken("Bearer anything"))).status).toBe(404);
    const secret = "a-metrics-token-of-enough-length";
    for (const sent of [undefined, "Bearer wrong", `Bearer ${secret}x`, `Basic ${secret}`, secret]) {
      const answer = await route(secret)(withToken(sent));
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toBe("Bearer");
    }
    // The token in the query string is not the bearer token.
    expect((await route(secret)(get(`/api/metrics?token=${secret}`))).status).toBe(401);
    const ok = await route(secret)(withToken(`Bearer ${secret}`));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ count: 0 });
  });
});

describe("defineRoute: input", () => {
  const { defineRoute } = routeFor({ user: user("admin") });
  const GET = defineRoute(
    {
      name: "t",
      access: { session: ["submission:read"] },
      query: intentQuery,
      output: z.object({ intent: z.string() }),
    },
    async ({ query }) => ({ intent: query.intent }),
  );

  it("answers a bad query 400 naming the parameter at fault", async () => {
    for (const path of ["/api/t", "/api/t?intent=delete"]) {
      const res = await GET(get(path));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; issues: { path: string }[] };
      expect(body.error).toBe("invalid_query");
      expect(body.issues.map((i) => i.path)).toEqual(["intent"]);
    }
    expect(await (await GET(get("/api/t?intent=check"))).json()).toEqual({ intent: "check" });
  });

  it("refuses a query the input guard refuses (too long a value) before zod sees it", async () => {
    const res = await GET(get(`/api/t?intent=${"x".repeat(3_000)}`));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "input_refused", refused: "textTooLong" });
  });

  it("answers params that do not match 404, as there is no such thing", async () => {
    const byId = defineRoute(
      {
        name: "t",
        access: { session: ["submission:read"] },
        params: z.object({ id: z.uuid() }),
        output: z.object({ id: z.string() }),
      },
      async ({ params }) => ({ id: params.id }),
    );
    expect((await byId(get("/api/t/1"), { params: Promise.resolve({ id: "not-a-uuid" }) })).status).toBe(404);
    const id = "0b6f1b8e-2c9a-4c1e-9a53-7c1f0e3d2a10";
    expect(await (await byId(get(`/api/t/${id}`), { params: Promise.resolve({ id }) })).json()).toEqual({ id });
  });

  it("reads a JSON body within its bounds: too large 413, a prototype key or bad JSON 400, a schema mismatch 400 with the field", async () => {
    const POST = defineRoute(
      {
        name: "t",
        access: { session: ["submission:edit"] },
        body: { schema: z.object({ n: z.number() }), maxBytes: 100 },
        output: countOutput,
      },
      async ({ body }) => ({ count: body.n }),
    );
    expect((await POST(post("/api/t", JSON.stringify({ n: 1, pad: "x".repeat(200) })))).status).toBe(413);
    expect(await (await POST(post("/api/t", '{"n":1,"__proto__":{"x":1}}'))).json()).toMatchObject({
      error: "input_refused",
      refused: "forbiddenKey",
    });
    expect(await (await POST(post("/api/t", "{not json"))).json()).toEqual({ error: "malformed" });
    const invalid = await POST(post("/api/t", '{"n":"1"}'));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: "invalid_body", issues: [{ path: "n" }] });
    expect(await (await POST(post("/api/t", '{"n":7}'))).json()).toEqual({ count: 7 });
  });
});

describe("defineRoute: answers", () => {
  it("sends only what the output schema declares", async () => {
    const { defineRoute } = routeFor({ user: user("admin") });
    const GET = defineRoute({ name: "t", access: { session: ["submission:read"] }, output: countOutput }, async () => {
      const row = { count: 2, passwordHash: "secret-hash" };
      return row;
    });
    const res = await GET(get("/api/t"));
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toBe('{"count":2}');
  });

  it("answers an answer that does not match its output schema 500 with a reference that is logged, and leaks nothing of it", async () => {
    const { defineRoute, log } = routeFor({ user: user("admin") });
    const GET = defineRoute(
      { name: "mismatch", access: { session: ["submission:read"] }, output: countOutput },
      async () =>
        // A fødselsnummer where a number was declared: neither the browser nor the log may see it.
        ({ count: "01017012345" }) as unknown as { count: number },
    );
    const res = await GET(get("/api/t"));
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text) as { error: string; reference: string };
    expect(Object.keys(body).sort()).toEqual(["error", "reference"]);
    expect(body.error).toBe("internal");
    expect(text).not.toContain("01017012345");
    expect(log.text()).toContain(body.reference);
    expect(log.text()).toContain("mismatch");
    expect(log.text()).toContain("count");
    expect(log.text()).not.toContain("01017012345");
  });

  it("answers a SafeError with its code and status, an unexpected error 500 with a logged reference and not its message", async () => {
    const { defineRoute, log } = routeFor({ user: user("admin") });
    const notFound = defineRoute(
      { name: "t", access: { session: ["submission:read"] }, output: countOutput },
      async () => {
        throw new SafeError("not_found", "errors.notFound");
      },
    );
    const res = await notFound(get("/api/t"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not_found", messageKey: "errors.notFound" });

    const broken = defineRoute({ name: "broken", access: { public: { why: "test" } }, output: STREAMED }, async () => {
      throw new Error("connection to 10.0.0.7 refused");
    });
    const failed = await broken(get("/api/t"));
    expect(failed.status).toBe(500);
    const body = (await failed.json()) as { error: string; reference: string };
    expect(body).toEqual({ error: "internal", reference: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(log.text()).toContain(body.reference);
  });

  it("sends a handler's status and headers with a JSON answer", async () => {
    const { defineRoute } = routeFor({ user: user("admin") });
    const GET = defineRoute({ name: "t", access: { session: ["submission:read"] }, output: countOutput }, async () =>
      answer({ count: 0 }, { status: 503, headers: { "Retry-After": "30" } }),
    );
    const res = await GET(get("/api/t"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toEqual({ count: 0 });
  });
});
