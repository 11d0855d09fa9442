import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { createDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";

/**
 * A fresh, migrated database on the test server, for tests whose workers scan every submission
 * and so must not see other test files' data.
 */
export async function createIsolatedDatabase() {
  const base = new URL(inject("databaseUrl"));
  const name = `isolated_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const { db, sql } = createDb(url.toString(), { max: 4 });
  return { url: url.toString(), db, close: () => sql.end() };
}
