import "server-only";
import { createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import { logger } from "@/lib/log/logger";

/**
 * The connection pg-boss runs its SQL on: its own driver (node-postgres), but each parameterised
 * statement prepared once per connection under a name derived from its text. pg-boss sends its
 * statements unprepared, so PostgreSQL parsed and planned its large job insert for every job
 * (about 0.6 ms of database CPU per submission woken one at a time, as the web app does).
 * Statements without parameters (pg-boss's migrations and maintenance, several statements in
 * one text) go through unchanged.
 */
export class PreparingQueueDb extends EventEmitter {
  readonly events = { error: "error" };
  private readonly pool: pg.Pool;
  // pg-boss has a few dozen statement texts, each several kilobytes: named once, not hashed per call.
  private readonly names = new Map<string, string>();

  constructor(config: pg.PoolConfig) {
    super();
    this.pool = new pg.Pool({ application_name: "pgboss", ...config });
    // pg-boss listens to the errors of connections it opened itself, not to a `db` passed in. An
    // idle connection the server ends (a restart, a failover, the embedded server stopping on
    // SIGTERM) is dropped by the pool, which opens a new one when needed; re-emitted with nobody
    // listening, the error ended the worker's process.
    this.pool.on("error", (error) => {
      if (this.listenerCount("error") > 0) this.emit("error", error);
      else logger.warn({ err: error }, "queue connection ended while idle");
    });
  }

  async executeSql(text: string, values?: unknown[]) {
    if (!values || values.length === 0) return this.pool.query(text);
    let name = this.names.get(text);
    if (!name) {
      name = `pgboss_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
      this.names.set(text, name);
    }
    return this.pool.query({ name, text, values });
  }

  private closing: Promise<void> | undefined;

  /** Ends every connection; a second call waits for the same end. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
