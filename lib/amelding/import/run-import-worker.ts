import "server-only";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { env } from "@/lib/env";
import { createSemaphore, NoSlotError } from "@/lib/submissions/semaphore";
import { parseWholeNumber } from "@/lib/validation/decimal";
import { MAX_IMPORT_BYTES } from "./import-limits";
import type { ImportWorkerData, ImportWorkerMessage, ImportWorkerReply } from "./import-worker-body";
import type { PreparedImport } from "./prepare-import";

/*
 * Imports are parsed and validated off the web server's event loop, in a worker thread per
 * import (import-worker.ts) with its own memory limit, fed the request body as it streams in.
 * At most IMPORT_CONCURRENCY run at once; a request waits up to IMPORT_WAIT_SECONDS for its turn
 * (before its body is read, so a waiting upload holds no memory) and is then answered "busy".
 * Upload and check together may take IMPORT_TIMEOUT_SECONDS. A worker that exceeds its memory
 * (IMPORT_WORKER_MEMORY_MB) ends alone, and the file is refused as too complex. The worker keeps
 * the normalised payload until the request has saved it, handing it over part by part.
 */

export type OffThreadResult =
  | { kind: "prepared"; prepared: PreparedImport; /** With `payload`: the leveranse as JSON text, part by part. */ payload: AsyncIterable<string> }
  | { kind: "busy" | "too_large" | "too_complex" | "timeout" | "aborted" }
  | { kind: "failed"; error: unknown };

export type SpawnImportWorker = (options: WorkerOptions) => Worker;

/** Bytes of the body sent to the worker and not yet taken by it. */
const MAX_IN_FLIGHT = 4 * 1024 * 1024;

/** Requests waiting for a turn beyond this many are answered "busy" at once. */
const MAX_WAITING = 16;

let slots: ReturnType<typeof createSemaphore> | undefined;

/**
 * Has the request's body parsed and validated by an import worker, and runs `use` with the
 * outcome while the import holds its turn (and, when prepared, its worker with the payload).
 * `payload`: also keep the normalised leveranse as JSON, to save it.
 */
export async function withImportWorker<T>(
  request: Request,
  options: { payload: boolean; spawn?: SpawnImportWorker },
  use: (outcome: OffThreadResult) => Promise<T>,
): Promise<T> {
  const declared = parseWholeNumber(request.headers.get("content-length") ?? "") ?? 0;
  if (declared > MAX_IMPORT_BYTES) return use({ kind: "too_large" });
  slots ??= createSemaphore(env.IMPORT_CONCURRENCY, { maxWaiting: MAX_WAITING, maxWaitMs: env.IMPORT_WAIT_SECONDS * 1000 });
  let turn = false;
  try {
    return await slots(() => {
      turn = true;
      return runWorker(request, declared, options, use);
    });
  } catch (error) {
    if (error instanceof NoSlotError && !turn) return use({ kind: "busy" });
    throw error;
  }
}

async function runWorker<T>(
  request: Request,
  sizeHint: number,
  options: { payload: boolean; spawn?: SpawnImportWorker },
  use: (outcome: OffThreadResult) => Promise<T>,
): Promise<T> {
  const workerData: ImportWorkerData = { contentType: request.headers.get("content-type"), sizeHint, payload: options.payload };
  const resourceLimits = { maxOldGenerationSizeMb: env.IMPORT_WORKER_MEMORY_MB, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 };
  // The Next build bundles the worker from exactly this `new Worker(new URL(…, import.meta.url), …)`;
  // tests and scripts, which run the TypeScript sources, pass their own way to start it.
  const worker = options.spawn
    ? options.spawn({ workerData, resourceLimits })
    : new Worker(new URL("./import-worker.ts", import.meta.url), { workerData, resourceLimits });

  // What the worker has taken of the body so far, so no more than MAX_IN_FLIGHT waits in its queue.
  let received = 0;
  let onReceived: (() => void) | undefined;
  let onPart: ((text: string | null) => void) | undefined;
  let ended: OffThreadResult | undefined;
  const finished = new Promise<OffThreadResult>((resolve) => {
    const end = (result: OffThreadResult) => {
      ended ??= result;
      onPart?.(null);
      resolve(result);
    };
    worker.on("message", (reply: ImportWorkerReply) => {
      if (reply.type === "received") {
        received = reply.total;
        onReceived?.();
      } else if (reply.type === "part") onPart?.(reply.text);
      else resolve({ kind: "prepared", prepared: reply.prepared, payload: parts() });
    });
    worker.once("error", (error) =>
      end((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? { kind: "too_complex" } : { kind: "failed", error }),
    );
    worker.once("exit", (code) => end({ kind: "failed", error: new Error(`The import worker exited with code ${code}`) }));
  });
  const caughtUp = (sent: number) =>
    sent - received <= MAX_IN_FLIGHT ? Promise.resolve() : new Promise<void>((resolve) => (onReceived = () => sent - received <= MAX_IN_FLIGHT && resolve()));

  async function* parts(): AsyncGenerator<string> {
    for (;;) {
      const part = await new Promise<string | null>((resolve) => {
        onPart = resolve;
        worker.postMessage({ type: "next" } satisfies ImportWorkerMessage);
      });
      if (ended) throw new Error("The import worker ended before it handed over the payload", { cause: ended });
      if (part === null) return;
      yield part;
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<OffThreadResult>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "timeout" }), env.IMPORT_TIMEOUT_SECONDS * 1000);
  });
  const reader = request.body?.getReader();
  try {
    let outcome = await Promise.race([streamBody(reader, worker, caughtUp), finished, deadline]);
    if (outcome === "sent") {
      worker.postMessage({ type: "end" } satisfies ImportWorkerMessage);
      outcome = await Promise.race([finished, deadline]);
    }
    clearTimeout(timer);
    return await use(outcome);
  } finally {
    clearTimeout(timer);
    reader?.cancel().catch(() => {});
    await worker.terminate();
  }
}

/**
 * Passes the body to the worker chunk by chunk, as fast as the worker takes it, stopping as soon
 * as it grows past MAX_IMPORT_BYTES.
 */
async function streamBody(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  worker: Worker,
  caughtUp: (sent: number) => Promise<void>,
): Promise<"sent" | OffThreadResult> {
  if (!reader) return "sent";
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return "sent";
      size += value.byteLength;
      if (size > MAX_IMPORT_BYTES) return { kind: "too_large" };
      // A copy in a buffer of its own: a chunk may be a view into a buffer the stream reuses.
      const bytes = new Uint8Array(value);
      worker.postMessage({ type: "chunk", bytes } satisfies ImportWorkerMessage, [bytes.buffer]);
      await caughtUp(size);
    }
  } catch {
    return { kind: "aborted" };
  }
}
