/**
 * The board (/tavle) at the scale of a large accounting firm: 2 000 organisations with 24 months
 * of A-meldinger each (accepted, rejected then accepted, replaced, in flight, rejected, missing,
 * drafts; feedback clean, with Øyeblikkelig / Retningslinje deviations, Avvisning, waiting) and
 * five oppdrag per organisation-month, reconciliations of most accepted months and the access health
 * of every organisation (a few failing), an admin granted all of them who owns a tenth. Times the board's query function
 * (lib/board/board-query.ts, what the page awaits) for several views, --rounds requests each:
 * p50/p95 against the 300 ms goal, and EXPLAIN of the statement (a sequential scan of
 * submissions fails the case). Ends with `targets met: X/Y`.
 *
 *   npm run bench:board [-- --organisations 2000 --months 24 --rounds 30 --dir /tmp/bench-board --port 56500]
 *
 * The data is written set-based (generate_series, INSERT … SELECT, through the rollup triggers)
 * into its own embedded PostgreSQL in --dir, and reused when it already holds that many
 * organisations; --regenerate rebuilds it.
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { osloDate, shiftMonth } from "@/lib/amelding/deadlines";
import { parseBoardFilter } from "@/lib/board/board-filter";
import { BOARD_PAST_MONTHS, getBoard } from "@/lib/board/board-query";
import type { Db } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { preparingStatements } from "@/lib/db/prepared-statements";
import * as schema from "@/lib/db/schema";
import { dueReconciliations } from "@/lib/reconciliation/reconcile";
import { seededRandom } from "@/lib/testing/amelding-generator";
import { syntheticOrgnr } from "@/lib/validation/orgnr";

const { values: args } = parseArgs({
  options: {
    organisations: { type: "string", default: "2000" },
    months: { type: "string", default: "24" },
    rounds: { type: "string", default: "30" },
    dir: { type: "string", default: path.join(os.tmpdir(), "innrapportering-bench-board") },
    port: { type: "string", default: "56500" },
    regenerate: { type: "boolean", default: false },
    /** Print EXPLAIN ANALYZE of each case's statement. */
    explain: { type: "boolean", default: false },
  },
});
const ORGANISATIONS = Number(args.organisations);
const MONTHS = Number(args.months);
const ROUNDS = Number(args.rounds);
const GOAL_MS = 300;
const ADMIN_EMAIL = "bench-board-admin@example.test";

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? Number.NaN;

type Statement = { query: string; params: unknown[] };

async function existingAdmin(sql: postgres.Sql): Promise<string | null> {
  const [admin] = await sql<{ id: string }[]>`select id from users where email = ${ADMIN_EMAIL}`;
  if (!admin) return null;
  const [row] = await sql<
    { n: number }[]
  >`select count(*)::int as n from user_organisations where user_id = ${admin.id}`;
  return row?.n === ORGANISATIONS ? admin.id : null;
}

async function generate(sql: postgres.Sql): Promise<string> {
  const random = seededRandom(18);
  await sql`truncate submissions, submission_versions, submission_search_terms, delivery_attempts,
    amelding_feedback, amelding_reconciliations, organisation_access_health, audit_log, user_organisations,
    organisations, users cascade`;
  const [admin] = await sql<{ id: string }[]>`
    insert into users (email, name, role) values (${ADMIN_EMAIL}, 'Bench admin', 'admin') returning id`;
  const adminId = admin!.id;
  const orgnrs = Array.from({ length: ORGANISATIONS }, () => syntheticOrgnr(random));
  await sql`drop table if exists bench_board_orgs`;
  await sql`create unlogged table bench_board_orgs as
    select n, gen_random_uuid() as id, orgnr, 'Klient ' || lpad(n::text, 4, '0') || ' AS' as name
    from unnest(${orgnrs}::text[]) with ordinality as u(orgnr, n)`;
  // Added two years and a month ago, so every month of the window is tracked; a tenth owned by the admin.
  await sql`insert into organisations (id, orgnr, name, owner_user_id, created_at)
    select id, orgnr, name, case when n % 10 = 0 then ${adminId}::uuid end, now() - interval '25 months'
    from bench_board_orgs`;
  await sql`insert into user_organisations (user_id, organisation_id) select ${adminId}, id from bench_board_orgs`;

  // One row per organisation-month; r picks what happened (deterministic, spread evenly).
  await sql`drop table if exists bench_board_cells`;
  await sql`create unlogged table bench_board_cells as
    select o.id as organisation_id, o.n, k,
      to_char(date_trunc('month', now() at time zone 'Europe/Oslo') - make_interval(months => k), 'YYYY-MM') as subject,
      ((o.n * 7919 + k * 104729) % 1000) / 1000.0 as r,
      ((o.n * 31 + k * 17) % 100) as f,
      date_trunc('month', now()) - make_interval(months => k - 1) + interval '2 days' as sent_at,
      gen_random_uuid() as main_id
    from bench_board_orgs o cross join generate_series(0, ${MONTHS - 1}) k`;
  // The month's main message: this month mostly not sent yet; earlier ones mostly accepted.
  await sql`insert into submissions (id, organisation_id, kind, subject, status, next_attempt_at, queued_at, accepted_at, created_at, updated_at)
    select main_id, organisation_id, 'amelding', subject, status,
      case when status = 'queued' then now() end, case when status <> 'draft' then created_at end,
      case when status = 'accepted' then created_at + interval '1 hour' end, created_at, created_at
    from (
      select c.*, least(c.sent_at, now() - interval '1 hour') as created_at,
        (case
          when k = 0 then case when r < 0.2 then 'accepted' when r < 0.3 then 'draft' end
          when r < 0.03 then null when r < 0.05 then 'rejected' when r < 0.06 then 'queued'
          when r < 0.065 then 'failed' else 'accepted' end)::submission_status as status
      from bench_board_cells c
    ) x where status is not null`;
  // Rejected the day before the accepted one; and replacements of accepted ones.
  await sql`insert into submissions (organisation_id, kind, subject, status, created_at, updated_at)
    select organisation_id, 'amelding', subject, 'rejected', sent_at - interval '1 day', sent_at - interval '1 day'
    from bench_board_cells where k > 0 and r >= 0.065 and r < 0.10`;
  await sql`insert into submissions (organisation_id, kind, subject, status, accepted_at, replaces_submission_id, created_at, updated_at)
    select organisation_id, 'amelding', subject, 'accepted', least(sent_at + interval '10 days', now()), main_id,
      least(sent_at + interval '9 days', now()), least(sent_at + interval '9 days', now())
    from bench_board_cells where k > 0 and r >= 0.10 and r < 0.14`;
  // Feedback on every accepted A-melding: 85 % clean, 6 % Øyeblikkelig + Retningslinje, 4 %
  // Retningslinje only, 3 % waiting, 2 % Avvisning.
  await sql`insert into amelding_feedback (submission_id, status, received_at, parsed)
    select s.id, v.status::feedback_status, case when v.status <> 'waiting' then s.accepted_at + interval '1 hour' end,
      case when v.status <> 'waiting' then jsonb_build_object('outcome', 'accepted', 'deviations', v.deviations) end
    from submissions s
    cross join lateral (select ((hashtext(s.id::text) % 100) + 100) % 100 as f) h
    cross join lateral (select
      case when h.f < 85 then 'ok' when h.f < 91 then 'deviations' when h.f < 95 then 'ok' when h.f < 98 then 'waiting' else 'rejected' end as status,
      case when h.f < 85 then '[]'::jsonb
        when h.f < 91 then '[{"severity":"immediate","code":"MAGNET_EDAG-219"},{"severity":"guideline","code":"MAGNET_EDAG-560"}]'::jsonb
        when h.f < 95 then '[{"severity":"guideline","code":"MAGNET_EDAG-560"}]'::jsonb
        when h.f < 98 then '[]'::jsonb
        else '[{"severity":"rejection","code":"MAGNET_EDAG-100"}]'::jsonb end as deviations) v
    where s.kind = 'amelding' and s.status = 'accepted'`;
  // Oppdrag history: five accepted per organisation-month, so submissions is mostly other rows,
  // as in a firm that also reports OAR (the board must find its A-meldinger by index).
  await sql`insert into submissions (organisation_id, kind, subject, status, accepted_at, oar_start_date, created_at, updated_at)
    select o.id, 'oar', 'OPP-' || o.n || '-' || k || '-' || i, 'accepted', now() - make_interval(months => k),
      (now() - make_interval(months => k))::date, now() - make_interval(months => k), now() - make_interval(months => k)
    from bench_board_orgs o cross join generate_series(0, ${MONTHS - 1}) k cross join generate_series(1, 5) i`;
  // Oppdrag due: two per organisation, one not accepted starting recently.
  await sql`insert into submissions (organisation_id, kind, subject, status, accepted_at, oar_start_date, created_at, updated_at)
    select id, 'oar', 'OPP-' || n || '-' || i, case when i = 1 then 'accepted' else 'draft' end::submission_status,
      case when i = 1 then now() - interval '30 days' end, (now() - make_interval(days => (n % 20)::int))::date, now(), now()
    from bench_board_orgs cross join generate_series(1, 2) i`;
  // Reconciliations of the accepted months (the marks under the cells): 80 % reconciled, 8 %
  // differs, 4 % failed, 8 % not fetched yet.
  await sql`insert into amelding_reconciliations (organisation_id, kalendermaaned, submission_id, state, fetched_at)
    select f.organisation_id, f.kalendermaaned, f.accepted_id,
      (case when h.f < 80 then 'reconciled' when h.f < 88 then 'differs' else 'failed' end)::reconciliation_state,
      now() - interval '2 hours'
    from board_month_facts f
    cross join lateral (select ((hashtext(f.organisation_id::text || f.kalendermaaned) % 100) + 100) % 100 as f) h
    where f.accepted_id is not null and h.f < 92`;
  // Access health of every organisation (the marks under the names): 1 % revoked, 2 % refused, 2 % failing.
  await sql`insert into organisation_access_health (organisation_id, state, last_token_at, last_call_at, last_call_api, last_failure_code)
    select id, case when n % 100 = 1 then 'system_user_revoked' when n % 100 in (2, 3) then 'refused'
        when n % 100 in (4, 5) then 'token_failing' else 'ok' end,
      now() - interval '1 hour', now() - interval '1 hour', 'amelding',
      case when n % 100 = 1 then 'MP-303' when n % 100 in (2, 3) then 'AMLD_005' end
    from bench_board_orgs`;
  await sql`drop table bench_board_cells`;
  await sql`drop table bench_board_orgs`;
  await sql.unsafe("vacuum analyze");
  return adminId;
}

/** Tables a plan of the statement reads sequentially. */
async function seqScans(client: postgres.Sql, s: Statement): Promise<string[]> {
  const [row] = await client.unsafe<{ "QUERY PLAN": unknown }[]>(
    `explain (format json) ${s.query}`,
    s.params as never[],
  );
  const found: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (node["Node Type"] === "Seq Scan" && typeof node["Relation Name"] === "string")
      found.push(node["Relation Name"]);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((row!["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return found;
}

async function main() {
  const pg = await startEmbeddedPostgres({ dir: path.resolve(args.dir), port: Number(args.port) });
  const client = postgres(pg.url, { max: 4, onnotice: () => {}, connection: { TimeZone: "Europe/Oslo" } });
  try {
    await runMigrations(pg.url);
    let adminId = args.regenerate ? null : await existingAdmin(client);
    if (adminId) console.log(`Reusing ${ORGANISATIONS} organisations in ${args.dir}.`);
    else {
      const t0 = performance.now();
      adminId = await generate(client);
      console.log(
        `Generated ${ORGANISATIONS} organisations × ${MONTHS} months in ${args.dir}: ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    }
    const [{ n: submissionCount } = { n: 0 }] = await client<
      { n: number }[]
    >`select count(*)::int as n from submissions`;
    console.log(`${submissionCount} submissions.`);
    const organisationIds = (
      await client<{ id: string }[]>`select organisation_id as id from user_organisations where user_id = ${adminId}`
    ).map((r) => r.id);

    let capture: Statement[] | null = null;
    const db = drizzle(preparingStatements(client), {
      schema,
      logger: { logQuery: (query, params) => capture?.push({ query, params }) },
    }) as unknown as Db;
    const viewer = { id: adminId };

    const cases: { name: string; params: Record<string, string> }[] = [
      { name: "risk order, first page", params: {} },
      { name: "risk order, page 20", params: { page: "20" } },
      { name: "by name", params: { sort: "name" } },
      { name: "state=rejected", params: { state: "rejected" } },
      { name: "owner=mine", params: { owner: "mine" } },
      { name: "text search (q=Klient 01)", params: { q: "Klient 01" } },
    ];
    let met = 0;
    console.log(`\n${"case".padEnd(30)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  rows  plan`);
    for (const c of cases) {
      const filter = parseBoardFilter(c.params);
      await getBoard(db, organisationIds, viewer, filter); // warm-up
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        const board = await getBoard(db, organisationIds, viewer, filter);
        times.push(performance.now() - t0);
        rows = board.rows.length;
      }
      capture = [];
      await getBoard(db, organisationIds, viewer, filter);
      const statements: Statement[] = capture;
      capture = null;
      const scanned = (await Promise.all(statements.map((s) => seqScans(client, s)))).flat();
      if (args.explain)
        for (const s of statements) {
          const plan = await client.unsafe<{ "QUERY PLAN": string }[]>(
            `explain (analyze, buffers) ${s.query}`,
            s.params as never[],
          );
          console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
        }
      const scansSubmissions = scanned.includes("submissions");
      const p95 = quantile(times, 0.95);
      const pass = p95 <= GOAL_MS && !scansSubmissions;
      if (pass) met++;
      console.log(
        `${c.name.padEnd(30)} ${quantile(times, 0.5).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${String(rows).padStart(5)}  ${
          scansSubmissions ? "SEQ SCAN of submissions" : "no seq scan of submissions"
        }${scanned.length ? ` (seq: ${[...new Set(scanned)].join(", ")})` : ""}  ${pass ? "pass" : "FAIL"}`,
      );
    }
    // The reconciliation worker's due months (lib/reconciliation/reconcile.ts), every 15 minutes:
    // it must read the window's accepted months by index, not board_month_facts' whole history.
    const today = osloDate(new Date()).slice(0, 7);
    const due = {
      fromMonth: shiftMonth(today, -BOARD_PAST_MONTHS),
      toMonth: today,
      refreshMs: 24 * 3600_000,
      limit: 50,
    };
    const dueTimes: number[] = [];
    for (let i = 0; i <= ROUNDS; i++) {
      const t0 = performance.now();
      await dueReconciliations(db, due);
      if (i > 0) dueTimes.push(performance.now() - t0); // the first is the warm-up
    }
    capture = [];
    await dueReconciliations(db, due);
    const dueStatements: Statement[] = capture;
    capture = null;
    const dueScanned = (await Promise.all(dueStatements.map((s) => seqScans(client, s)))).flat();
    if (args.explain)
      for (const s of dueStatements) {
        const plan = await client.unsafe<{ "QUERY PLAN": string }[]>(
          `explain (analyze, buffers) ${s.query}`,
          s.params as never[],
        );
        console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
      }
    console.log(
      `${"reconciliation due months".padEnd(30)} ${quantile(dueTimes, 0.5).toFixed(1).padStart(8)} ${quantile(dueTimes, 0.95).toFixed(1).padStart(8)}        ${
        dueScanned.includes("board_month_facts") ? "SEQ SCAN of board_month_facts" : "board_month_facts by index"
      }${dueScanned.length ? ` (seq: ${[...new Set(dueScanned)].join(", ")})` : ""}`,
    );
    console.log(`\ngoal: p95 ≤ ${GOAL_MS} ms server time, no sequential scan of submissions`);
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")} (1 / 5 / 15 min)`,
    );
    console.log(`targets met: ${met}/${cases.length}`);
    if (met < cases.length) process.exitCode = 1;
  } finally {
    await client.end();
    await pg.stop();
  }
}

await main();
