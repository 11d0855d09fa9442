import "server-only";
import { sql } from "drizzle-orm";
import journal from "@/drizzle/meta/_journal.json";
import type { Db } from "./client";

/**
 * The migrations this build expects (drizzle/meta/_journal.json, bundled into the build) that the
 * database has not applied. drizzle's migrator records each applied migration with the `when` of
 * its journal entry (drizzle.__drizzle_migrations.created_at) and applies them in that order, so
 * every entry newer than the newest recorded one is pending. A database migrated by a newer
 * release (more entries than this build knows) has nothing pending for this one.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const rows = await db.execute<{ newest: string | null }>(
    sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`,
  );
  const newest = Number(rows[0]?.newest ?? 0);
  return journal.entries.filter((e) => e.when > newest).map((e) => e.tag);
}
