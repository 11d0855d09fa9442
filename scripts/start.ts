/**
 * Starts the whole product: PostgreSQL (embedded unless DATABASE_URL is set), migrations, the
 * demo seed (sandbox mode), the sandbox servers incl. the mail catcher (sandbox mode), the delivery
 * worker, and Next.js.
 *   npm start            production server (run `npm run build` first)
 *   npm run dev          development server with hot reload
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { searchHashSecret } from "@/lib/config/derived";
import { createDb } from "@/lib/db/client";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { DEMO_ORGANISATIONS, DEMO_USERS, seedDemo } from "@/lib/db/seed";
import { env as config } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { MaskinportenConfigError } from "@/lib/maskinporten/errors";
import { ensureSandboxClientKey, sandboxClientEnv } from "@/lib/maskinporten/sandbox-key";
import { defaultSandboxClients } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { startSandbox } from "@/lib/sandbox/start-sandbox";
import { startDeliveryWorkerFromEnv } from "@/lib/submissions/engine-runtime";
import { indexPendingVersions } from "@/lib/submissions/search/search-index";

const dev = process.argv.includes("--dev");
const dataDir = path.resolve(config.DATA_DIR);
const mode = config.APP_MODE;
const stops: (() => Promise<void>)[] = [];

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** A secret generated once per data folder, so a local start needs no configuration. */
async function persistentSecret(file: string, bytes: number) {
  const p = path.join(dataDir, file);
  if (existsSync(p)) return (await readFile(p, "utf8")).trim();
  const value = randomBytes(bytes).toString("base64url");
  await writeFile(p, value, { mode: 0o600 });
  return value;
}

async function main() {
  await mkdir(dataDir, { recursive: true });
  const childEnv: NodeJS.ProcessEnv = { ...process.env, APP_MODE: mode };

  if (!config.AUTH_SECRET) {
    if (mode === "production") fail("AUTH_SECRET must be set in production (openssl rand -base64 33).");
    childEnv.AUTH_SECRET = await persistentSecret("auth-secret", 33);
  }

  const searchSecret = searchHashSecret(config);
  if (!searchSecret) fail(`SEARCH_HASH_SECRET must be set in ${mode} mode (openssl rand -base64 33).`);

  let embedded: EmbeddedDatabase | undefined;
  if (!config.DATABASE_URL) {
    const dir = path.resolve(config.EMBEDDED_PG_DIR ?? path.join(dataDir, "postgres"));
    const pgPort = config.EMBEDDED_PG_PORT;
    console.log(`• Starting embedded PostgreSQL (${dir}, port ${pgPort})`);
    embedded = await startEmbeddedPostgres({
      dir,
      port: pgPort,
      log: (line) => logger.info({ source: "embedded-postgres" }, line),
      // shutdown() below stops it, after the worker.
      callerStopsOnSignals: true,
    }).catch((e: Error) => fail(e.message));
    stops.push(() => embedded!.stop());
    childEnv.DATABASE_URL = embedded.url;
  }

  console.log("• Applying migrations");
  await runMigrations(childEnv.DATABASE_URL!).catch((e: Error) => fail(`Migrations failed: ${e.message}`));
  {
    // Versions saved before the search index existed (marked by migration 0009): indexed here
    // because their fødselsnummer hashes need the key, which migrations do not have.
    const { db, sql } = createDb(childEnv.DATABASE_URL!, { max: 1 });
    const indexed = await indexPendingVersions(db, searchSecret).finally(() => sql.end());
    if (indexed > 0) console.log(`• Search index: ${indexed} earlier versions indexed`);
  }

  const seed = config.SEED_DEMO ? config.SEED_DEMO === "true" : mode === "sandbox";
  let demoPassword: string | undefined;
  if (seed) {
    demoPassword = config.DEMO_PASSWORD ?? (await persistentSecret("demo-password", 12));
    const { db, sql } = createDb(childEnv.DATABASE_URL!, { max: 2 });
    await seedDemo(db, demoPassword);
    await sql.end();
  }

  if (mode === "sandbox") {
    const key = await ensureSandboxClientKey(dataDir);
    // The sandbox subscribes the app's own webhook to its Dialogporten events, as Altinn Events would.
    childEnv.ALTINN_EVENTS_WEBHOOK_SECRET ||= await persistentSecret("altinn-events-secret", 24);
    const webhook = `http://${config.HOST}:${config.PORT}/api/altinn-events?secret=${encodeURIComponent(childEnv.ALTINN_EVENTS_WEBHOOK_SECRET)}`;
    const sandbox = await startSandbox({
      host: config.SANDBOX_HOST,
      maskinportenPort: config.SANDBOX_MASKINPORTEN_PORT,
      skatteetatenPort: config.SANDBOX_SKATTEETATEN_PORT,
      altinnPort: config.SANDBOX_ALTINN_PORT,
      mailSmtpPort: config.SANDBOX_MAIL_SMTP_PORT,
      mailWebPort: config.SANDBOX_MAIL_WEB_PORT,
      altinnStateFile: path.join(dataDir, "sandbox-altinn.json"),
      feedbackDelay: config.SANDBOX_FEEDBACK_DELAY_MS,
      altinnEventsWebhookUrl: config.SANDBOX_ALTINN_EVENTS_WEBHOOK_URL ?? webhook,
      idempotencyKeyIn: config.SANDBOX_IDEMPOTENCY_KEY_IN,
      clients: await defaultSandboxClients({
        key,
        orgnrs: DEMO_ORGANISATIONS.map((o) => o.orgnr),
        clientsFile: config.SANDBOX_MASKINPORTEN_CLIENTS_FILE,
      }),
    }).catch((e: Error) =>
      fail(
        `The sandbox did not start: ${e.message}. Are ports ${config.SANDBOX_MASKINPORTEN_PORT}/${config.SANDBOX_SKATTEETATEN_PORT}/${config.SANDBOX_ALTINN_PORT}/${config.SANDBOX_MAIL_SMTP_PORT}/${config.SANDBOX_MAIL_WEB_PORT} free?`,
      ),
    );
    stops.push(() => sandbox.close());
    // The app's own client talks to the sandbox unless real credentials were configured.
    if (!config.MASKINPORTEN_CLIENT_ID) Object.assign(childEnv, sandboxClientEnv(key, sandbox.maskinporten.issuer));
    childEnv.OAR_API_URL ??= sandbox.skatteetaten.oarBaseUrl;
    childEnv.AMELDING_API_URL ??= sandbox.skatteetaten.ameldingBaseUrl;
    childEnv.AMELDING_FILOPPLASTING_API_URL ??= sandbox.skatteetaten.ameldingFilopplastingBaseUrl;
    childEnv.ALTINN_PLATFORM_URL ??= sandbox.altinn.url;
    childEnv.AMELDING_TILBAKEMELDING_API_URL ??= `${sandbox.skatteetaten.url}/amelding-tilbakemelding/v1`;
    childEnv.AVSTEMMINGSRAPPORT_API_URL ??= sandbox.skatteetaten.avstemmingsrapportBaseUrl;
    // Notification e-mails go to the mail catcher unless an SMTP server was configured.
    childEnv.SMTP_URL ||= `smtp://${config.SANDBOX_HOST}:${sandbox.mail.smtpPort}`;
    console.log(
      `• Sandbox: Maskinporten ${sandbox.maskinporten.issuer}, Skatteetaten ${sandbox.skatteetaten.url}, Altinn ${sandbox.altinn.url}, e-mail ${sandbox.mail.url}`,
    );
  }

  if (config.RUN_WORKER === "true") {
    const worker = await startDeliveryWorkerFromEnv(childEnv).catch((e: Error) =>
      fail(e instanceof MaskinportenConfigError ? e.message : `The delivery worker did not start: ${e.message}`),
    );
    stops.unshift(async () => void (await worker.stop()));
    console.log(`• Delivery worker ${worker.workerId} running`);
  }

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  if (!dev && !existsSync(path.resolve(".next/BUILD_ID"))) {
    fail("No production build found. Run `npm run build` first (or `npm run dev`).");
  }
  // The preload makes x-forwarded-for the one client address we trust (TRUSTED_PROXY_HOPS).
  const clientAddressPreload = path.resolve("scripts/trusted-client-address.cjs");
  const next = spawn(
    process.execPath,
    ["--require", clientAddressPreload, nextBin, dev ? "dev" : "start", "-p", String(config.PORT), "-H", config.HOST],
    {
      // glibc gives each thread that allocates its own malloc arena and keeps what is freed there;
      // two arenas keep the server's memory after a large import near what it was before (bench/import.ts).
      env: {
        MALLOC_ARENA_MAX: "2",
        ...childEnv,
        TRUSTED_PROXY_HOPS: String(config.TRUSTED_PROXY_HOPS),
        INNRAPPORTERING_CLIENT_ADDRESS_PRELOAD: "1",
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  stops.unshift(async () => {
    next.kill("SIGTERM");
  });
  next.on("exit", (code) => shutdown(code ?? 0));

  const url = `http://${config.HOST}:${config.PORT}`;
  console.log(`\n✔ Innrapportering (${mode} mode) starting at ${url}`);
  if (demoPassword) {
    console.log(`  Demo logins (the same password for all ${DEMO_USERS.length}):`, demoPassword);
    for (const u of DEMO_USERS) console.log(`   ${u.role.padEnd(8)} ${u.email}`);
  }
  console.log("");
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const stop of stops) await stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch((e: unknown) => {
  logger.fatal({ err: e }, "start failed");
  void shutdown(1);
});
