import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runMigrations } from "./migrate";

// drizzle/0013_feedback_error_codes rewrites the English texts the feedback follower stored in
// amelding_feedback.last_error as codes and parameters; this runs it over rows written before it.
describe("migration of stored feedback problems to codes", () => {
  const base = new URL(inject("databaseUrl"));
  const name = `migration_${randomBytes(6).toString("hex")}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  const folder = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("keeps each problem's meaning as a code and parameters, and unreadable text as legacy", async () => {
    const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();

    cpSync(path.resolve("drizzle"), folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const index = journal.entries.findIndex((e) => e.tag.endsWith("_feedback_error_codes"));
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await migrate(drizzle(sql), { migrationsFolder: folder });

    const [org] = await sql`insert into organisations (orgnr, name) values ('310900125', 'Test AS') returning id`;
    const texts = [
      "Dialog d-1 was not found in Dialogporten after 8 checks",
      "No feedback within 72 hours of acceptance (last: Could not reach Dialogporten (ECONNREFUSED))",
      "No feedback within 72 hours of acceptance",
      "Feedback API answered HTTP 403 (AMLD_040): Mangler tilgang",
      "Feedback API: No answer within 30000 ms",
      "The feedback is at https://evil.test, outside AMELDING_TILBAKEMELDING_API_URL (https://api.test/v1); not sending our token there",
      "Dialogporten answered HTTP 401 (Unauthorized: token expired)",
      "Maskinporten: MP-303 Missing system user",
      null,
    ];
    const ids: string[] = [];
    for (const text of texts) {
      const [s] = await sql`insert into submissions (organisation_id, kind, subject, status)
        values (${org!.id}, 'amelding', '2026-10', 'accepted') returning id`;
      await sql`insert into amelding_feedback (submission_id, status, last_error) values (${s!.id}, 'waiting', ${text})`;
      ids.push(s!.id as string);
    }
    await sql.end();

    await runMigrations(url.toString());
    const after = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const migrated =
      await after`select submission_id, last_error, last_error_code, last_error_params from amelding_feedback`;
    await after.end();
    const byId = new Map(
      migrated.map((r) => [r.submission_id as string, { code: r.last_error_code, params: r.last_error_params }]),
    );
    expect(ids.map((id) => byId.get(id))).toEqual([
      {
        code: "dialog_gave_up",
        params: { checks: 8, cause: { code: "dialog_not_found", params: { dialogId: "d-1" } } },
      },
      {
        code: "no_feedback_in_time",
        params: { hours: 72, cause: { code: "dialogporten_unreachable", params: { detail: "ECONNREFUSED" } } },
      },
      { code: "no_feedback_in_time", params: { hours: 72 } },
      { code: "feedback_api_http", params: { status: 403, codes: "AMLD_040", melding: "Mangler tilgang" } },
      { code: "feedback_api_timeout", params: null },
      { code: "feedback_outside_api", params: { origin: "https://evil.test", configured: "https://api.test/v1" } },
      { code: "dialogporten_http", params: { status: 401, detail: "Unauthorized: token expired" } },
      // Nothing to read it by: kept as it was (shown in English only, see FEEDBACK_PROBLEM_CODES).
      { code: "legacy", params: { text: "Maskinporten: MP-303 Missing system user" } },
      { code: null, params: null },
    ]);
    // The text itself is kept.
    expect(migrated.filter((r) => r.last_error !== null)).toHaveLength(8);
  });
});
