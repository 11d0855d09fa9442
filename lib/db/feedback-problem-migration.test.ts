import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "@/lib/testing/database-before-migration";
import { runMigrations } from "./migrate";

// drizzle/0013_feedback_error_codes rewrites the English texts the feedback follower stored in
// amelding_feedback.last_error as codes and parameters; this runs it over rows written before it.
describe("migration of stored feedback problems to codes", () => {
  it("keeps each problem's meaning as a code and parameters, and unreadable text as legacy", async () => {
    const { url, sql } = await databaseBeforeMigration((tag) => tag.endsWith("_feedback_error_codes"));

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

    await runMigrations(url);
    const after = postgres(url, { max: 1, onnotice: () => {} });
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
