import "server-only";
import { createServer, type Server } from "node:http";
import { bearerToken, secretMatches } from "@/lib/http/shared-secret";
import { logger } from "@/lib/log/logger";
import { renderMetrics } from "./metrics";

/**
 * A delivery worker's own metrics (`npm run worker`; the web app serves its own at /api/metrics):
 * GET /api/metrics with `Authorization: Bearer <METRICS_TOKEN>`, the same path and token check as
 * the web app's route; anything else answers 404, a missing or wrong token 401.
 */
export async function startMetricsServer(options: { host: string; port: number; token: string }): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "").split("?")[0];
    if (request.method !== "GET" || path !== "/api/metrics") {
      response.writeHead(404).end();
      return;
    }
    if (!secretMatches(bearerToken(request.headers.authorization), options.token)) {
      response.writeHead(401, { "WWW-Authenticate": "Bearer" }).end();
      return;
    }
    renderMetrics().then(
      ({ body, contentType }) => response.writeHead(200, { "Content-Type": contentType }).end(body),
      (error: unknown) => {
        logger.error({ err: error }, "metrics: rendering failed");
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}
