import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECT_REFUSED_BY_GUARD, sendOutbound } from "./outbound";

/** A local service whose answer each test chooses by path; it counts the requests it gets. */
const hits = new Map<string, number>();
let base = "";
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  hits.set(path, (hits.get(path) ?? 0) + 1);
  req.resume();
  if (path === "/ok") {
    res.writeHead(201, { "content-type": "application/json", "x-correlation": "abc" }).end('{"id":"1"}');
  } else if (path === "/slow") {
    setTimeout(() => res.writeHead(200).end("late"), 2_000);
  } else if (path === "/big-declared") {
    res.writeHead(200, { "content-length": String(4096) }).end("x".repeat(4096));
  } else if (path === "/big-chunked") {
    res.writeHead(200);
    for (let i = 0; i < 8; i++) res.write("y".repeat(1024));
    res.end();
  } else if (path === "/unavailable") {
    res.writeHead(503).end("try later");
  } else if (path === "/flaky") {
    if (hits.get(path) === 1) res.writeHead(502).end();
    else res.writeHead(200).end("second time");
  } else if (path === "/redirect") {
    res.writeHead(302, { location: "/ok" }).end();
  } else {
    res.writeHead(404).end();
  }
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("sendOutbound", () => {
  it("returns the status, headers and body of an answer", async () => {
    const outcome = await sendOutbound({ method: "POST", url: `${base}/ok`, body: "{}", timeoutMs: 5_000 });
    expect(outcome).toMatchObject({
      kind: "response",
      status: 201,
      body: '{"id":"1"}',
      headers: { "x-correlation": "abc" },
    });
  });

  it("with a connect guard, connects only where the guard's resolution allows, resolved at connect time", async () => {
    const port = new URL(base).port;
    const resolved: string[] = [];
    const guard = (allowed: boolean) => ({
      resolve: async (host: string) => {
        resolved.push(host);
        return ["127.0.0.1"];
      },
      allow: () => allowed,
    });
    const before = hits.get("/ok") ?? 0;
    const url = `http://service.invalid:${port}/ok`;
    expect(
      await sendOutbound({ method: "POST", url, body: "{}", timeoutMs: 5_000, connectGuard: guard(true) }),
    ).toMatchObject({
      kind: "response",
      status: 201,
    });
    expect(
      await sendOutbound({ method: "POST", url, body: "{}", timeoutMs: 5_000, connectGuard: guard(false) }),
    ).toMatchObject({
      kind: "network",
      message: CONNECT_REFUSED_BY_GUARD,
    });
    expect(resolved).toEqual(["service.invalid", "service.invalid"]);
    expect(hits.get("/ok")).toBe(before + 1);
  });

  it("gives a timeout, not an exception, when the service does not answer in time", async () => {
    const outcome = await sendOutbound({ method: "GET", url: `${base}/slow`, timeoutMs: 100 });
    expect(outcome).toMatchObject({ kind: "timeout", message: "No answer within 100 ms" });
  });

  it("gives a network failure when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await sendOutbound({ method: "GET", url: `http://127.0.0.1:${port}/`, timeoutMs: 2_000 });
    expect(outcome).toMatchObject({ kind: "network", message: "ECONNREFUSED" });
  });

  it("does not read a body larger than the bound, declared or streamed", async () => {
    for (const path of ["/big-declared", "/big-chunked"]) {
      const outcome = await sendOutbound({
        method: "GET",
        url: `${base}${path}`,
        timeoutMs: 5_000,
        maxResponseBytes: 2048,
      });
      expect(outcome).toMatchObject({ kind: "too_large", status: 200 });
    }
    const fits = await sendOutbound({
      method: "GET",
      url: `${base}/big-chunked`,
      timeoutMs: 5_000,
      maxResponseBytes: 8192,
    });
    expect(fits).toMatchObject({ kind: "response", body: "y".repeat(8192) });
  });

  it("retries a read after a gateway error, as often as asked", async () => {
    const outcome = await sendOutbound({
      method: "GET",
      url: `${base}/flaky`,
      timeoutMs: 5_000,
      retries: 1,
      retryDelayMs: 1,
    });
    expect(outcome).toMatchObject({ kind: "response", status: 200, body: "second time" });
    hits.delete("/unavailable");
    const unavailable = await sendOutbound({
      method: "GET",
      url: `${base}/unavailable`,
      timeoutMs: 5_000,
      retries: 2,
      retryDelayMs: 1,
    });
    expect(unavailable).toMatchObject({ kind: "response", status: 503 });
    expect(hits.get("/unavailable")).toBe(3);
  });

  it("sends a write exactly once, whatever the answer", async () => {
    hits.delete("/unavailable");
    // A caller that smuggles retries past the types still gets one request.
    const write = {
      method: "POST",
      url: `${base}/unavailable`,
      body: "report",
      timeoutMs: 5_000,
      retries: 3,
    } as unknown as Parameters<typeof sendOutbound>[0];
    const outcome = await sendOutbound(write);
    expect(outcome).toMatchObject({ kind: "response", status: 503 });
    expect(hits.get("/unavailable")).toBe(1);
  });

  it("answers a redirect as it came, without following it with our headers", async () => {
    hits.delete("/ok");
    const outcome = await sendOutbound({
      method: "GET",
      url: `${base}/redirect`,
      headers: { Authorization: "Bearer t0ken-value" },
      timeoutMs: 5_000,
    });
    expect(outcome).toMatchObject({ kind: "response", status: 302, headers: { location: "/ok" } });
    expect(hits.get("/ok")).toBeUndefined();
  });

  it("never puts a header value we sent into a failure message", async () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.secret-token-payload.signature";
    const outcome = await sendOutbound({
      method: "GET",
      url: `${base}/ok`,
      headers: { Authorization: `Bearer ${token}\u0000` },
      timeoutMs: 5_000,
    });
    expect(outcome.kind).toBe("network");
    expect(outcome.kind === "network" && outcome.message).toContain("invalid header value");
    expect(JSON.stringify(outcome)).not.toContain("secret-token-payload");
  });
});
