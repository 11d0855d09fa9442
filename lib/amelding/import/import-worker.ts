/*
 * Entry of the import worker thread (run-import-worker.ts starts it; the work is in
 * import-worker-body.ts). First the thread gives way to the web server's requests when both want
 * the CPU: on Linux a thread has a priority of its own, and setpriority for "this process"
 * (pid 0) sets the calling thread's. Only then is the parser, zod and the schema loaded, so even
 * their loading runs at the lower priority. Messages that arrive meanwhile wait in the port.
 */
import { setPriority } from "node:os";

if (process.platform === "linux") {
  try {
    setPriority(10);
  } catch {
    // Not allowed here: the check runs at the server's priority.
  }
}

void import("./import-worker-body");
