import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { runMigrations } from "./migrate";

// The migration that added the oppdrag list columns (drizzle/…_oppdrag_list_saved_views.sql)
// fills them from each oppdrag's current version; run over rows written before it.
describe("migration filling the oppdrag list columns", () => {
  const base = new URL(inject("databaseUrl"));
  const name = `migration_${randomBytes(6).toString("hex")}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  const folder = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("copies contractor, value and period from the current version, and leaves what a draft lacks null", async () => {
    const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();

    cpSync(path.resolve("drizzle"), folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const index = journal.entries.findIndex((e) => e.tag.endsWith("_oppdrag_list_saved_views"));
    expect(index).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await migrate(drizzle(sql), { migrationsFolder: folder });

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

    await runMigrations(url.toString());
    const after = postgres(url.toString(), { max: 1, onnotice: () => {} });
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
