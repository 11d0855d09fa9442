/**
 * Free-text search benchmark: N synthetic submissions (half A-meldinger with two inntektsmottakere,
 * half OAR reports with a contractor) over 20 organisations, one of which has half of them, with
 * their search terms as the product writes them (names, keyed fødselsnummer hashes, orgnr,
 * references), forsendelseId on accepted ones and a korrelasjonsid on every twentieth. Then the
 * first page of the submissions list for each kind of query, for a reader of the large
 * organisation and a reader of all 20: p50/p95 over many different values, and EXPLAIN ANALYZE of
 * each kind, checking that no plan scans a table sequentially.
 *   npm run bench:search [-- --rows 200000 --rounds 40]
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { insertOrganisation } from "@/lib/organisations/queries";
import { parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import {
  listSubmissions,
  listSubmissionsQuery,
  submissionPageSelection,
} from "@/lib/submissions/queries/list-submissions";
import { hashPersonId } from "@/lib/submissions/search/person-id-hash";
import { nameTerms, normaliseSearchText } from "@/lib/submissions/search/search-text";
import { seededRandom, syntheticFodselsnummer } from "@/lib/testing/amelding-generator";
import { syntheticOrgnr } from "@/lib/validation/orgnr";

const { values: args } = parseArgs({
  options: { rows: { type: "string", default: "200000" }, rounds: { type: "string", default: "40" } },
});
const ROWS = Number(args.rows);
const ROUNDS = Number(args.rounds);
const ORGS = 20;
const CHUNK = 2000;
const SAMPLES = 200;

const GIVEN = ["Kari", "Ola", "Ingrid", "Lars", "Sofie", "Jonas", "Nora", "Emil", "Maja", "Henrik"];
const FAMILY = ["Testesen", "Prøvestad", "Syntetisk", "Eksempelsen", "Fiktivdal"];
const COMPANY = ["Baltic", "Nordic", "Polar", "Atlantic", "Fjord"];
const FORM = ["UAB", "Ltd", "GmbH", "AB", "Sp. z o.o."];
/** About 20 000 distinct family names, so a surname search finds a handful of rows, as in life. */
const family = (k: number) =>
  `${FAMILY[k % FAMILY.length]}${String.fromCharCode(97 + ((k / 5) % 26))}${Math.floor(k / 130)}`;

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

type Sample = Record<string, string[]>;

async function main() {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "bench-search-"));
  const pg = await startEmbeddedPostgres({
    dir: path.join(tempDir, "pg"),
    port: 56000 + Math.floor(Math.random() * 3000),
  });
  try {
    await runMigrations(pg.url);
    const { db, sql: client } = createDb(pg.url, { max: 2 });
    const random = seededRandom(16);
    const orgs: { id: string; orgnr: string; name: string }[] = [];
    for (let i = 0; i < ORGS; i++) {
      const row = await insertOrganisation(db, { orgnr: syntheticOrgnr(random), name: `Bench org ${i}` }, null);
      orgs.push(row!);
    }
    const samples: Sample = {
      surname: [],
      given: [],
      fnr: [],
      orgnr: [],
      meldingsId: [],
      forsendelseId: [],
      korrelasjonsid: [],
      idempotencyKey: [],
      contractor: [],
    };
    const sample = (kind: string, value: string) => {
      const list = samples[kind]!;
      if (list.length < SAMPLES) list.push(value);
      else if (random() < 0.01) list[Math.floor(random() * SAMPLES)] = value;
    };
    const started = performance.now();
    for (let base = 0; base < ROWS; base += CHUNK) {
      const s = {
        id: [] as string[],
        org: [] as string[],
        kind: [] as string[],
        subject: [] as string[],
        age: [] as number[],
        received: [] as (string | null)[],
        version: [] as string[],
        key: [] as string[],
        payload: [] as string[],
      };
      const t = { submission: [] as string[], org: [] as string[], kind: [] as string[], term: [] as string[] };
      const attempts = {
        submission: [] as string[],
        version: [] as string[],
        key: [] as string[],
        korrelasjonsid: [] as string[],
      };
      for (let i = base; i < Math.min(ROWS, base + CHUNK); i++) {
        const org = i % 10 < 5 ? orgs[0]! : orgs[1 + (i % (ORGS - 1))]!;
        const id = randomUUID();
        const version = randomUUID();
        const key = randomUUID();
        const terms = new Set<string>();
        const add = (kind: string, term: string) => terms.add(`${kind}\u0000${term}`);
        add("orgnr", org.orgnr);
        for (const n of nameTerms(org.name)) add("name", n);
        let payload: Record<string, unknown>;
        let subject: string;
        if (i % 2 === 0) {
          subject = `2026-${String(1 + (i % 12)).padStart(2, "0")}`;
          const meldingsId = `m-${randomUUID()}`;
          const virksomhet = syntheticOrgnr(random);
          const people = [0, 1].map(() => ({
            norskIdentifikator: syntheticFodselsnummer(random),
            identifiserendeInformasjon: {
              navn: `${GIVEN[Math.floor(random() * GIVEN.length)]} ${family(Math.floor(random() * 20000))}`,
            },
          }));
          payload = {
            kalendermaaned: subject,
            meldingsId,
            opplysningspliktig: { norskIdentifikator: org.orgnr },
            oppgave: { virksomhet: [{ norskIdentifikator: virksomhet, inntektsmottaker: people }] },
          };
          for (const p of people) {
            for (const n of nameTerms(p.identifiserendeInformasjon.navn)) add("name", n);
            add("person_id", hashPersonId(p.norskIdentifikator));
          }
          add("orgnr", virksomhet);
          add("reference", normaliseSearchText(meldingsId));
          if (org === orgs[0]) {
            sample("surname", p0(people).split(" ")[1]!);
            sample("given", p0(people).split(" ")[0]!);
            sample("fnr", people[0]!.norskIdentifikator);
            sample("orgnr", virksomhet);
            sample("meldingsId", meldingsId);
          }
        } else {
          subject = `OPP-${i}`;
          const contractor = `${COMPANY[i % COMPANY.length]} ${family(Math.floor(random() * 20000))} ${FORM[i % FORM.length]}`;
          payload = {
            oppdragsreferanse: subject,
            oppdragsgiver: { navn: org.name, organisasjonsnummer: org.orgnr },
            oppdragstaker: { navn: contractor },
          };
          for (const n of nameTerms(contractor)) add("name", n);
          add("reference", normaliseSearchText(subject));
          if (org === orgs[0]) sample("contractor", contractor.split(" ").slice(1, 2).join(" "));
        }
        const accepted = i % 3 === 0;
        const forsendelseId = accepted ? `fs-${randomUUID()}` : null;
        if (forsendelseId && org === orgs[0]) sample("forsendelseId", forsendelseId);
        if (i % 20 === 1) {
          const korrelasjonsid = randomUUID();
          attempts.submission.push(id);
          attempts.version.push(version);
          attempts.key.push(key);
          attempts.korrelasjonsid.push(korrelasjonsid);
          if (org === orgs[0]) sample("korrelasjonsid", korrelasjonsid);
        }
        if (org === orgs[0]) sample("idempotencyKey", key);
        s.id.push(id);
        s.org.push(org.id);
        s.kind.push(i % 2 === 0 ? "amelding" : "oar");
        s.subject.push(subject);
        s.age.push(ROWS - i);
        s.received.push(forsendelseId ? JSON.stringify({ forsendelseId }) : null);
        s.version.push(version);
        s.key.push(key);
        s.payload.push(JSON.stringify(payload));
        for (const entry of terms) {
          const [kind, term] = entry.split("\u0000") as [string, string];
          t.submission.push(id);
          t.org.push(org.id);
          t.kind.push(kind);
          t.term.push(term);
        }
      }
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into submissions (id, organisation_id, kind, subject, status, current_version_id, received_ids, accepted_at, created_at)
          select id, org, kind::report_kind, subject, case when received is null then 'draft' else 'accepted' end::submission_status,
                 version, received::jsonb, case when received is not null then now() end, now() - make_interval(secs => age)
          from unnest(${sql.param(s.id)}::uuid[], ${sql.param(s.org)}::uuid[], ${sql.param(s.kind)}::text[], ${sql.param(s.subject)}::text[],
                      ${sql.param(s.received)}::text[], ${sql.param(s.version)}::uuid[], ${sql.param(s.age)}::int[])
               as u(id, org, kind, subject, received, version, age)`);
        await tx.execute(sql`
          insert into submission_versions (id, submission_id, version_no, payload, idempotency_key)
          select version, id, 1, payload::jsonb, key
          from unnest(${sql.param(s.version)}::uuid[], ${sql.param(s.id)}::uuid[], ${sql.param(s.payload)}::text[], ${sql.param(s.key)}::uuid[])
               as u(version, id, payload, key)`);
        await tx.execute(sql`
          insert into submission_search_terms (submission_id, organisation_id, kind, term, created_at)
          select u.submission, u.org, u.kind, u.term, s.created_at
          from unnest(${sql.param(t.submission)}::uuid[], ${sql.param(t.org)}::uuid[], ${sql.param(t.kind)}::search_term_kind[], ${sql.param(t.term)}::text[])
               as u(submission, org, kind, term)
          join submissions s on s.id = u.submission`);
        if (attempts.submission.length > 0)
          await tx.execute(sql`
            insert into delivery_attempts (submission_id, version_id, attempt_no, idempotency_key, outcome, request_method, request_url, request_headers, request_body, korrelasjonsid)
            select s, v, 1, k, 'rejected', 'POST', 'http://bench', '{}'::jsonb, '{}', c
            from unnest(${sql.param(attempts.submission)}::uuid[], ${sql.param(attempts.version)}::uuid[], ${sql.param(attempts.key)}::uuid[], ${sql.param(attempts.korrelasjonsid)}::text[]) as u(s, v, k, c)`);
      });
    }
    await db.execute(sql`analyze`);
    const [{ n: termCount }] = (await db.execute<{ n: number }>(
      sql`select count(*)::int as n from submission_search_terms`,
    )) as unknown as [{ n: number }];
    console.log(
      `${ROWS} submissions (${termCount} search terms) over ${ORGS} organisations loaded in ${Math.round(performance.now() - started)} ms`,
    );

    const readers: [string, string[]][] = [
      [`reader of the large organisation (${Math.round(ROWS / 2)} submissions)`, [orgs[0]!.id]],
      ["reader of all 20 organisations", orgs.map((o) => o.id)],
    ];
    const queries: [string, (i: number) => string][] = [
      ["employee surname", (i) => samples.surname![i % samples.surname!.length]!],
      ["employee surname, first 5 letters", (i) => samples.surname![i % samples.surname!.length]!.slice(0, 5)],
      ["common given name (10 % of people)", (i) => samples.given![i % samples.given!.length]!],
      ["contractor name", (i) => samples.contractor![i % samples.contractor!.length]!],
      ["fødselsnummer", (i) => samples.fnr![i % samples.fnr!.length]!],
      ["orgnr (virksomhet)", (i) => samples.orgnr![i % samples.orgnr!.length]!],
      ["meldingsId", (i) => samples.meldingsId![i % samples.meldingsId!.length]!],
      ["forsendelseId", (i) => samples.forsendelseId![i % samples.forsendelseId!.length]!],
      ["korrelasjonsid", (i) => samples.korrelasjonsid![i % samples.korrelasjonsid!.length]!],
      ["idempotency key", (i) => samples.idempotencyKey![i % samples.idempotencyKey!.length]!],
      ["no match", (i) => `zzqx${i}`],
    ];
    let seqScans = 0;
    for (const [reader, organisationIds] of readers) {
      console.log(`\n${reader}: first page (50 rows), ms over ${ROUNDS} different values`);
      for (const [label, value] of queries) {
        const times: number[] = [];
        let found = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const filter = parseSubmissionListFilter({ q: value(i) });
          const t0 = performance.now();
          const page = await listSubmissions(db, organisationIds, filter);
          times.push(performance.now() - t0);
          found += page.rows.length;
        }
        const explained = listSubmissionsQuery(
          db,
          await submissionPageSelection(db, organisationIds, parseSubmissionListFilter({ q: value(0) })),
          undefined,
          50,
        ).toSQL();
        const plan = (
          await client.unsafe(
            `explain (analyze, costs off, timing off, summary off) ${explained.sql}`,
            explained.params as never[],
          )
        )
          .map((r) => String(r["QUERY PLAN"]))
          .join("\n");
        // Tables that grow with the submissions; a small one (organisations) may well be read whole.
        const seq =
          plan.match(/Seq Scan on (submissions|submission_versions|submission_search_terms|delivery_attempts)\b/g) ??
          [];
        seqScans += seq.length;
        console.log(
          `  ${label.padEnd(36)} p50 ${quantile(times, 0.5).toFixed(1).padStart(6)}  p95 ${quantile(times, 0.95).toFixed(1).padStart(6)}  rows/page ${(found / ROUNDS).toFixed(1).padStart(5)}  ${seq.length ? `SEQ SCAN: ${seq.join(", ")}` : "index only"}`,
        );
        if (label === "employee surname" && reader.startsWith("reader of all"))
          console.log(plan.replace(/^/gm, "      "));
      }
    }
    console.log(
      seqScans === 0 ? "\nNo plan scans a table sequentially." : `\n${seqScans} plans scan a table sequentially.`,
    );
    await client.end();
  } finally {
    await pg.stop();
    await rm(tempDir, { recursive: true, force: true });
  }
}

function p0(people: { identifiserendeInformasjon: { navn: string } }[]) {
  return people[0]!.identifiserendeInformasjon.navn;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
