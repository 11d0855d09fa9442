import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxResponse } from "./sandbox-response";

/**
 * Reads the body up to `maxBytes`. Beyond that it keeps reading, up to four times the limit, but
 * keeps nothing, so the client has sent its request before it is answered (a client cut off
 * mid-send sees a dropped connection, not the answer); a body larger than that is cut off.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes * 4) req.destroy();
    });
    req.on("end", () => resolve({ body: Buffer.concat(chunks), tooLarge: size > maxBytes }));
    req.on("close", () => resolve({ body: Buffer.concat(chunks), tooLarge: size > maxBytes }));
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
