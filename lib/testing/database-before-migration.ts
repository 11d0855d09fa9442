import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { expect, inject } from "vitest";

/**
 * A new database migrated up to, not including, the first migration whose tag matches: for a test
 * that writes rows as the previous schema held them and then runs the rest (runMigrations) to see
 * what the migration makes of them. Returns its URL and an open connection the caller ends.
 */
export async function databaseBeforeMigration(matches: (tag: string) => boolean) {
  const base = new URL(inject("databaseUrl"));
  const name = `migration_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;

  const folder = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  try {
    cpSync(path.resolve("drizzle"), folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const index = journal.entries.findIndex((e) => matches(e.tag));
    expect(index).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await migrate(drizzle(sql), { migrationsFolder: folder });
    return { url: url.toString(), sql };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
