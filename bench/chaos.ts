/**
 * Chaos benchmark: two delivery workers (`scripts/worker.ts`, as `npm run worker` runs it) deliver
 * OAR reports and A-meldinger while one of them, chosen at random, is killed with SIGKILL at random
 * moments and started again. At the end it prints what the SANDBOX processed, read from its own
 * record of idempotency keys (GET /__control/idempotency-keys), against what our database says:
 *   sent        submissions whose key reached Skatteetaten and was processed there
 *   accepted    submissions Skatteetaten accepted and our database records as accepted
 *   lost        submissions that ended without Skatteetaten's acceptance, or whose acceptance our
 *               database does not record
 *   duplicated  submissions processed under two keys, a key processed twice, or accepted twice
 *   stuck       submissions still queued, sending or retrying when the run ends
 * Target: 0 lost, 0 duplicated, 0 stuck within two minutes after the last kill.
 *   npm run bench:chaos [-- --oar 1000 --amelding 200 --kills 20 --seconds 30 --settle-seconds 120
 *                          --concurrency 8 --latency-ms 150 --lease-seconds 3 --seed 1]
 * Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder. Not part of npm test.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { inArray, sql } from "drizzle-orm";
import { deliveryAttempts, submissions, submissionVersions } from "@/lib/db/schema";
import type { ProcessedKey } from "@/lib/sandbox/skatteetaten/idempotency-store";
import { enqueueDeliveries, startQueue } from "@/lib/submissions/engine/queue";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { seededRandom } from "@/lib/testing/amelding-generator";
import { testLeveranse, testOppdrag } from "@/lib/testing/report-fixtures";
import { startDeliveryStack } from "./delivery-stack";

const { values: args } = parseArgs({
  options: {
    oar: { type: "string", default: "1000" },
    amelding: { type: "string", default: "200" },
    kills: { type: "string", default: "20" },
    // Submissions are queued evenly over this many seconds, while the kills happen.
    seconds: { type: "string", default: "30" },
    "settle-seconds": { type: "string", default: "120" },
    concurrency: { type: "string", default: "8" },
    // Every request waits this long at the sandbox, so kills find requests in flight.
    "latency-ms": { type: "string", default: "150" },
    "lease-seconds": { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
  },
});
const OAR = Number(args.oar);
const AMELDING = Number(args.amelding);
const KILLS = Number(args.kills);
const QUEUE_SECONDS = Number(args.seconds);
const SETTLE_MS = Number(args["settle-seconds"]) * 1000;
const ORGS = 4;
const random = seededRandom(Number(args.seed));
const FINAL = ["accepted", "rejected", "conflict", "failed", "cancelled"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const stack = await startDeliveryStack("chaos", ORGS);
  const { url, db, sandbox, user } = stack;
  const orgs = stack.organisations;
  const suffix = randomUUID().slice(0, 6);
  const control = async (p: string, init?: RequestInit) =>
    (await fetch(`${sandbox.skatteetatenUrl}/__control/${p}`, init)).json() as Promise<Record<string, unknown>>;
  // Every request waits at Skatteetaten, so a kill often lands while requests are under way: the
  // case where only the same key saves the report from being processed twice.
  await control("faults", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify([{ kind: "slow", delayMs: Number(args["latency-ms"]), count: "Infinity" }]),
  });

  const logFile = path.join(os.tmpdir(), `bench-chaos-workers-${suffix}.log`);
  const log = createWriteStream(logFile);
  let started = 0;
  const startWorker = (slot: number) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      env: stack.workerEnv({
        DELIVERY_CONCURRENCY: args.concurrency,
        DELIVERY_LEASE_SECONDS: args["lease-seconds"],
        DELIVERY_RECONCILE_SECONDS: "1",
        WORKER_ID: `chaos-${slot}-${++started}`,
        LOG_LEVEL: "warn",
      }),
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: SIGKILL reaches the whole worker at once, as a crash or OOM kill would.
      detached: true,
    });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    return child;
  };
  const workers: ChildProcess[] = [startWorker(0), startWorker(1)];
  const boss = await startQueue(url);

  // Queue the reports evenly over QUEUE_SECONDS, as the web app would: committed, then a wake-up.
  const kinds = [
    ...Array.from({ length: OAR }, () => "oar" as const),
    ...Array.from({ length: AMELDING }, () => "amelding" as const),
  ].sort(() => random() - 0.5);
  const ids: string[] = [];
  const runStart = Date.now();
  const queueing = (async () => {
    const perTick = Math.max(1, Math.ceil(kinds.length / (QUEUE_SECONDS * 10)));
    for (let i = 0; i < kinds.length; i += perTick) {
      const batch = await Promise.all(
        kinds.slice(i, i + perTick).map(async (kind, j) => {
          const org = orgs[(i + j) % ORGS]!;
          const month = `2026-${String(1 + ((i + j) % 10)).padStart(2, "0")}`;
          const payload = kind === "oar" ? testOppdrag(org.orgnr) : testLeveranse(org.orgnr, org.orgnr, month);
          const subject = kind === "oar" ? (payload as { oppdragsreferanse: string }).oppdragsreferanse : month;
          const { submissionId } = await db.transaction((tx) =>
            createSubmission(tx, user, { organisationId: org.id, kind, subject, payload, queue: true }),
          );
          return submissionId;
        }),
      );
      ids.push(...batch);
      await enqueueDeliveries(boss, batch);
      await sleep(Math.max(0, runStart + ((i + perTick) / kinds.length) * QUEUE_SECONDS * 1000 - Date.now()));
    }
  })();

  // Kills spread over the queueing window: a random worker, at a random moment, back after a pause.
  let lastKillAt = Date.now();
  for (let k = 0; k < KILLS; k++) {
    await sleep(((QUEUE_SECONDS * 1000) / KILLS) * (0.5 + random()));
    const slot = random() < 0.5 ? 0 : 1;
    try {
      process.kill(-workers[slot]!.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
    lastKillAt = Date.now();
    await sleep(200 + random() * 800);
    workers[slot] = startWorker(slot);
  }
  await queueing;

  // Wait until every submission has ended, at most SETTLE_MS after the last kill.
  const statusCounts = async () => {
    const rows = await db
      .select({ status: submissions.status, n: sql<number>`count(*)::int` })
      .from(submissions)
      .where(
        inArray(
          submissions.organisationId,
          orgs.map((o) => o.id),
        ),
      )
      .groupBy(submissions.status);
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  };
  let counts = await statusCounts();
  const unfinished = (c: Record<string, number>) =>
    Object.entries(c)
      .filter(([s]) => !FINAL.includes(s))
      .reduce((n, [, v]) => n + v, 0);
  while (unfinished(counts) > 0 && Date.now() - lastKillAt < SETTLE_MS) {
    await sleep(500);
    counts = await statusCounts();
  }
  const drainedSeconds = (Date.now() - lastKillAt) / 1000;

  // What the sandbox processed, by key, against our own record of each submission.
  const { keys } = (await control("idempotency-keys")) as unknown as { keys: ProcessedKey[] };
  const stats = (await control("stats")) as { requests: number };
  const versionRows = await db
    .select({
      submissionId: submissionVersions.submissionId,
      key: submissionVersions.idempotencyKey,
      status: submissions.status,
    })
    .from(submissionVersions)
    .innerJoin(submissions, sql`${submissions.id} = ${submissionVersions.submissionId}`)
    .where(
      inArray(
        submissions.organisationId,
        orgs.map((o) => o.id),
      ),
    );
  const submissionOfKey = new Map(versionRows.map((r) => [r.key, r.submissionId]));
  const statusOf = new Map(versionRows.map((r) => [r.submissionId, r.status]));
  const processedBySubmission = new Map<string, ProcessedKey[]>();
  let strangeKeys = 0;
  for (const k of keys) {
    const id = submissionOfKey.get(k.idempotencyKey);
    if (!id) {
      strangeKeys++;
      continue;
    }
    processedBySubmission.set(id, [...(processedBySubmission.get(id) ?? []), k]);
  }
  let sent = 0;
  let accepted = 0;
  let lost = 0;
  let duplicated = 0;
  let stuck = 0;
  let replays = 0;
  for (const id of ids) {
    const status = statusOf.get(id)!;
    const processed = processedBySubmission.get(id) ?? [];
    const acceptances = processed
      .filter((k) => k.status >= 200 && k.status < 300)
      .reduce((n, k) => n + k.firstProcessings, 0);
    replays += processed.reduce((n, k) => n + k.replays, 0);
    if (processed.length > 0) sent++;
    if (processed.length > 1 || processed.some((k) => k.firstProcessings > 1) || acceptances > 1) duplicated++;
    if (!FINAL.includes(status)) stuck++;
    else if (acceptances >= 1 && status === "accepted") accepted++;
    else lost++;
  }
  const [interrupted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(deliveryAttempts)
    .where(sql`${deliveryAttempts.outcome} = 'interrupted' and ${inArray(deliveryAttempts.submissionId, ids)}`);

  console.log(
    `queued: ${ids.length} (${OAR} OAR, ${AMELDING} A-melding) over ${QUEUE_SECONDS} s; 2 workers × concurrency ${args.concurrency}, lease ${args["lease-seconds"]} s, sandbox latency ${args["latency-ms"]} ms`,
  );
  console.log(
    `kills: ${KILLS} (SIGKILL, a random worker each time, restarted after 0.2–1 s); attempts interrupted by them: ${interrupted!.n}`,
  );
  console.log(
    `sandbox: ${stats.requests} requests, ${keys.length} keys processed, ${replays} answered from its idempotency store${strangeKeys ? `, ${strangeKeys} keys of no submission` : ""}`,
  );
  console.log(
    `statuses: ${Object.entries(counts)
      .map(([s, n]) => `${s} ${n}`)
      .join(", ")}`,
  );
  console.log(`sent: ${sent}  accepted: ${accepted}  lost: ${lost}  duplicated: ${duplicated}  stuck: ${stuck}`);
  console.log(
    unfinished(counts) === 0
      ? `all ended ${drainedSeconds.toFixed(1)} s after the last kill (limit ${SETTLE_MS / 1000} s)`
      : `not all ended within ${SETTLE_MS / 1000} s after the last kill`,
  );
  console.log(`worker logs: ${logFile}`);

  for (const w of workers) {
    try {
      process.kill(-w.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  }
  await sleep(2_000);
  await boss.stop({ graceful: false });
  await stack.stop();
  log.end();
  process.exitCode = lost === 0 && duplicated === 0 && stuck === 0 ? 0 : 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
