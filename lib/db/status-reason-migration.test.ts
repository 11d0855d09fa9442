import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "@/lib/testing/database-before-migration";
import { runMigrations } from "./migrate";

// The migrations that turned reasons into codes (drizzle/0006_…, then 0009_h16_reason_codes for
// what 0006 left as English text) rewrite the English texts the engine stored before; this runs
// them over rows written as the previous schema had them.
describe("migration of stored status reasons to codes", () => {
  it("keeps each reason's meaning as a code and parameters", async () => {
    const { url, sql } = await databaseBeforeMigration((tag) => tag.startsWith("0006_engine_isolation"));

    const [org] = await sql`insert into organisations (orgnr, name) values ('310900125', 'Test AS') returning id`;
    const rows: [string, string][] = [
      ["failed", "Gave up after 6 attempts: No answer within 30000 ms"],
      ["failed", "Gave up after 4 attempts: Maskinporten: MP-503 Token endpoint unavailable"],
      ["failed", "Maskinporten: MP-303 Missing system user"],
      ["rejected", "Ugyldig organisasjonsnummer"],
      ["retrying", "ECONNRESET"],
      ["failed", "Gave up after 6 attempts: Maskinporten: Maskinporten had a server error (HTTP 503)."],
      ["retrying", "Something else entirely"],
    ];
    const ids: string[] = [];
    for (const [status, reason] of rows) {
      const [s] = await sql`insert into submissions (organisation_id, kind, subject, status, status_reason)
        values (${org!.id}, 'oar', 'OPP-1', ${status}, ${reason}) returning id`;
      ids.push(s!.id as string);
    }
    await sql.end();

    await runMigrations(url);
    const after = postgres(url, { max: 1, onnotice: () => {} });
    const migrated = await after`select id, status_reason_code, status_reason_params from submissions`;
    const byId = new Map(
      migrated.map((r) => [r.id as string, { code: r.status_reason_code, params: r.status_reason_params }]),
    );
    expect(ids.map((id) => byId.get(id))).toEqual([
      { code: "gave_up", params: { attempts: 6, cause: { code: "timeout", params: { seconds: 30 } } } },
      {
        code: "gave_up",
        params: {
          attempts: 4,
          cause: { code: "token_unavailable", params: { maskinporten: "unknown", mpCode: "MP-503" } },
        },
      },
      { code: "token_unavailable", params: { maskinporten: "authorization_details_values", mpCode: "MP-303" } },
      { code: "skatteetaten_message", params: { melding: "Ugyldig organisasjonsnummer" } },
      { code: "network_error", params: { detail: "ECONNRESET" } },
      {
        code: "gave_up",
        params: {
          attempts: 6,
          cause: { code: "token_unavailable", params: { maskinporten: "server", status: "503" } },
        },
      },
      // Nothing to read it by: stays as it was (shown in English only, see STATUS_REASON_CODES).
      { code: "legacy", params: { text: "Something else entirely" } },
    ]);
    const columns =
      await after`select column_name from information_schema.columns where table_name = 'submissions' and column_name = 'status_reason'`;
    expect(columns).toHaveLength(0);
    await after.end();
  });
});
