import { type ChildProcess, spawn } from "node:child_process";
import type { startEngineHarness } from "./engine-harness";

type Harness = Awaited<ReturnType<typeof startEngineHarness>>;

/**
 * `npm run worker` as its own process group, pointed at a database and the harness's sandbox,
 * for tests that kill a worker in the middle of a delivery.
 */
export function startWorkerProcess(
  h: Harness,
  databaseUrl: string,
  workerId: string,
  extraEnv: Record<string, string> = {},
): ChildProcess {
  // As `npm run worker` runs it: node loads tsx as a hook, with no tsx process in between (the tsx
  // command relays SIGTERM and kills the worker outright when it does not confirm within 60 ms).
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      ...h.maskinportenEnv,
      DATABASE_URL: databaseUrl,
      OAR_API_URL: h.skatteetaten.oarBaseUrl,
      AMELDING_API_URL: h.skatteetaten.ameldingBaseUrl,
      WORKER_ID: workerId,
      // Long enough that a worker, on a machine busy with the rest of the suite, settles its own
      // attempt before its own lease runs out (which would make it take the submission over from itself).
      DELIVERY_LEASE_SECONDS: "5",
      DELIVERY_RECONCILE_SECONDS: "0.5",
      DELIVERY_TIMEOUT_SECONDS: "30",
      AMELDING_FILOPPLASTING_API_URL: h.skatteetaten.ameldingFilopplastingBaseUrl,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a kill reaches every process it starts.
    detached: true,
  });
  child.stdout!.on("data", (d) => process.stdout.write(`[${workerId}] ${d}`));
  child.stderr!.on("data", (d) => process.stdout.write(`[${workerId} err] ${d}`));
  return child;
}

/** The process's exit code, once it has exited. */
export function exited(child: ChildProcess) {
  return new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

/** SIGKILL: the worker gets no chance to finish or clean up, as in a crash or an OOM kill. */
export function killWorkerProcess(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    /* already gone */
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
