import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxResponse } from "./sandbox-response";

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Writes a computed response. A client that gave up (timeout) is gone: the work is done and
 * remembered for its retry, so writing nothing is the right outcome, not an error.
 */
export function sendResponse(res: ServerResponse, response: SandboxResponse) {
  if (res.destroyed || res.socket?.destroyed || res.headersSent) return;
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
