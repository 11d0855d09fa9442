/**
 * Audit log reading benchmark: N entries over 40 organisations (most about one, some about two or
 * three: bulk retries, users), then the time of the first page and of a page 20 pages deep
 * (keyset), for a reader with every organisation, with one, and with one and the organisation
 * filter. Prints the medians and the plan PostgreSQL chose for the one-organisation reader.
 *   npm run bench:audit [-- --rows 300000 --rounds 5]
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { parseAuditListFilter } from "@/lib/audit/audit-filter";
import { type AuditScope, listAuditEntries } from "@/lib/audit/queries";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { insertOrganisation } from "@/lib/organisations/queries";
import { orgnrCheckDigit } from "@/lib/validation/orgnr";

const { values: args } = parseArgs({
  options: { rows: { type: "string", default: "300000" }, rounds: { type: "string", default: "5" } },
});
const ROWS = Number(args.rows);
const ROUNDS = Number(args.rounds);
const ORGS = 40;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "bench-audit-"));
  const pg = await startEmbeddedPostgres({
    dir: path.join(tempDir, "pg"),
    port: 56000 + Math.floor(Math.random() * 3000),
  });
  try {
    await runMigrations(pg.url);
    const { db, sql: client } = createDb(pg.url, { max: 2 });
    const orgs: string[] = [];
    for (let i = 0; orgs.length < ORGS; i++) {
      const first = `3${String(4_000_000 + i).padStart(7, "0")}`;
      const d = orgnrCheckDigit(first);
      if (d !== null) orgs.push((await insertOrganisation(db, { orgnr: `${first}${d}`, name: `Bench ${i}` }, null)).id);
    }
    const started = performance.now();
    // 90 % about one organisation, 7 % about two, 3 % about three; newest last, as in life.
    await db.execute(sql`
      insert into audit_log (action, target_type, organisation_id, organisation_ids, details, created_at)
      select 'bench.entry', 'submission',
             case when i % 100 < 90 then o[1 + i % ${ORGS}] end,
             case when i % 100 < 90 then array[o[1 + i % ${ORGS}]]
                  when i % 100 < 97 then array[o[1 + i % ${ORGS}], o[1 + (i * 7 + 3) % ${ORGS}]]
                  else array[o[1 + i % ${ORGS}], o[1 + (i * 7 + 3) % ${ORGS}], o[1 + (i * 13 + 5) % ${ORGS}]] end,
             '{}'::jsonb, now() - make_interval(secs => ${ROWS} - i)
      from generate_series(1, ${ROWS}) i, (select ${sql.param(orgs)}::uuid[] as o) p`);
    await db.execute(sql`analyze audit_log`);
    console.log(`${ROWS} entries over ${ORGS} organisations inserted in ${Math.round(performance.now() - started)} ms`);

    const readers: [string, AuditScope, Record<string, string>][] = [
      ["reader with all 40 organisations", { organisationIds: orgs, includeDetails: true }, {}],
      ["reader with 1 organisation", { organisationIds: [orgs[0]!], includeDetails: true }, {}],
      ["reader with 5, filtered to 1", { organisationIds: orgs.slice(0, 5), includeDetails: true }, { org: orgs[0]! }],
    ];
    for (const [label, scope, query] of readers) {
      const first: number[] = [];
      const deep: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        let t = performance.now();
        let page = await listAuditEntries(db, scope, parseAuditListFilter(query));
        first.push(performance.now() - t);
        for (let p = 1; p < 20 && page.nextBefore; p++)
          page = await listAuditEntries(db, scope, parseAuditListFilter({ ...query, before: String(page.nextBefore) }));
        t = performance.now();
        await listAuditEntries(db, scope, parseAuditListFilter({ ...query, before: String(page.nextBefore ?? 1) }));
        deep.push(performance.now() - t);
      }
      console.log(
        `${label}: first page ${median(first).toFixed(1)} ms, page 21 ${median(deep).toFixed(1)} ms (median of ${ROUNDS})`,
      );
    }
    const plan = await client.unsafe(
      `explain (analyze, costs off, timing off, summary off) select id from audit_log where organisation_ids <@ $1::uuid[] and cardinality(organisation_ids) > 0 order by id desc limit 51`,
      [[orgs[0]!]] as never,
    );
    console.log(
      `plan for the one-organisation reader:\n  ${plan.map((r) => String(Object.values(r)[0])).join("\n  ")}`,
    );
    await client.end();
  } finally {
    await pg.stop();
    await rm(tempDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
