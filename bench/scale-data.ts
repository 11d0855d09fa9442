/**
 * The data of `npm run bench:scale`: organisations with a skewed size (the largest about 8 % of
 * the submissions, the smallest a few hundred), an admin granted all of them, and the
 * submissions with their versions, search terms, attempts, feedback and audit entries, written
 * set-based by PostgreSQL (generate_series into an unlogged staging table, then one INSERT …
 * SELECT per table), so a million submissions take minutes, not hours.
 */
import { performance } from "node:perf_hooks";
import type postgres from "postgres";
import { hashPersonId } from "@/lib/submissions/search/person-id-hash";
import { nameTerms } from "@/lib/submissions/search/search-text";
import { seededRandom } from "@/lib/testing/amelding-generator";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
import { syntheticOrgnr } from "@/lib/validation/orgnr";

export const BENCH_ADMIN_EMAIL = "bench-scale-admin@example.test";
export const GIVEN_NAMES = ["Kari", "Ola", "Ingrid", "Lars", "Sofie", "Jonas", "Nora", "Emil", "Maja", "Henrik"];
const FAMILY = ["Testesen", "Prøvestad", "Syntetisk", "Eksempelsen", "Fiktivdal"];
const COMPANY = ["Baltic", "Nordic", "Polar", "Atlantic", "Fjord", "Vest", "Nord", "Kyst"];
const FORM = ["UAB", "Ltd", "GmbH", "AB", "AS"];
/** About 20 000 distinct family names: a surname search finds a few dozen submissions. */
export const familyName = (k: number) =>
  `${FAMILY[k % FAMILY.length]}${String.fromCharCode(97 + (Math.floor(k / 5) % 26))}${Math.floor(k / 130)}`;
const PEOPLE = 20_000;
export const ERROR_CODES = ["AMELDING_105", "AMELDING_120", "OAR_006", "OAR_011", "FORMAT_001", "AUTH_003"];

export type ScaleData = { adminId: string; organisationIds: string[]; rows: number };

async function count(sql: postgres.Sql, table: string): Promise<number> {
  const [row] = await sql.unsafe<{ n: string }[]>(`select count(*)::bigint as n from ${table}`);
  return Number(row!.n);
}

/** The bench database's data as it stands: reused when it has the submissions asked for. */
export async function existingScaleData(sql: postgres.Sql, rows: number): Promise<ScaleData | null> {
  const [admin] = await sql<{ id: string }[]>`select id from users where email = ${BENCH_ADMIN_EMAIL}`;
  if (!admin) return null;
  if ((await count(sql, "submissions")) !== rows) return null;
  const orgs = await sql<{ id: string }[]>`
    select organisation_id as id from user_organisations where user_id = ${admin.id} order by organisation_id`;
  return { adminId: admin.id, organisationIds: orgs.map((o) => o.id), rows };
}

export async function generateScaleData(
  sql: postgres.Sql,
  options: { rows: number; organisations: number; log: (line: string) => void },
): Promise<ScaleData> {
  const { rows, organisations, log } = options;
  const random = seededRandom(17);
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await sql`truncate submissions, submission_versions, submission_search_terms, delivery_attempts,
    amelding_feedback, audit_log, user_organisations, organisations, users cascade`;
  await sql`set synchronous_commit = off`;
  await sql`set maintenance_work_mem = '512MB'`;
  // Loading into tables without their secondary indexes and building those afterwards is several
  // times faster than maintaining them row by row; the definitions are the migrations' own.
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and i.tablename in ('submissions', 'submission_versions', 'submission_search_terms',
      'delivery_attempts', 'amelding_feedback', 'audit_log')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  for (const { name } of indexes) await sql.unsafe(`drop index "${name}"`);
  // Foreign keys are satisfied by construction; their per-row triggers would double the load time.
  await sql`set session_replication_role = replica`;

  const orgs = Array.from({ length: organisations }, (_, n) => ({
    n,
    orgnr: syntheticOrgnr(random),
    name: `${COMPANY[n % COMPANY.length]} ${familyName(n * 7 + 3)} ${FORM[n % FORM.length]}`,
  }));
  const people = Array.from({ length: PEOPLE }, (_, p) => {
    const fnr = syntheticFodselsnummer(random);
    return { p, fnr, hash: hashPersonId(fnr), name: `${GIVEN_NAMES[p % GIVEN_NAMES.length]} ${familyName(p)}` };
  });
  let adminId = "";
  await step("organisations, admin and grants", async () => {
    await sql`create unlogged table if not exists bench_orgs (n int primary key, id uuid, orgnr text, name text)`;
    await sql`truncate bench_orgs`;
    await sql`insert into bench_orgs (n, id, orgnr, name)
      select n, gen_random_uuid(), orgnr, name
      from unnest(${orgs.map((o) => o.n)}::int[], ${orgs.map((o) => o.orgnr)}::text[], ${orgs.map((o) => o.name)}::text[]) as u(n, orgnr, name)`;
    await sql`insert into organisations (id, orgnr, name) select id, orgnr, name from bench_orgs`;
    const [admin] = await sql<{ id: string }[]>`
      insert into users (email, name, role) values (${BENCH_ADMIN_EMAIL}, 'Bench admin', 'admin') returning id`;
    adminId = admin!.id;
    await sql`insert into user_organisations (user_id, organisation_id) select ${adminId}, id from bench_orgs`;
    const orgTerms = orgs.flatMap((o) => nameTerms(o.name).map((term) => ({ n: o.n, term })));
    await sql`create unlogged table if not exists bench_org_terms (n int, term text)`;
    await sql`truncate bench_org_terms`;
    await sql`insert into bench_org_terms select * from unnest(${orgTerms.map((t) => t.n)}::int[], ${orgTerms.map((t) => t.term)}::text[])`;
    await sql`create unlogged table if not exists bench_people (p int primary key, fnr text, hash text, name text)`;
    await sql`truncate bench_people`;
    await sql`insert into bench_people select * from unnest(${people.map((x) => x.p)}::int[], ${people.map((x) => x.fnr)}::text[],
      ${people.map((x) => x.hash)}::text[], ${people.map((x) => x.name)}::text[])`;
  });

  await step(`staging ${rows} rows`, async () => {
    await sql`drop table if exists bench_rows`;
    // Organisation n = floor(u³ · count): a few large organisations and a long tail of small ones.
    // Status by share: accepted 80 %, draft 5 %, in flight 1 %, rejected 6 %, failed 3 %,
    // conflict 1 %, cancelled 4 %. Created over the last 18 months.
    await sql`create unlogged table bench_rows as
      select i, gen_random_uuid() as id, gen_random_uuid() as version_id, gen_random_uuid() as key,
        o.id as organisation_id, o.orgnr, o.n as org_n,
        case when r_kind < 0.6 then 'amelding' else 'oar' end::report_kind as kind,
        case when r_status < 0.80 then 'accepted' when r_status < 0.85 then 'draft' when r_status < 0.855 then 'queued'
             when r_status < 0.856 then 'sending' when r_status < 0.86 then 'retrying' when r_status < 0.92 then 'rejected'
             when r_status < 0.95 then 'failed' when r_status < 0.96 then 'conflict' else 'cancelled' end::submission_status as status,
        now() - make_interval(secs => r_age * 540 * 86400) as created_at,
        (i * 7) % ${PEOPLE} as p1, (i * 13 + 5) % ${PEOPLE} as p2, r_code
      from (select i, random() as r_org, random() as r_kind, random() as r_status, random() as r_age, random() as r_code
            from generate_series(1, ${rows}) i) g
      join bench_orgs o on o.n = least(floor(power(g.r_org, 3) * ${organisations})::int, ${organisations - 1})`;
  });

  await step("submissions", async () => {
    await sql`insert into submissions (id, organisation_id, kind, subject, status, current_version_id, attempt_count,
        next_attempt_at, queued_at, last_attempt_at, accepted_at, last_error_code, status_reason_code, received_ids,
        oar_contractor_name, oar_contract_value_nok, oar_start_date, oar_end_date, created_by, created_at, updated_at)
      select id, organisation_id, kind,
        case when kind = 'amelding' then to_char(created_at at time zone 'Europe/Oslo', 'YYYY-MM') else 'OPP-' || i end,
        status, version_id,
        case when status in ('draft', 'queued', 'cancelled') then 0 when status in ('rejected', 'failed', 'conflict') then 1 + (i % 3) else 1 end,
        case when status in ('queued', 'sending', 'retrying') then created_at + interval '1 minute' end,
        case when status <> 'draft' then created_at end,
        case when status not in ('draft', 'queued', 'cancelled') then created_at + interval '2 seconds' end,
        case when status = 'accepted' then created_at + interval '3 seconds' end,
        case when status in ('rejected', 'conflict') then (${ERROR_CODES}::text[])[1 + floor(r_code * r_code * ${ERROR_CODES.length})::int] end,
        case when status = 'failed' then 'transport_failed' end,
        case when status = 'accepted' then jsonb_build_object('forsendelseId', 'fs-' || id) end,
        case when kind = 'oar' then 'Kontraktør ' || (select name from bench_people where p = p2) end,
        case when kind = 'oar' then 10000 + (i % 900) * 1000 end,
        case when kind = 'oar' then (created_at at time zone 'Europe/Oslo')::date end,
        case when kind = 'oar' then (created_at at time zone 'Europe/Oslo')::date + 90 end,
        ${adminId}, created_at, created_at
      from bench_rows`;
  });

  await step("versions", async () => {
    await sql`insert into submission_versions (id, submission_id, version_no, payload, idempotency_key, created_by, created_at,
        reported_forskuddstrekk, reported_arbeidsgiveravgift)
      select r.version_id, r.id, 1,
        case when r.kind = 'amelding' then jsonb_build_object(
          'kalendermaaned', to_char(r.created_at at time zone 'Europe/Oslo', 'YYYY-MM'),
          'meldingsId', 'm-' || r.id,
          'opplysningspliktig', jsonb_build_object('norskIdentifikator', r.orgnr),
          'oppgave', jsonb_build_object('virksomhet', jsonb_build_array(jsonb_build_object(
            'norskIdentifikator', r.orgnr,
            'inntektsmottaker', jsonb_build_array(
              jsonb_build_object('norskIdentifikator', a.fnr, 'identifiserendeInformasjon', jsonb_build_object('navn', a.name)),
              jsonb_build_object('norskIdentifikator', b.fnr, 'identifiserendeInformasjon', jsonb_build_object('navn', b.name)))))))
        else jsonb_build_object(
          'oppdragsreferanse', 'OPP-' || r.i,
          'oppdragsgiver', jsonb_build_object('organisasjonsnummer', r.orgnr),
          'oppdragstaker', jsonb_build_object('navn', 'Kontraktør ' || b.name, 'organisasjonsnummer', r.orgnr)) end,
        r.key, ${adminId}, r.created_at,
        case when r.kind = 'amelding' then 10000 + (r.i % 5000) * 10 end,
        case when r.kind = 'amelding' then 5000 + (r.i % 5000) * 5 end
      from bench_rows r join bench_people a on a.p = r.p1 join bench_people b on b.p = r.p2`;
  });

  await step("search terms", async () => {
    // What lib/submissions/search/search-index.ts writes: the organisation's orgnr and name
    // terms, each person's name terms and keyed fødselsnummer hash, the contractor's name
    // terms, and the reference (meldingsId or oppdragsreferanse), normalised.
    await sql`insert into submission_search_terms (submission_id, organisation_id, kind, term, created_at)
      select id, organisation_id, 'orgnr'::search_term_kind, orgnr, created_at from bench_rows
      union all
      select r.id, r.organisation_id, 'name'::search_term_kind, t.term, r.created_at
      from bench_rows r join bench_org_terms t on t.n = r.org_n
      union all
      select r.id, r.organisation_id, 'reference'::search_term_kind,
        case when r.kind = 'amelding' then 'm ' || replace(r.id::text, '-', ' ') else 'opp ' || r.i end, r.created_at
      from bench_rows r`;
    await sql`insert into submission_search_terms (submission_id, organisation_id, kind, term, created_at)
      select r.id, r.organisation_id, x.kind::search_term_kind, x.term, r.created_at
      from bench_rows r
      join bench_people a on a.p = r.p1 join bench_people b on b.p = r.p2
      cross join lateral (
        select 'person_id' as kind, a.hash as term where r.kind = 'amelding'
        union all select 'person_id', b.hash where r.kind = 'amelding' and r.p1 <> r.p2
        union all select 'name', lower(a.name) where r.kind = 'amelding'
        union all select 'name', lower(split_part(a.name, ' ', 2)) where r.kind = 'amelding'
        union all select 'name', lower(b.name) where r.kind = 'amelding' and r.p1 <> r.p2
        union all select 'name', lower(split_part(b.name, ' ', 2)) where r.kind = 'amelding' and r.p1 <> r.p2
        union all select 'name', 'kontraktør ' || lower(b.name) where r.kind = 'oar'
        union all select 'name', lower(b.name) where r.kind = 'oar'
        union all select 'name', lower(split_part(b.name, ' ', 2)) where r.kind = 'oar'
      ) x`;
  });

  await step("attempts", async () => {
    await sql`insert into delivery_attempts (submission_id, version_id, attempt_no, idempotency_key, outcome, started_at,
        finished_at, duration_ms, request_method, request_url, request_headers, request_body, response_status,
        response_body, error_code, decoded_error, korrelasjonsid)
      select r.id, r.version_id, n, r.key,
        (case when n < s.attempt_count then 'retryable_error'
             when r.status = 'accepted' then 'accepted' when r.status = 'rejected' then 'rejected'
             when r.status = 'conflict' then 'conflict' when r.status = 'sending' then 'in_flight'
             when r.status = 'retrying' then 'retryable_error'
             else (array['timeout', 'network_error', 'not_sent'])[1 + r.i % 3] end)::attempt_outcome,
        r.created_at + make_interval(secs => n), r.created_at + make_interval(secs => n + 1), 350,
        'POST', 'https://sandbox.invalid/innsending', '{"content-type":"application/json"}'::jsonb, '{"bench":true}',
        case when r.status = 'accepted' and n = s.attempt_count then 200 when r.status in ('rejected', 'conflict') then 400 end,
        case when r.status in ('rejected', 'conflict') then '{"kode":"' || s.last_error_code || '"}' end,
        case when r.status in ('rejected', 'conflict') and n = s.attempt_count then s.last_error_code end,
        case when r.status = 'rejected' and n = s.attempt_count then jsonb_build_object('code', s.last_error_code,
          'specifications', jsonb_build_array(jsonb_build_object('kode', 'SPEC_' || (r.i % 7), 'sti', '/oppgave/felt' || (r.i % 7)))) end,
        case when r.status in ('rejected', 'conflict') then gen_random_uuid()::text end
      from bench_rows r join submissions s on s.id = r.id
      cross join generate_series(1, s.attempt_count) n
      where s.attempt_count > 0`;
  });

  await step("feedback and audit log", async () => {
    await sql`insert into amelding_feedback (submission_id, status, check_count, last_checked_at, next_check_at, received_at)
      select id, 'ok', 1, created_at + interval '1 hour', created_at + interval '1 hour', created_at + interval '1 hour'
      from bench_rows where kind = 'amelding' and status = 'accepted'`;
    await sql`insert into audit_log (actor_id, actor_email, action, target_type, target_id, organisation_id, organisation_ids, details, created_at)
      select ${adminId}, ${BENCH_ADMIN_EMAIL}, 'submission.created', 'submission', id::text, organisation_id,
        array[organisation_id], '{}'::jsonb, created_at
      from bench_rows where i % 4 = 0 order by created_at`;
  });

  await step(`${indexes.length} indexes`, async () => {
    for (const { def } of indexes) await sql.unsafe(def);
  });

  await step("vacuum analyze", async () => {
    await sql`drop table bench_rows`;
    await sql`set session_replication_role = origin`;
  });
  // Loaded with triggers off: the rollups (docs/rollups.md) are built from the rows in one pass.
  await step("rollups", async () => {
    await sql`select rebuild_submission_rollups()`;
    await sql.unsafe("vacuum analyze");
  });
  return { adminId, organisationIds: orgs.length ? await existingOrgIds(sql, adminId) : [], rows };
}

async function existingOrgIds(sql: postgres.Sql, adminId: string) {
  const rows = await sql<{ id: string }[]>`
    select organisation_id as id from user_organisations where user_id = ${adminId} order by organisation_id`;
  return rows.map((r) => r.id);
}
