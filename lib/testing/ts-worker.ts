import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread from a TypeScript source file, through tsx, for tests and scripts that
 * run the sources (the Next build bundles its workers instead). Paths like "@/lib/…" resolve
 * through tsconfig.json, as in the app.
 */
export function spawnTsWorker(file: URL) {
  return (options: WorkerOptions) =>
    new Worker(
      `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`,
      { ...options, eval: true },
    );
}
