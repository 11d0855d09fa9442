/**
 * Delivery pipeline benchmark: N submissions through the whole engine (PostgreSQL, pg-boss,
 * Maskinporten token cache, HTTP to the sandbox Skatteetaten), and in the same run N bare HTTP
 * posts to the same sandbox at the same concurrency. Then a paced run at 50 submissions/s for
 * queue-to-accepted latency. The sandbox runs as its own process, as Skatteetaten's API is remote.
 *   npm run bench:pipeline [-- --n 2000 --rate 50 --seconds 20 --concurrency 20]
 * Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { inArray, sql } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { submissions } from "@/lib/db/schema";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { insertOrganisation } from "@/lib/organisations/queries";
import { AMELDING_SCOPE } from "@/lib/reporting/amelding/amelding-adapter";
import { buildDemoSandboxClient } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { generateTestKey } from "@/lib/sandbox/maskinporten/test-fixture";
import { createDeliveryDeps } from "@/lib/submissions/delivery-deps";
import { createSubmission } from "@/lib/submissions/operations";
import { enqueueDelivery, startQueue } from "@/lib/submissions/queue";
import { startDeliveryWorker } from "@/lib/submissions/worker";
import { hasAcceptedSystemUser, insertPreapprovedSystemUser } from "@/lib/system-users/queries";
import { insertUser } from "@/lib/users/queries";
import { orgnrCheckDigit } from "@/lib/validation/orgnr";

const { values: args } = parseArgs({
  options: {
    n: { type: "string", default: "1000" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    concurrency: { type: "string", default: "20" },
  },
});
const N = Number(args.n);
const RATE = Number(args.rate);
const PACED_SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const ORGS = 4;

function syntheticOrgnr(i: number) {
  for (let n = 31095000 + i * 97; ; n++) {
    const d = orgnrCheckDigit(String(n));
    if (d !== null) return `${n}${d}`;
  }
}

function leveranse(orgnr: string, virksomhet: string) {
  return {
    leveringstidspunkt: "2026-10-28T10:00:00Z",
    kalendermaaned: "2026-10",
    kildesystem: "bench",
    meldingsId: `bench-${randomUUID()}`,
    opplysningspliktig: { norskIdentifikator: orgnr },
    oppgave: {
      betalingsinformasjon: { sumForskuddstrekk: -7000, sumArbeidsgiveravgift: 5640 },
      virksomhet: [
        { norskIdentifikator: virksomhet, inntektsmottaker: [{ inntekt: [{ beloep: 40000, fordel: "kontantytelse" }], forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -7000 }] }] },
      ],
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  let tempDir: string | undefined;
  let stopPg: (() => Promise<void>) | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "bench-pipeline-"));
    const pg = await startEmbeddedPostgres({ dir: path.join(tempDir, "pg"), port: 56000 + Math.floor(Math.random() * 3000) });
    url = pg.url;
    stopPg = pg.stop;
  }
  await runMigrations(url);
  const { db, sql: client } = createDb(url, { max: CONCURRENCY + 4 });

  const suffix = randomUUID().slice(0, 6);
  const [user] = [await insertUser(db, { email: `bench-${suffix}@innrapportering.test`, name: "Bench", role: "admin", passwordHash: null })];
  const orgs: { id: string; orgnr: string }[] = [];
  for (let i = 0; i < ORGS; i++) {
    const orgnr = syntheticOrgnr(i);
    const existing = await db.execute(sql`select id, orgnr from organisations where orgnr = ${orgnr}`);
    const org = (existing[0] as { id: string; orgnr: string }) ?? (await insertOrganisation(db, { orgnr, name: `Bench ${i}` }, user!.id))!;
    // The sandbox process knows these organisations' system users; reports may only be queued for accepted ones.
    if (!(await hasAcceptedSystemUser(db, org.id))) await insertPreapprovedSystemUser(db, org.id);
    orgs.push(org);
  }
  const virksomhet = syntheticOrgnr(50);

  const key = generateTestKey();
  const clientId = randomUUID();
  const sandboxProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "bench/sandbox-process.ts"], {
    env: {
      ...process.env,
      BENCH_SANDBOX_CLIENT: JSON.stringify(buildDemoSandboxClient({ clientId, publicJwk: key.publicJwk, orgnrs: orgs.map((o) => o.orgnr) })),
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: sandboxProcess.stdout! }).once("line", resolve);
    sandboxProcess.once("exit", (code) => reject(new Error(`sandbox process exited with ${code}`)));
  });
  const sandbox = JSON.parse(firstLine) as {
    issuer: string;
    maskinportenUrl: string;
    skatteetatenUrl: string;
    oarBaseUrl: string;
    ameldingBaseUrl: string;
  };
  const getJson = async (url: string) => (await fetch(url)).json() as Promise<Record<string, unknown>>;
  const tokens = createMaskinportenClient(
    loadMaskinportenConfig({
      APP_MODE: "sandbox",
      MASKINPORTEN_ISSUER: sandbox.issuer,
      MASKINPORTEN_CLIENT_ID: clientId,
      MASKINPORTEN_KID: key.kid,
      MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
    }),
  );
  // The worker has its own pool, as it has in its own process; queueing does not take its connections.
  const workerDb = createDb(url, { max: CONCURRENCY + 2 });
  const deps = createDeliveryDeps(workerDb.db, tokens, {
    oarApiUrl: sandbox.oarBaseUrl,
    ameldingApiUrl: sandbox.ameldingBaseUrl,
    idempotencyKeyIn: "query",
    workerId: "bench",
  });
  const boss = await startQueue(url);
  const worker = await startDeliveryWorker(boss, deps, { concurrency: CONCURRENCY, reconcileIntervalMs: 5_000, pollingIntervalSeconds: 0.5 });

  async function queueOne(i: number) {
    const org = orgs[i % ORGS]!;
    const payload = leveranse(org.orgnr, virksomhet);
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, null, { organisationId: org.id, kind: "amelding", subject: "2026-10", payload, queue: true }),
    );
    await enqueueDelivery(boss, submissionId);
    return submissionId;
  }

  async function waitAccepted(ids: string[]) {
    for (;;) {
      const rows = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(submissions)
        .where(sql`${inArray(submissions.id, ids)} and ${submissions.status} in ('accepted', 'rejected', 'failed', 'conflict')`);
      if (rows[0]!.n >= ids.length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function latencies(ids: string[]) {
    const rows = await db
      .select({ ms: sql<number>`extract(epoch from (${submissions.acceptedAt} - ${submissions.queuedAt})) * 1000`, status: submissions.status })
      .from(submissions)
      .where(inArray(submissions.id, ids));
    const failed = rows.filter((r) => r.status !== "accepted").length;
    return { sorted: rows.filter((r) => r.status === "accepted").map((r) => Number(r.ms)).sort((a, b) => a - b), failed };
  }

  // Warm-up: token fetch, connection pools, JIT.
  const warm = await Promise.all(Array.from({ length: 20 }, (_, i) => queueOne(i)));
  await waitAccepted(warm);

  // 1. Engine throughput: N submissions queued at once, drained by the worker.
  const t0 = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < N; i += 50) ids.push(...(await Promise.all(Array.from({ length: Math.min(50, N - i) }, (_, j) => queueOne(i + j)))));
  await waitAccepted(ids);
  const engineSeconds = (performance.now() - t0) / 1000;
  const engine = await latencies(ids);

  // 2. Bare HTTP posts to the same sandbox, same concurrency, one cached token per org.
  const adapter = deps.adapters.amelding;
  const bareTokens = await Promise.all(orgs.map((o) => tokens.getToken({ scopes: [AMELDING_SCOPE], systemUserOrg: o.orgnr })));
  let next = 0;
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < N; i = next++) {
        const org = orgs[i % ORGS]!;
        const req = adapter.buildRequest(leveranse(org.orgnr, virksomhet), { idempotencyKey: randomUUID(), orgnr: org.orgnr, existsAtSkatteetaten: false });
        const res = await fetch(req.url, { method: "POST", headers: { ...req.headers, Authorization: `Bearer ${bareTokens[i % ORGS]!.accessToken}` }, body: req.body });
        await res.text();
        if (res.status !== 200) throw new Error(`bare post answered ${res.status}`);
      }
    }),
  );
  const bareSeconds = (performance.now() - t1) / 1000;

  // 3. Paced load: RATE submissions per second for PACED_SECONDS, latency from queued to accepted.
  const paced: string[] = [];
  const t2 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < RATE * PACED_SECONDS; i++) {
    const due = t2 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(queueOne(i).then((id) => void paced.push(id)));
  }
  await Promise.all(pending);
  await waitAccepted(paced);
  const pacedLatency = await latencies(paced);

  const engineRate = N / engineSeconds;
  const bareRate = N / bareSeconds;
  const grants = (await getJson(`${sandbox.maskinportenUrl}/__control/grants`)).count as number;
  const stats = (await getJson(`${sandbox.skatteetatenUrl}/__control/stats`)) as { processed: { amelding: number } };
  console.log(`submissions: ${N} (engine) + ${N} (bare) + ${paced.length} (paced at ${RATE}/s), concurrency ${CONCURRENCY}, ${ORGS} organisations`);
  console.log(`engine throughput: ${engineRate.toFixed(1)} submissions/s (${engineSeconds.toFixed(2)} s, ${engine.failed} not accepted)`);
  console.log(`bare throughput: ${bareRate.toFixed(1)} posts/s (${bareSeconds.toFixed(2)} s)`);
  console.log(`ratio: ${(engineRate / bareRate).toFixed(2)}`);
  console.log(`engine queue-to-accepted (burst): p50 ${percentile(engine.sorted, 50).toFixed(0)} ms, p99 ${percentile(engine.sorted, 99).toFixed(0)} ms`);
  console.log(`paced queue-to-accepted at ${RATE}/s: p50 ${percentile(pacedLatency.sorted, 50).toFixed(0)} ms, p99 ${percentile(pacedLatency.sorted, 99).toFixed(0)} ms (${pacedLatency.failed} not accepted)`);
  console.log(`maskinporten grants: ${grants} (${ORGS} organisations × 1 scope; token lifetime 120 s, run ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(`sandbox processed: ${stats.processed.amelding} (sandbox in its own process)`);

  await worker.stop();
  await boss.stop({ graceful: false });
  process.kill(-sandboxProcess.pid!, "SIGTERM");
  await client.end();
  await workerDb.sql.end();
  await stopPg?.();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
