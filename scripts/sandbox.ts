/**
 * Runs the sandbox servers on their own (npm start runs them too):
 *   npm run sandbox
 * Ports: SANDBOX_MASKINPORTEN_PORT, SANDBOX_SKATTEETATEN_PORT and SANDBOX_ALTINN_PORT on
 * SANDBOX_HOST (defaults in lib/config/sandbox-defaults.ts, validated by lib/config/schema.ts).
 * The client key is made once in DATA_DIR (default .data, gitignored).
 */
import path from "node:path";
import { env as config } from "@/lib/env";
import { ensureSandboxClientKey, sandboxClientEnv } from "@/lib/maskinporten/sandbox-key";
import {
  DEFAULT_SANDBOX_ORGNRS,
  defaultSandboxClients,
  SANDBOX_SCOPES,
} from "@/lib/sandbox/maskinporten/sandbox-clients";
import { startSandbox } from "@/lib/sandbox/start-sandbox";

async function main() {
  const dataDir = path.resolve(config.DATA_DIR);
  const key = await ensureSandboxClientKey(dataDir);
  const clients = await defaultSandboxClients({
    key,
    orgnrs: DEFAULT_SANDBOX_ORGNRS,
    clientsFile: config.SANDBOX_MASKINPORTEN_CLIENTS_FILE,
  });
  const sandbox = await startSandbox({
    host: config.SANDBOX_HOST,
    maskinportenPort: config.SANDBOX_MASKINPORTEN_PORT,
    skatteetatenPort: config.SANDBOX_SKATTEETATEN_PORT,
    altinnPort: config.SANDBOX_ALTINN_PORT,
    mailSmtpPort: config.SANDBOX_MAIL_SMTP_PORT,
    mailWebPort: config.SANDBOX_MAIL_WEB_PORT,
    altinnStateFile: path.join(dataDir, "sandbox-altinn.json"),
    feedbackDelay: config.SANDBOX_FEEDBACK_DELAY_MS,
    altinnEventsWebhookUrl: config.SANDBOX_ALTINN_EVENTS_WEBHOOK_URL,
    idempotencyKeyIn: config.SANDBOX_IDEMPOTENCY_KEY_IN,
    clients,
  });
  const { issuer } = sandbox.maskinporten;

  console.log(`✔ Sandbox Maskinporten at ${issuer}`);
  console.log(
    `✔ Sandbox Skatteetaten: OAR ${sandbox.skatteetaten.oarBaseUrl}, A-melding ${sandbox.skatteetaten.ameldingBaseUrl}, file upload ${sandbox.skatteetaten.ameldingFilopplastingBaseUrl}`,
  );
  console.log(`✔ Sandbox Altinn platform at ${sandbox.altinn.url}`);
  console.log(`✔ Sandbox mail catcher: SMTP port ${sandbox.mail.smtpPort}, received mails at ${sandbox.mail.url}`);
  console.log(`  faults on demand: POST ${sandbox.skatteetaten.url}/__control/faults`);
  console.log(
    `  system-user requests: answer as the customer at each request's confirmUrl, or POST ${sandbox.altinn.url}/__control/system-user-requests/<id>/accept|reject`,
  );
  console.log(`  A-melding feedback now: POST ${sandbox.skatteetaten.url}/__control/feedback/release`);
  console.log(`  clients: ${clients.map((c) => c.clientId).join(", ")}`);
  console.log(`  system users for: ${DEFAULT_SANDBOX_ORGNRS.join(", ")}`);
  console.log(`  scopes: ${Object.values(SANDBOX_SCOPES).join(" ")}`);
  console.log("\nA client needs (the private key stays in", `${path.join(dataDir, "maskinporten-sandbox-key.json")}):`);
  const env = sandboxClientEnv(key, issuer);
  for (const [name, value] of Object.entries(env)) {
    console.log(`  ${name}=${name === "MASKINPORTEN_PRIVATE_KEY" ? "<the privateKeyPem in that file>" : value}`);
  }
  console.log(
    "\nTry: npm run maskinporten -- check --scope",
    SANDBOX_SCOPES.amelding,
    "--org",
    DEFAULT_SANDBOX_ORGNRS[0],
  );

  const stop = () => void sandbox.close().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
