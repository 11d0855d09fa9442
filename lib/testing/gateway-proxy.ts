import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type ProxiedExchange = {
  request: { method: string; path: string; body: Buffer };
  response: { status: number; headers: Record<string, string>; body: Buffer };
};
export type GatewayAnswer = { status: number; headers?: Record<string, string>; body: Buffer | string };

async function readAll(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A gateway in front of the sandbox, as a proxy or load balancer between us and Skatteetaten
 * would be: every request reaches the sandbox (so it is processed there), and `rewrite` may
 * replace the answer on its way back (an HTML error page, an empty body, a NUL byte).
 */
export async function startGatewayProxy(target: string, rewrite: (exchange: ProxiedExchange) => GatewayAnswer | null) {
  const server = createServer(async (req, res) => {
    try {
      const body = await readAll(req);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] =>
            typeof e[1] === "string" && !["host", "content-length", "connection"].includes(e[0]),
        ),
      );
      const upstream = await fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === "GET" ? undefined : body,
      });
      const exchange: ProxiedExchange = {
        request: { method: req.method ?? "GET", path: req.url ?? "/", body },
        response: {
          status: upstream.status,
          headers: Object.fromEntries(upstream.headers),
          body: Buffer.from(await upstream.arrayBuffer()),
        },
      };
      const answer = rewrite(exchange) ?? exchange.response;
      const out = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
      const outHeaders = { ...(answer.headers ?? exchange.response.headers) };
      delete outHeaders["content-length"];
      delete outHeaders["transfer-encoding"];
      delete outHeaders["content-encoding"];
      res.writeHead(answer.status, { ...outHeaders, "content-length": String(out.length) });
      res.end(out);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
