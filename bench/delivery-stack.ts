/*
 * What the delivery benchmarks (bench/pipeline.ts, bench/chaos.ts) run against: a database
 * (DATABASE_URL, else an embedded PostgreSQL in a temporary folder), organisations with accepted
 * system users, the sandbox in a process of its own (bench/sandbox-process.ts) that knows them,
 * and the environment a worker process (scripts/worker.ts) needs to deliver to it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { insertOrganisation } from "@/lib/organisations/queries";
import { buildDemoSandboxClient } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { generateTestKey } from "@/lib/sandbox/maskinporten/test-fixture";
import { hasAcceptedSystemUser, insertPreapprovedSystemUser } from "@/lib/system-users/queries";
import { insertUser } from "@/lib/users/queries";
import { orgnrCheckDigit } from "@/lib/validation/orgnr";

/** A valid, synthetic organisation number per index (no real companies). */
export function syntheticOrgnr(i: number) {
  for (let n = 31095000 + i * 97; ; n++) {
    const d = orgnrCheckDigit(String(n));
    if (d !== null) return `${n}${d}`;
  }
}

export type SandboxUrls = {
  issuer: string;
  maskinportenUrl: string;
  skatteetatenUrl: string;
  oarBaseUrl: string;
  ameldingBaseUrl: string;
};

export type DeliveryStack = Awaited<ReturnType<typeof startDeliveryStack>>;

/**
 * Starts the stack; `name` labels the temporary folder and the benchmark's user and organisations.
 * `stop()` ends the sandbox and the database it started (not one given by DATABASE_URL).
 */
export async function startDeliveryStack(name: string, organisationCount: number) {
  let tempDir: string | undefined;
  let stopPg: (() => Promise<void>) | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), `bench-${name}-`));
    const pg = await startEmbeddedPostgres({
      dir: path.join(tempDir, "pg"),
      port: 56000 + Math.floor(Math.random() * 3000),
    });
    url = pg.url;
    stopPg = pg.stop;
  }
  await runMigrations(url);
  const { db, sql: client } = createDb(url, { max: 8 });

  const suffix = randomUUID().slice(0, 6);
  const email = `${name}-${suffix}@innrapportering.test`;
  const user = { id: (await insertUser(db, { email, name, role: "admin", passwordHash: null }))!.id, email };
  const organisations: { id: string; orgnr: string }[] = [];
  for (let i = 0; i < organisationCount; i++) {
    const orgnr = syntheticOrgnr(i);
    const [existing] = await db.execute<{ id: string; orgnr: string }>(
      sql`select id, orgnr from organisations where orgnr = ${orgnr}`,
    );
    const org = existing ?? (await insertOrganisation(db, { orgnr, name: `${name} ${i}` }, user.id))!;
    // The sandbox process knows these organisations' system users; reports may only be queued for accepted ones.
    if (!(await hasAcceptedSystemUser(db, org.id))) await insertPreapprovedSystemUser(db, org.id);
    organisations.push(org);
  }

  const key = generateTestKey();
  const clientId = randomUUID();
  const sandboxProcess = spawn(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "bench/sandbox-process.ts"],
    {
      env: {
        ...process.env,
        BENCH_SANDBOX_CLIENT: JSON.stringify(
          buildDemoSandboxClient({ clientId, publicJwk: key.publicJwk, orgnrs: organisations.map((o) => o.orgnr) }),
        ),
      },
      stdio: ["ignore", "pipe", "inherit"],
      // Its own process group, so stop() ends it with everything it started.
      detached: true,
    },
  );
  const sandbox = JSON.parse(
    await new Promise<string>((resolve, reject) => {
      createInterface({ input: sandboxProcess.stdout! }).once("line", resolve);
      sandboxProcess.once("exit", (code) => reject(new Error(`sandbox process exited with ${code}`)));
    }),
  ) as SandboxUrls;

  /** The Maskinporten client settings for the sandbox's client (the worker's and the benchmark's own). */
  const maskinporten = {
    APP_MODE: "sandbox",
    MASKINPORTEN_ISSUER: sandbox.issuer,
    MASKINPORTEN_CLIENT_ID: clientId,
    MASKINPORTEN_KID: key.kid,
    MASKINPORTEN_PRIVATE_KEY: key.privateKeyPem,
  };

  /** The environment of a worker process delivering to the sandbox; `extra` sets the benchmark's own knobs. */
  const workerEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    ...maskinporten,
    DATABASE_URL: url,
    AMELDING_API_URL: sandbox.ameldingBaseUrl,
    OAR_API_URL: sandbox.oarBaseUrl,
    // The feedback follower is not part of delivery; keep it out of the figures.
    FEEDBACK_POLL_SECONDS: "3600",
    ...extra,
  });

  const stop = async () => {
    process.kill(-sandboxProcess.pid!, "SIGTERM");
    await client.end();
    await stopPg?.();
    if (tempDir) await rm(tempDir, { recursive: true, force: true }).catch(() => {});
  };

  return {
    url,
    db,
    client,
    user,
    organisations,
    sandbox,
    sandboxProcess: sandboxProcess as ChildProcess,
    maskinporten,
    workerEnv,
    stop,
  };
}
