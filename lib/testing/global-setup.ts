import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * Integration tests run against a real PostgreSQL: TEST_DATABASE_URL when given, else an
 * embedded server in a fresh temporary folder, migrated exactly as the app migrates at start.
 */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!url) {
    dir = await mkdtemp(path.join(os.tmpdir(), "innrapportering-test-pg-"));
    const db = await startEmbeddedPostgres({ dir: path.join(dir, "data"), port: await freePort() });
    url = db.url;
    stop = db.stop;
  }
  await runMigrations(url);
  project.provide("databaseUrl", url);
  return async () => {
    await stop?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
