import "server-only";
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { setPriority } from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { env } from "@/lib/env";
import { createSemaphore, NoSlotError } from "@/lib/submissions/engine/semaphore";
import { parseWholeNumber } from "@/lib/validation/decimal";
import { MAX_IMPORT_BYTES } from "./import-limits";
import type { ImportProcessMessage, ImportProcessReply } from "./import-process";
import type { PreparedImport } from "./prepare-import";

/*
 * Imports are parsed and validated off the web server's event loop, in a child process per
 * import (import-process.ts) fed the request body as it streams in. A process rather than a
 * worker thread: a worker that reaches its heap limit may abort the whole server process
 * (nodejs/node#47224), and a hostile file can make a parser or zod allocate far more than its
 * size; a child process that runs out of memory ends alone, and the file is refused as too
 * complex. The child has its own heap limit (IMPORT_MEMORY_MB), runs at a lower CPU priority
 * than the server, gets no secrets in its environment, and hands its memory back to the system
 * when it ends. At most IMPORT_CONCURRENCY run at once; a request waits up to
 * IMPORT_WAIT_SECONDS for its turn (before its body is read, so a waiting upload holds no memory)
 * and is then answered "busy". Upload and check together may take IMPORT_TIMEOUT_SECONDS. The
 * child keeps the normalised payload until the request has saved it, handing it over in parts.
 */

export type ImportOutcome =
  | {
      kind: "prepared";
      prepared: PreparedImport /** With `payload`: the leveranse as JSON text, part by part. */;
      payload: AsyncIterable<string>;
    }
  | { kind: "busy" | "too_large" | "too_complex" | "timeout" | "aborted" }
  | { kind: "failed"; error: unknown };

/**
 * The import process's source, run through tsx as the server's other processes are
 * (scripts/start.ts): the server runs from the repository, so relative to its working directory.
 */
const PROCESS_ENTRY = path.resolve("lib/amelding/import/import-process.ts");

/** Requests waiting for a turn beyond this many are answered "busy" at once. */
const MAX_WAITING = 16;

let slots: ReturnType<typeof createSemaphore> | undefined;

/**
 * Has the request's body parsed and validated by an import process, and runs `use` with the
 * outcome while the import holds its turn (and, when prepared, its process with the payload).
 * `payload`: also keep the normalised leveranse as JSON, to save it.
 */
export async function withImportProcess<T>(
  request: Request,
  options: { payload: boolean },
  use: (outcome: ImportOutcome) => Promise<T>,
): Promise<T> {
  const declared = parseWholeNumber(request.headers.get("content-length") ?? "") ?? 0;
  if (declared > MAX_IMPORT_BYTES) return use({ kind: "too_large" });
  slots ??= createSemaphore(env.IMPORT_CONCURRENCY, {
    maxWaiting: MAX_WAITING,
    maxWaitMs: env.IMPORT_WAIT_SECONDS * 1000,
  });
  let turn = false;
  try {
    return await slots(() => {
      turn = true;
      return runProcess(request, declared, options.payload, use);
    });
  } catch (error) {
    if (error instanceof NoSlotError && !turn) return use({ kind: "busy" });
    throw error;
  }
}

/** The import process with the pipes startProcess asks for. */
type ImportChild = ChildProcess & { stdin: Writable; stderr: Readable };

function hasPipes(child: ChildProcess): child is ImportChild {
  return child.stdin !== null && child.stderr !== null;
}

function startProcess(request: Request, sizeHint: number, payload: boolean): ImportChild {
  // Not for the bundler: the process runs the source through tsx.
  const child = fork(/* turbopackIgnore: true */ PROCESS_ENTRY, [], {
    execArgv: [
      "--import",
      "tsx",
      `--max-old-space-size=${env.IMPORT_MEMORY_MB}`,
      "--max-semi-space-size=2",
      "--optimize-for-size",
    ],
    // Its output is not passed on: a stack trace could quote the file. The first line says what failed.
    stdio: ["pipe", "ignore", "pipe", "ipc"],
    // Only what Node and tsx need: no database URL, no keys.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: process.env.NODE_ENV,
      MALLOC_ARENA_MAX: "2",
      IMPORT_CONTENT_TYPE: request.headers.get("content-type") ?? "",
      IMPORT_SIZE_HINT: String(sizeHint),
      IMPORT_PAYLOAD: String(payload),
    },
  });
  if (!hasPipes(child)) {
    child.kill("SIGKILL");
    throw new Error("The import process started without its stdin and stderr pipes");
  }
  try {
    // The check gives way to the web server's requests when both want the CPU.
    if (child.pid !== undefined) setPriority(child.pid, 10);
  } catch {
    // Not allowed here: the check runs at the server's priority.
  }
  // A child that has ended cannot take more of the body; its exit says why.
  child.stdin.on("error", () => {});
  return child;
}

/** The first line the process wrote to stderr (what failed, without the stack), at most 200 characters. */
function firstLine(child: ImportChild) {
  let text = "";
  child.stderr.on("data", (chunk: Buffer) => {
    if (text.length < 200) text += chunk.toString("utf8");
  });
  return () => (text.trim().split("\n")[0] ?? "").slice(0, 200);
}

async function runProcess<T>(
  request: Request,
  sizeHint: number,
  payload: boolean,
  use: (outcome: ImportOutcome) => Promise<T>,
): Promise<T> {
  const child = startProcess(request, sizeHint, payload);
  const stderr = firstLine(child);
  let onPart: ((text: string | null) => void) | undefined;
  let exited = false;
  const finished = new Promise<ImportOutcome>((resolve) => {
    child.on("message", (reply: ImportProcessReply) => {
      if (reply.type === "part") onPart?.(reply.text);
      else resolve({ kind: "prepared", prepared: reply.prepared, payload: parts() });
    });
    child.once("error", (error) => resolve({ kind: "failed", error }));
    child.once("exit", (code, signal) => {
      exited = true;
      onPart?.(null);
      // V8 aborts a process that runs out of heap (SIGABRT, or exit code 134 through a shell).
      if (signal === "SIGABRT" || code === 134) resolve({ kind: "too_complex" });
      else
        resolve({
          kind: "failed",
          error: new Error(`The import process ended (${signal ?? `exit code ${code}`}): ${stderr()}`),
        });
    });
  });

  async function* parts(): AsyncGenerator<string> {
    for (;;) {
      const part = await new Promise<string | null>((resolve) => {
        onPart = resolve;
        child.send({ type: "next" } satisfies ImportProcessMessage);
      });
      if (exited) throw new Error("The import process ended before it handed over the payload");
      if (part === null) return;
      yield part;
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<ImportOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "timeout" }), env.IMPORT_TIMEOUT_SECONDS * 1000);
  });
  const reader = request.body?.getReader();
  try {
    let outcome = await Promise.race([streamBody(reader, child, finished), finished, deadline]);
    if (outcome === "sent") outcome = await Promise.race([finished, deadline]);
    clearTimeout(timer);
    return await use(outcome);
  } finally {
    clearTimeout(timer);
    reader?.cancel().catch(() => {});
    if (!exited) child.kill("SIGKILL");
  }
}

/**
 * Passes the body to the process's stdin as it arrives, as fast as the process takes it,
 * stopping as soon as it grows past MAX_IMPORT_BYTES.
 */
async function streamBody(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  child: ImportChild,
  finished: Promise<ImportOutcome>,
): Promise<"sent" | ImportOutcome> {
  const { stdin } = child;
  let size = 0;
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true as const, value: undefined };
      if (done) {
        stdin.end();
        return "sent";
      }
      size += value.byteLength;
      if (size > MAX_IMPORT_BYTES) return { kind: "too_large" };
      if (!stdin.write(value)) await Promise.race([once(stdin, "drain"), finished]);
    }
  } catch {
    return { kind: "aborted" };
  }
}
