/**
 * The built product started the way `npm start` does (scripts/start.ts: embedded PostgreSQL, the
 * sandbox, the worker and `next start`), on its own ports (`port` and the four after it) and a
 * throw-away data folder, for the benchmarks that measure it over HTTP (bench:import, bench:js).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export type BuiltProduct = {
  /** The data folder (removed by `stop`); its server log is written beside it as `<dataDir>.log`. */
  dataDir: string;
  /** The demo users' password for this run. */
  password: string;
  /** The process group's leader (scripts/start.ts). */
  pid: number;
  /** Waits until /api/health answers 200. */
  healthy: (timeoutMs?: number) => Promise<void>;
  /** Writes the log, ends the whole process group and removes the data folder. */
  stop: () => Promise<void>;
};

export async function startBuiltProduct(port: number, name: string): Promise<BuiltProduct> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build found. Run `npm run build` first.");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `bench-${name}-`));
  const password = randomBytes(12).toString("base64url");
  const log = `${dataDir}.log`;
  console.log(`Starting the product on port ${port} (data in ${dataDir}, log ${log}) …`);
  const server = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    env: {
      ...process.env,
      APP_MODE: "sandbox",
      PORT: String(port),
      EMBEDDED_PG_PORT: String(port + 1),
      SANDBOX_MASKINPORTEN_PORT: String(port + 2),
      SANDBOX_SKATTEETATEN_PORT: String(port + 3),
      SANDBOX_ALTINN_PORT: String(port + 4),
      DATA_DIR: dataDir,
      DEMO_PASSWORD: password,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it reaches PostgreSQL, the sandbox and Next as well.
    detached: true,
  });
  const output: Buffer[] = [];
  server.stdout!.on("data", (c: Buffer) => output.push(c));
  server.stderr!.on("data", (c: Buffer) => output.push(c));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, name);
    } catch {
      // already gone
    }
  };
  return {
    dataDir,
    password,
    pid: server.pid!,
    async healthy(timeoutMs = 180_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error("The server did not become healthy");
    },
    async stop() {
      writeFileSync(log, Buffer.concat(output));
      signal("SIGTERM");
      await new Promise((r) => setTimeout(r, 3000));
      signal("SIGKILL");
      await rm(dataDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}
