import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPOSITORY_ROOT, repositoryFiles } from "@/lib/testing/repository-files";
import { connectTestDb } from "@/lib/testing/test-db";

/**
 * The rollups stay right because every change to `submissions` and `delivery_attempts` passes
 * through the triggers of drizzle/0014_rollups.sql, whatever code path makes it. These checks
 * fail when that stops being true: a trigger dropped or disabled, or code that switches triggers
 * off for its session (session_replication_role = replica skips them) or for a table.
 */
const ROOT = REPOSITORY_ROOT;
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|sql)$/;
const BYPASS = /session_replication_role|disable\s+trigger/i;

const walk = (dir: string) => repositoryFiles(dir, SOURCE);

const db = connectTestDb();

describe("every change to submissions keeps the rollups", () => {
  it("has the rollup triggers on submissions, delivery_attempts and organisations, enabled", async () => {
    const rows = await db.$client<{ table: string; trigger: string; enabled: string }[]>`
      select c.relname as table, t.tgname as trigger, t.tgenabled as enabled
      from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and t.tgname like '%rollups%' order by 1, 2`;
    expect(rows.map((r) => `${r.table}.${r.trigger}:${r.enabled}`)).toEqual([
      "delivery_attempts.delivery_attempts_rollups_delete:O",
      "delivery_attempts.delivery_attempts_rollups_insert:O",
      "delivery_attempts.delivery_attempts_rollups_update:O",
      // A renamed organisation's names in error_group_summaries (drizzle/0038_error_group_summaries.sql).
      "organisations.organisations_rollups_update:O",
      "submissions.submissions_rollups_delete:O",
      "submissions.submissions_rollups_insert:O",
      "submissions.submissions_rollups_truncate:O",
      "submissions.submissions_rollups_update:O",
    ]);
  });

  it("has no code that switches triggers off without rebuilding the rollups afterwards", () => {
    const files = ["app", "lib", "scripts", "bench", "drizzle"]
      .flatMap((dir) => walk(dir))
      .filter((file) => file !== "lib/submissions/rollups/rollups-guard.test.ts");
    // A bulk load may run with triggers off only if it rebuilds the rollups afterwards.
    const bypassing = files.filter((file) => {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      return BYPASS.test(text) && !text.includes("select rebuild_submission_rollups()");
    });
    expect(bypassing).toEqual([]);
  });
});
