import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { preparingStatements } from "./prepared-statements";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
/** A transaction handle; query functions accept either this or `Db`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export function createDb(
  url: string,
  options: { max?: number; asynchronousCommit?: boolean; preparedStatements?: boolean } = {},
) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: {
      // Dates are Norwegian dates (a "from 2026-11-01" filter, a day in a chart), whatever the
      // server's time zone; timestamps themselves are stored as instants either way.
      TimeZone: "Europe/Oslo",
      // Only for writes that are safe to redo after a database crash (see the delivery worker).
      ...(options.asynchronousCommit ? { synchronous_commit: "off" } : {}),
    },
  });
  // Off for a pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
  const prepared = options.preparedStatements ?? env.DATABASE_PREPARED_STATEMENTS !== "false";
  return { db: drizzle(prepared ? preparingStatements(sql) : sql, { schema }), sql };
}

// One pool per server process; kept on globalThis so Next's dev reloads do not leak pools.
const globalForDb = globalThis as unknown as {
  __innrapporteringDb?: ReturnType<typeof createDb>;
  __innrapporteringReadDb?: ReturnType<typeof createDb>;
};

/** The database URL (the process's DATABASE_URL unless given), or an error that says how to get one. */
export function requireDatabaseUrl(url = env.DATABASE_URL): string {
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (which starts the embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return url;
}

export function getDb(): Db {
  if (!globalForDb.__innrapporteringDb) {
    globalForDb.__innrapporteringDb = createDb(requireDatabaseUrl());
  }
  return globalForDb.__innrapporteringDb.db;
}

/**
 * The database for lists and exports: the read replica in DATABASE_READ_URL when set, else the
 * primary (getDb). A replica lags its primary by a moment, so only reads that may be a little
 * behind use it (lists, exports, the audit log); a page that shows what was just written (a
 * submission's own page after sending) and every write use getDb. docs/deployment.md.
 */
export function getReadDb(): Db {
  if (!env.DATABASE_READ_URL) return getDb();
  globalForDb.__innrapporteringReadDb ??= createDb(env.DATABASE_READ_URL);
  return globalForDb.__innrapporteringReadDb.db;
}
