/**
 * Rollups benchmark: N synthetic submissions (default 200 000) over 50 organisations and 18
 * months, every status, both kinds, a version and a rejected attempt with a decoded error on
 * each failure, inserted set-based through the rollup triggers (drizzle/0014_rollups.sql). Then,
 * for a reader of all organisations, p50/p95 of what the overview and /feil run, read from the
 * rollups, beside the same figures aggregated from the submissions (what they ran before); and
 * the cost the triggers add to a status change, one submission per transaction.
 *   npm run bench:rollups [-- --rows 200000 --rounds 30]
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { addDays, osloDate } from "@/lib/amelding/deadlines";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { submissions } from "@/lib/db/schema";
import { insertOrganisation } from "@/lib/organisations/queries";
import { overviewCounts } from "@/lib/overview/overview-queries";
import { listErrorGroups } from "@/lib/submissions/queries/error-groups";
import { errorCodeSql, failureCauseSql, specCodeSql } from "@/lib/submissions/queries/failure-signature";
import { drainErrorGroupSummaryChanges } from "@/lib/submissions/rollups/error-group-summary-drain";
import { seededRandom } from "@/lib/testing/amelding-generator";
import { syntheticOrgnr } from "@/lib/validation/orgnr";

const { values: args } = parseArgs({
  options: { rows: { type: "string", default: "200000" }, rounds: { type: "string", default: "30" } },
});
const ROWS = Number(args.rows);
const ROUNDS = Number(args.rounds);
const ORGS = 50;
const CHUNK = 50_000;

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

async function timed(rounds: number, run: () => Promise<unknown>) {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

async function main() {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "bench-rollups-"));
  const pg = await startEmbeddedPostgres({
    dir: path.join(tempDir, "pg"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 56000 + Math.floor(Math.random() * 3000)),
  });
  try {
    await runMigrations(pg.url);
    const { db, sql: client } = createDb(pg.url, { max: 4 });
    const random = seededRandom(17);
    const orgIds: string[] = [];
    for (let i = 0; i < ORGS; i++) {
      orgIds.push((await insertOrganisation(db, { orgnr: syntheticOrgnr(random), name: `Bench org ${i}` }, null)).id);
    }
    const insertStart = performance.now();
    for (let from = 0; from < ROWS; from += CHUNK) {
      const to = Math.min(ROWS, from + CHUNK) - 1;
      // Statuses weighted as in life: most accepted, a tenth unsuccessful, a few in flight and drafts.
      await client.unsafe(
        `with orgs as (select $1::uuid[] as ids),
        rows as (
          select g, gen_random_uuid() as id, gen_random_uuid() as version_id,
            (select ids[1 + (g % array_length(ids, 1))] from orgs) as organisation_id,
            case when g % 3 = 0 then 'amelding' else 'oar' end::report_kind as kind,
            (array['accepted','accepted','accepted','accepted','accepted','accepted','accepted','accepted','accepted','accepted',
                   'accepted','accepted','accepted','accepted','rejected','failed','conflict','draft','queued','cancelled'])[1 + (g::bigint * 7919) % 20]::submission_status as status,
            now() - ((g::bigint * 104729) % (540 * 86400)) * interval '1 second' as created_at
          from generate_series($2::int, $3::int) g
        ), s as (
          insert into submissions (id, organisation_id, kind, subject, status, current_version_id, last_error_code,
            status_reason_code, status_reason_params, last_attempt_at, created_at, updated_at)
          select id, organisation_id, kind, case when kind = 'oar' then 'OPP-' || g else to_char(created_at, 'YYYY-MM') end, status,
            version_id,
            case when status in ('rejected', 'conflict') then (array['OAR_005','OAR_006','AMELDING_021','OAR_007'])[1 + g % 4] end,
            case when status in ('rejected','conflict','failed') then 'skatteetaten_message' end,
            case when status in ('rejected','conflict','failed') then jsonb_build_object('melding', 'melding ' || (g % 5)) end,
            case when status in ('rejected','conflict','failed') then created_at + interval '1 minute' end,
            created_at, created_at
          from rows returning id
        ), v as (
          insert into submission_versions (id, submission_id, version_no, payload, idempotency_key)
          select version_id, id, 1, '{}'::jsonb, gen_random_uuid() from rows where status in ('rejected','conflict','failed')
          returning id
        )
        insert into delivery_attempts (submission_id, version_id, attempt_no, idempotency_key, outcome, request_method, request_url,
          request_headers, request_body, decoded_error)
        select id, version_id, 1, gen_random_uuid(), case when status = 'failed' then 'timeout' else 'rejected' end::attempt_outcome,
          'POST', 'http://sandbox/oar', '{}'::jsonb, '{}',
          case when status <> 'failed' then jsonb_build_object('code', 'OAR_005', 'specifications',
            jsonb_build_array(jsonb_build_object('kode', 'OAR_10' || (g % 7), 'sti', '/oppdrag/felt' || (g % 9)))) end
        from rows where status in ('rejected','conflict','failed')`,
        [orgIds, from, to],
      );
    }
    const insertSeconds = (performance.now() - insertStart) / 1000;
    // What the worker's drain does meanwhile (lib/submissions/rollups/error-group-summary-drain.ts):
    // the groups the load changed are summarised, so `/feil` reads the summaries, not the totals.
    await drainErrorGroupSummaryChanges(db, { batchSize: 500 });
    await client.unsafe("analyze");
    const [{ rollupRows }] = (await client.unsafe(
      'select (select count(*) from submission_daily_counts) + (select count(*) from submission_status_totals) as "rollupRows"',
    )) as unknown as [{ rollupRows: number }];
    const [{ groupRows }] = (await client.unsafe(
      'select count(*) as "groupRows" from error_group_daily_rollups',
    )) as unknown as [{ groupRows: number }];

    const today = osloDate(new Date());
    const period = { from: addDays(today, -29), to: today };
    const scoped = sql`${submissions.organisationId} in ${orgIds}`;
    const figures: [string, { p50: number; p95: number }][] = [
      [
        "overview (4 counts + chart, one statement), rollups",
        await timed(ROUNDS, () => overviewCounts(db, orgIds, { today, period })),
      ],
      [
        "overview's all-time count, from submissions",
        await timed(ROUNDS, () =>
          db.execute(sql`select status, count(*) from ${submissions} where ${scoped} group by status`),
        ),
      ],
      ["/feil all time, rollups", await timed(ROUNDS, () => listErrorGroups(db, orgIds))],
      [
        "/feil all time, from submissions",
        await timed(Math.min(ROUNDS, 5), () =>
          db.execute(sql`select status, ${errorCodeSql}, ${specCodeSql}, ${failureCauseSql}, count(*) from ${submissions}
            where ${scoped} and status in ('rejected','conflict','failed') group by 1, 2, 3, 4`),
        ),
      ],
      ["/feil last 30 days, rollups", await timed(ROUNDS, () => listErrorGroups(db, orgIds, period))],
      [
        "/feil from a time of day (edge day from submissions)",
        await timed(ROUNDS, () => listErrorGroups(db, orgIds, { from: `${addDays(today, -29)}T12:00`, to: today })),
      ],
    ];

    // What the triggers add to a status change: one submission per transaction, as the engine settles.
    const ids = (await client.unsafe(
      "select id from submissions where status = 'accepted' order by created_at desc limit 300",
    )) as unknown as { id: string }[];
    const statusChange = async (status: string) => {
      const ms: number[] = [];
      for (const { id } of ids) {
        const start = performance.now();
        await client.unsafe(
          "update submissions set status = $2::submission_status, last_error_code = 'OAR_005', updated_at = now() where id = $1",
          [id, status],
        );
        ms.push(performance.now() - start);
      }
      return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
    };
    figures.push(["status change to accepted (counts only)", await statusChange("accepted")]);
    figures.push(["status change to rejected (counts + error bucket)", await statusChange("rejected")]);
    figures.push(["status change back to accepted", await statusChange("accepted")]);

    console.log(
      `\n${ROWS.toLocaleString("en")} submissions, ${ORGS} organisations: inserted through the triggers in ${insertSeconds.toFixed(1)} s; ` +
        `${rollupRows} count rows, ${groupRows} error-group rows\n`,
    );
    console.log("| measured | p50 ms | p95 ms |\n|---|---:|---:|");
    for (const [name, { p50, p95 }] of figures) console.log(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} |`);
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
