/**
 * Delivery pipeline benchmark. In alternating rounds (after one thrown-away round of each):
 *  - engine: N A-meldinger stored as queued, as the web app leaves them; then their jobs are
 *    queued at once and the worker delivers them (pg-boss, PostgreSQL, token cache, HTTP);
 *  - bare: N posts of the same kind to the same sandbox with the engine's HTTP call, at the same
 *    concurrency, with cached tokens.
 * Medians and their ratio are printed, with CPU per submission of each process. Then the engine
 * with 50 concurrent producers creating submissions on the same cores, and a paced run at 50/s for
 * queue-to-accepted latency. The sandbox and the worker run as processes of their own.
 *   npm run bench:pipeline [-- --n 2000 --rounds 5 --rate 50 --seconds 20 --concurrency 20 --verbose --profile-worker /tmp/prof]
 * Scaling out instead: `--workers 1,2,4` runs the engine rounds with 1, then 2, then 4 worker
 * processes on the same database and prints throughput per count, the CPU per submission of each
 * kind of process, and what PostgreSQL's sessions waited on (where the database limits scaling).
 * Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { inArray, sql } from "drizzle-orm";
import { submissions } from "@/lib/db/schema";
import { createMaskinportenClient } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig } from "@/lib/maskinporten/config";
import { AMELDING_SCOPE, createAmeldingAdapter } from "@/lib/reporting/amelding/amelding-adapter";
import { sendRequest } from "@/lib/reporting/send-request";
import { enqueueDeliveries, enqueueDelivery, startQueue } from "@/lib/submissions/engine/queue";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { startDeliveryStack, syntheticOrgnr } from "./delivery-stack";
import { type CpuGroups, cpuDelta, cpuMsByGroup } from "./process-cpu";

const { values: args } = parseArgs({
  options: {
    n: { type: "string", default: "1000" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    concurrency: { type: "string", default: "20" },
    rounds: { type: "string", default: "5" },
    // Each round's CPU per process as well as the totals.
    verbose: { type: "boolean", default: false },
    // A directory for the worker's V8 CPU profile (open it in Chrome DevTools).
    "profile-worker": { type: "string" },
    // Worker processes to compare, e.g. "1,2,4" (each count in its own rounds, same database).
    workers: { type: "string" },
  },
});
const N = Number(args.n);
const RATE = Number(args.rate);
const PACED_SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const ROUNDS = Math.min(5, Number(args.rounds));
const ORGS = 4;

function leveranse(orgnr: string, virksomhet: string, month: string) {
  return {
    leveringstidspunkt: "2026-10-28T10:00:00Z",
    kalendermaaned: month,
    kildesystem: "bench",
    meldingsId: `bench-${randomUUID()}`,
    opplysningspliktig: { norskIdentifikator: orgnr },
    oppgave: {
      betalingsinformasjon: {
        sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: `${month}-20`, beloep: 7000 }],
        sumArbeidsgiveravgift: 5640,
      },
      virksomhet: [
        {
          norskIdentifikator: virksomhet,
          inntektsmottaker: [
            {
              inntekt: [{ beloep: 40000, fordel: "kontantytelse" }],
              forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -7000 }],
            },
          ],
        },
      ],
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const stack = await startDeliveryStack("bench", ORGS);
  const { url, db, sandbox, sandboxProcess } = stack;
  const creator = stack.user;
  const orgs = stack.organisations;
  const virksomhet = syntheticOrgnr(50);
  const getJson = async (url: string) => (await fetch(url)).json() as Promise<Record<string, unknown>>;
  const tokens = createMaskinportenClient(loadMaskinportenConfig(stack.maskinporten));
  // The worker runs in its own process, as `npm start` and `npm run worker` run it: queueing (the
  // web app's part, here) and delivering do not share an event loop.
  const workerArgs = ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"];
  if (args["profile-worker"])
    workerArgs.unshift("--cpu-prof", `--cpu-prof-dir=${path.resolve(args["profile-worker"])}`);
  const spawnWorker = async (workerId: string) => {
    const workerProcess = spawn(process.execPath, workerArgs, {
      env: stack.workerEnv({
        DELIVERY_CONCURRENCY: String(CONCURRENCY),
        WORKER_ID: workerId,
        // Phase 1 stores its submissions before waking the worker; the reconciler must not find them first.
        DELIVERY_RECONCILE_SECONDS: "3600",
      }),
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: workerProcess.stdout! }).once("line", () => resolve());
      workerProcess.once("exit", (code) => reject(new Error(`worker process exited with ${code}`)));
    });
    return workerProcess;
  };
  const stopWorker = async (workerProcess: ReturnType<typeof spawn>) => {
    const workerExited = new Promise((resolve) => workerProcess.once("exit", resolve));
    process.kill(-workerProcess.pid!, "SIGTERM");
    await Promise.race([workerExited, new Promise((r) => setTimeout(r, 10_000))]);
  };
  const boss = await startQueue(url);
  // PostgreSQL's processes: the server this benchmark talks to (its postmaster, the parent of our
  // own backend, and the postmaster's children), or every one on the machine when it is not local.
  const [backend] = await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
  let postmaster = 0;
  try {
    postmaster = Number(readFileSync(`/proc/${backend!.pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1] ?? 0);
  } catch {
    // not on this machine
  }
  const isPostgres = (p: { comm: string; pid: number; ppid: number }) =>
    p.comm === "postgres" && (!postmaster || p.pid === postmaster || p.ppid === postmaster);

  // Each phase reports its own month, so its progress is counted cheaply by subject: polling with
  // thousands of ids would cost the harness more CPU than it leaves the engine.
  const runStart = new Date();
  const storeOne = (month: string) => async (i: number) => {
    const org = orgs[i % ORGS]!;
    const payload = leveranse(org.orgnr, virksomhet, month);
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, creator, { organisationId: org.id, kind: "amelding", subject: month, payload, queue: true }),
    );
    return submissionId;
  };
  // As the web app queues one: the submission is committed, then a worker is woken.
  const queueOne = (month: string) => async (i: number) => {
    const submissionId = await storeOne(month)(i);
    await enqueueDelivery(boss, submissionId);
    return submissionId;
  };
  const ofPhase = (month: string) =>
    sql`${inArray(
      submissions.organisationId,
      orgs.map((o) => o.id),
    )} and ${submissions.kind} = 'amelding'
      and ${submissions.subject} = ${month} and ${submissions.createdAt} >= ${runStart.toISOString()}`;
  const inBatches = async (count: number, one: (i: number) => Promise<string>) => {
    const out: string[] = [];
    for (let i = 0; i < count; i += 50)
      out.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => one(i + j)))));
    return out;
  };

  async function waitAccepted(month: string, count: number) {
    for (;;) {
      const rows = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(submissions)
        .where(sql`${ofPhase(month)} and ${submissions.status} in ('accepted', 'rejected', 'failed', 'conflict')`);
      if (rows[0]!.n >= count) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function latencies(month: string) {
    const rows = await db
      .select({
        ms: sql<number>`extract(epoch from (${submissions.acceptedAt} - ${submissions.queuedAt})) * 1000`,
        status: submissions.status,
      })
      .from(submissions)
      .where(ofPhase(month));
    const failed = rows.filter((r) => r.status !== "accepted").length;
    return {
      sorted: rows
        .filter((r) => r.status === "accepted")
        .map((r) => Number(r.ms))
        .sort((a, b) => a - b),
      failed,
    };
  }

  const cpu = () =>
    cpuMsByGroup({
      queueing: (p) => p.pid === process.pid,
      worker: (p) => p.pgid === workerProcess.pid,
      sandbox: (p) => p.pgid === sandboxProcess.pid,
      postgres: isPostgres,
    });

  // The bare posts' tokens come from the benchmark's own client; counted apart from the worker's grants.
  const adapter = createAmeldingAdapter({ baseUrl: sandbox.ameldingBaseUrl, idempotencyKeyIn: "header" });
  const benchTokens = new Set<string>();
  const bareToken = async (orgnr: string) => {
    const { accessToken } = await tokens.getToken({ scopes: [AMELDING_SCOPE], systemUserOrg: orgnr });
    benchTokens.add(accessToken);
    return accessToken;
  };

  // 1. Engine throughput: N submissions stored as queued (as the web app leaves them), then their
  // jobs are queued at once and the worker delivers them: queue, database, tokens, HTTP.
  async function engineRound(month: string, count = N) {
    const ids = await inBatches(count, storeOne(month));
    const before = cpu();
    const started = performance.now();
    await enqueueDeliveries(boss, ids);
    await waitAccepted(month, count);
    const seconds = (performance.now() - started) / 1000;
    return { rate: count / seconds, cpu: cpuDelta(before, cpu()), failed: (await latencies(month)).failed };
  }

  // 2. Bare HTTP posts to the same sandbox, same concurrency, one cached token per org.
  async function bareRound(count = N) {
    const orgTokens = await Promise.all(orgs.map((o) => bareToken(o.orgnr)));
    let next = 0;
    const before = cpu();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < count; i = next++) {
          const org = orgs[i % ORGS]!;
          const req = adapter.buildRequest(leveranse(org.orgnr, virksomhet, "2026-10"), {
            idempotencyKey: randomUUID(),
            orgnr: org.orgnr,
            existsAtSkatteetaten: false,
          });
          // The engine's own HTTP call, so the two differ only by what the engine adds around it.
          const res = await sendRequest(req, orgTokens[i % ORGS]!, { timeoutMs: 30_000 });
          if (res.kind !== "response" || res.status !== 200)
            throw new Error(`bare post answered ${res.kind === "response" ? res.status : res.message}`);
        }
      }),
    );
    return { rate: count / ((performance.now() - started) / 1000), cpu: cpuDelta(before, cpu()) };
  }

  /**
   * Scaling out: the same engine rounds with 1, 2, 4… worker processes over one database. Besides
   * throughput it samples what PostgreSQL's busy sessions wait on (pg_stat_activity every 50 ms):
   * CPU (no wait), locks, WAL writes and flushes, or the client (a worker busy elsewhere).
   */
  async function scaling(counts: number[]) {
    const results: {
      workers: number;
      rate: number;
      cpu: CpuGroups | null;
      waits: Map<string, number>;
      samples: number;
    }[] = [];
    let month = 0;
    for (const count of counts) {
      const workers = await Promise.all(Array.from({ length: count }, (_, i) => spawnWorker(`bench-${count}-${i}`)));
      const cpuOf = () =>
        cpuMsByGroup({
          queueing: (p) => p.pid === process.pid,
          workers: (p) => workers.some((w) => w.pid === p.pgid),
          sandbox: (p) => p.pgid === sandboxProcess.pid,
          postgres: isPostgres,
        });
      // A thrown-away round first (JIT, pools, tokens), then the measured ones.
      const one = async () => {
        month++;
        const subject = `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
        const ids = await inBatches(N, storeOne(subject));
        const before = cpuOf();
        const started = performance.now();
        await enqueueDeliveries(boss, ids);
        await waitAccepted(subject, N);
        const seconds = (performance.now() - started) / 1000;
        return { rate: N / seconds, cpu: cpuDelta(before, cpuOf()) };
      };
      await one();
      const waits = new Map<string, number>();
      let samples = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const rows = await db.execute<{ wait: string; n: number }>(
            sql`select coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait, count(*)::int as n
                from pg_stat_activity
                where backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid()
                group by 1`,
          );
          samples++;
          for (const r of rows) waits.set(r.wait, (waits.get(r.wait) ?? 0) + r.n);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const rounds = [];
      for (let r = 0; r < ROUNDS; r++) rounds.push(await one());
      sampling = false;
      await sampler;
      await Promise.all(workers.map(stopWorker));
      const byRate = [...rounds].sort((a, b) => a.rate - b.rate);
      const median = byRate[Math.floor(byRate.length / 2)]!;
      results.push({ workers: count, rate: median.rate, cpu: median.cpu, waits, samples });
    }
    const base = results[0]!.rate;
    console.log(
      `scaling: ${ROUNDS} rounds of ${N} A-meldinger per worker count (median), concurrency ${CONCURRENCY} per worker, ${ORGS} organisations, ${os.cpus().length} cores`,
    );
    console.log(
      "| workers | submissions/s | × first | CPU ms per submission (workers, PostgreSQL, sandbox, queueing) | PostgreSQL busy sessions: top waits |",
    );
    console.log("| --- | --- | --- | --- | --- |");
    for (const r of results) {
      const per = (k: string) => (r.cpu ? ((r.cpu[k] ?? 0) / N).toFixed(2) : "–");
      const total = [...r.waits.values()].reduce((a, b) => a + b, 0);
      const top = [...r.waits.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([w, n]) => `${w} ${((100 * n) / Math.max(1, total)).toFixed(0)}%`)
        .join(", ");
      const busy = (total / Math.max(1, r.samples)).toFixed(1);
      console.log(
        `| ${r.workers} | ${r.rate.toFixed(0)} | ${(r.rate / base).toFixed(2)} | ${per("workers")}, ${per("postgres")}, ${per("sandbox")}, ${per("queueing")} | ${busy} on average; ${top} |`,
      );
    }
  }

  if (args.workers) {
    await scaling(args.workers.split(",").map((n) => Math.max(1, Math.min(16, Number(n) || 1))));
    await boss.stop({ graceful: false });
    await stack.stop();
    return;
  }
  const workerProcess = await spawnWorker("bench");

  // Warm-up of both paths (not counted): tokens, connection pools, JIT.
  await inBatches(20, queueOne("2026-06"));
  await waitAccepted("2026-06", 20);
  // Round one of each ran visibly slower (JIT, caches), so a whole round of each is thrown away.
  await engineRound("2026-11");
  await bareRound();

  // Rounds alternate, so a slow spell of a shared machine weighs on both sides alike; medians are reported.
  const engineRounds: Awaited<ReturnType<typeof engineRound>>[] = [];
  const bareRounds: Awaited<ReturnType<typeof bareRound>>[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    engineRounds.push(await engineRound(`2026-0${r + 1}`));
    bareRounds.push(await bareRound());
  }

  // 1b. The engine with the web app's part on the same cores: N submissions created by 50
  // concurrent producers (one transaction each, then the job) while the worker delivers them.
  const cpuE = cpu();
  const tE = performance.now();
  await inBatches(N, queueOne("2026-08"));
  await waitAccepted("2026-08", N);
  const endToEndSeconds = (performance.now() - tE) / 1000;
  const endToEndCpu = cpuDelta(cpuE, cpu());
  const endToEnd = await latencies("2026-08");

  // 3. Paced load: RATE submissions per second for PACED_SECONDS, latency from queued to accepted.
  const paced: string[] = [];
  const t2 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < RATE * PACED_SECONDS; i++) {
    const due = t2 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(queueOne("2026-09")(i).then((id) => void paced.push(id)));
  }
  await Promise.all(pending);
  await waitAccepted("2026-09", paced.length);
  const pacedLatency = await latencies("2026-09");

  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const engineRate = median(engineRounds.map((r) => r.rate));
  const bareRate = median(bareRounds.map((r) => r.rate));
  const endToEndRate = N / endToEndSeconds;
  const sumCpu = (deltas: (CpuGroups | null)[]) =>
    deltas.some((d) => d === null)
      ? null
      : deltas.reduce<CpuGroups>(
          (acc, d) => Object.fromEntries(Object.entries(d!).map(([k, v]) => [k, (acc[k] ?? 0) + v])),
          {},
        );
  const perSubmission = (delta: CpuGroups | null, count: number) =>
    delta
      ? Object.entries(delta)
          .map(([k, v]) => `${k} ${(v / count).toFixed(2)}`)
          .join(", ")
      : "not measured (no /proc)";
  const rates = (rounds: { rate: number; cpu: CpuGroups | null }[]) =>
    rounds.map((r) => `${r.rate.toFixed(0)}${args.verbose ? ` [${perSubmission(r.cpu, N)}]` : ""}`).join(", ");
  const grants = (await getJson(`${sandbox.maskinportenUrl}/__control/grants`)).count as number;
  const stats = (await getJson(`${sandbox.skatteetatenUrl}/__control/stats`)) as { processed: { amelding: number } };
  const engineFailed = engineRounds.reduce((n, r) => n + r.failed, 0);
  console.log(
    `submissions: ${ROUNDS} rounds of ${N} (engine) and ${N} (bare), ${N} (engine with queueing), ${paced.length} (paced at ${RATE}/s); concurrency ${CONCURRENCY}, ${ORGS} organisations`,
  );
  console.log(
    `engine throughput: ${engineRate.toFixed(1)} submissions/s (median; rounds ${rates(engineRounds)}; ${engineFailed} not accepted)`,
  );
  console.log(`bare throughput: ${bareRate.toFixed(1)} posts/s (median; rounds ${rates(bareRounds)})`);
  console.log(`ratio: ${(engineRate / bareRate).toFixed(2)}`);
  console.log(`CPU ms per submission, engine: ${perSubmission(sumCpu(engineRounds.map((r) => r.cpu)), N * ROUNDS)}`);
  console.log(`CPU ms per post, bare: ${perSubmission(sumCpu(bareRounds.map((r) => r.cpu)), N * ROUNDS)}`);
  console.log(
    `engine with queueing alongside: ${endToEndRate.toFixed(1)} submissions/s (${endToEndSeconds.toFixed(2)} s, ${endToEnd.failed} not accepted), ratio to bare ${(endToEndRate / bareRate).toFixed(2)}`,
  );
  console.log(`CPU ms per submission, with queueing: ${perSubmission(endToEndCpu, N)}`);
  console.log(
    `queue-to-accepted with queueing alongside: p50 ${percentile(endToEnd.sorted, 50).toFixed(0)} ms, p99 ${percentile(endToEnd.sorted, 99).toFixed(0)} ms`,
  );
  console.log(
    `paced queue-to-accepted at ${RATE}/s: p50 ${percentile(pacedLatency.sorted, 50).toFixed(0)} ms, p99 ${percentile(pacedLatency.sorted, 99).toFixed(0)} ms (${pacedLatency.failed} not accepted)`,
  );
  console.log(
    `maskinporten grants (worker): ${grants - benchTokens.size} (${ORGS} organisations × 1 scope; token lifetime 120 s, run ${((Date.now() - runStart.getTime()) / 1000).toFixed(0)} s)`,
  );
  console.log(`sandbox processed: ${stats.processed.amelding} (sandbox in its own process)`);

  await stopWorker(workerProcess);
  await boss.stop({ graceful: false });
  await stack.stop();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
