import "server-only";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { listenSandboxServer } from "../listen";
import { readBody, sendResponse } from "../skatteetaten/http-io";
import { jsonResponse, type SandboxResponse } from "../skatteetaten/sandbox-response";

export type AltinnRequest = {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The bearer token, if one was sent. */
  bearer: string | null;
};

/** One area of the platform (Dialogporten, system-user requests, ...). Answers null for paths it does not own. */
export type AltinnRouteHandler = (request: AltinnRequest) => Promise<SandboxResponse | null> | SandboxResponse | null;

export type SandboxAltinnOptions = { host?: string; port?: number; handlers: AltinnRouteHandler[] };

export type SandboxAltinn = { url: string; close(): Promise<void> };

/**
 * A local stand-in for the Altinn platform host (`{platform}` in docs/domain.md, "System user" and
 * "Dialogporten and Altinn Events"). Each
 * platform API it imitates is a handler of its own; they share only this HTTP server.
 */
export async function startSandboxAltinn(options: SandboxAltinnOptions): Promise<SandboxAltinn> {
  const server = createServer((req, res) => {
    res.on("error", () => {});
    void (async () => {
      const url = new URL(req.url ?? "/", "http://sandbox.invalid");
      const { body: rawBody, tooLarge } = await readBody(req, 1024 * 1024);
      if (tooLarge) return sendResponse(res, jsonResponse(413, { title: "Payload Too Large", status: 413 }));
      const authorization = req.headers.authorization ?? "";
      const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1] ?? null;
      const request: AltinnRequest = { method: req.method ?? "GET", url, headers: req.headers, rawBody, bearer };
      for (const handler of options.handlers) {
        const response = await handler(request);
        if (response) return sendResponse(res, response);
      }
      sendResponse(
        res,
        jsonResponse(404, {
          title: "Not Found",
          status: 404,
          detail: `No sandbox route for ${request.method} ${url.pathname}`,
        }),
      );
    })().catch(() => sendResponse(res, jsonResponse(500, { title: "Internal Server Error", status: 500 })));
  });

  return listenSandboxServer(server, options.host ?? "127.0.0.1", options.port ?? 0);
}
