import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "@/lib/testing/database-before-migration";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { runMigrations } from "./migrate";

// The migration that added the oppdrag list columns (drizzle/…_oppdrag_list_saved_views.sql)
// fills them from each oppdrag's current version; run over rows written before it.
describe("migration filling the oppdrag list columns", () => {
  it("copies contractor, value and period from the current version, and leaves what a draft lacks null", async () => {
    const { url, sql } = await databaseBeforeMigration((tag) => tag.endsWith("_oppdrag_list_saved_views"));

    const [org] = await sql`insert into organisations (orgnr, name) values ('310900125', 'Test AS') returning id`;
    const complete = testOppdrag("310900125");
    const payloads = {
      old: { ...complete, oppdragstaker: { ...complete.oppdragstaker, navn: "Old name" } },
      current: { ...complete, oppdrag: { ...complete.oppdrag, kontraktsverdiNok: 12345.5 } },
      draft: { oppdragsreferanse: "OPP-D", oppdrag: { startdato: "2026-02-30", kontraktsverdiNok: "mye" } },
    };
    const insert = async (versions: object[], kind = "oar") => {
      const [s] =
        await sql`insert into submissions (organisation_id, kind, subject) values (${org!.id}, ${kind}, 'X') returning id`;
      let last = "";
      for (const [i, payload] of versions.entries()) {
        const [v] = await sql`insert into submission_versions (submission_id, version_no, payload, idempotency_key)
          values (${s!.id}, ${i + 1}, ${JSON.stringify(payload)}::jsonb, gen_random_uuid()) returning id`;
        last = v!.id as string;
      }
      await sql`update submissions set current_version_id = ${last} where id = ${s!.id}`;
      return s!.id as string;
    };
    const corrected = await insert([payloads.old, payloads.current]);
    const draft = await insert([payloads.draft]);
    const amelding = await insert([{ kalendermaaned: "2026-10" }], "amelding");
    await sql.end();

    await runMigrations(url);
    const after = postgres(url, { max: 1, onnotice: () => {} });
    const rows =
      await after`select id, oar_contractor_name, oar_contract_value_nok, oar_start_date::text, oar_end_date::text
      from submissions`;
    const byId = new Map<string, Record<string, unknown>>(rows.map((r) => [r.id as string, { ...r, id: undefined }]));
    expect(byId.get(corrected)).toEqual({
      id: undefined,
      oar_contractor_name: "Baltic Steel UAB",
      oar_contract_value_nok: "12345.5",
      oar_start_date: complete.oppdrag.startdato,
      oar_end_date: complete.oppdrag.forventetSluttdato,
    });
    expect(byId.get(draft)).toEqual({
      id: undefined,
      oar_contractor_name: null,
      oar_contract_value_nok: null,
      oar_start_date: null,
      oar_end_date: null,
    });
    expect(byId.get(amelding)?.oar_contractor_name).toBeNull();
    await after.end();
  });
});
