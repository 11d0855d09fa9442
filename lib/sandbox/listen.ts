import "server-only";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Starts a sandbox server on `host:port` (0 = a free port) and gives the URL clients use (a
 * wildcard host is reached through the loopback address) and a close that also ends kept-alive
 * connections, so tests and `npm start` can stop it at once.
 */
export async function listenSandboxServer(server: Server, host: string, port: number) {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  const publicHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${publicHost}:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
