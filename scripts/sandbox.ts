/**
 * Runs the sandbox servers on their own (npm start runs them too):
 *   npm run sandbox
 * Ports: SANDBOX_MASKINPORTEN_PORT (default 4101) and SANDBOX_SKATTEETATEN_PORT (default 4102)
 * on SANDBOX_HOST (default 127.0.0.1).
 * The client key is made once in DATA_DIR (default .data, gitignored).
 */
import path from "node:path";
import { ensureSandboxClientKey, sandboxClientEnv } from "@/lib/maskinporten/sandbox-key";
import { defaultSandboxClients, DEFAULT_SANDBOX_ORGNRS, SANDBOX_SCOPES } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { startSandbox } from "@/lib/sandbox/start-sandbox";

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`✖ ${name} must be a port number (0-65535), got "${raw}".`);
    process.exit(2);
  }
  return value;
}

async function main() {
  const dataDir = path.resolve(process.env.DATA_DIR || ".data");
  const key = await ensureSandboxClientKey(dataDir);
  const clients = await defaultSandboxClients({
    key,
    orgnrs: DEFAULT_SANDBOX_ORGNRS,
    clientsFile: process.env.SANDBOX_MASKINPORTEN_CLIENTS_FILE || undefined,
  });
  const sandbox = await startSandbox({
    host: process.env.SANDBOX_HOST || "127.0.0.1",
    maskinportenPort: port("SANDBOX_MASKINPORTEN_PORT", 4101),
    skatteetatenPort: port("SANDBOX_SKATTEETATEN_PORT", 4102),
    altinnPort: port("SANDBOX_ALTINN_PORT", 4103),
    altinnStateFile: path.join(dataDir, "sandbox-altinn.json"),
    feedbackDelay: Number(process.env.SANDBOX_FEEDBACK_DELAY_MS || 2000),
    altinnEventsWebhookUrl: process.env.SANDBOX_ALTINN_EVENTS_WEBHOOK_URL || undefined,
    idempotencyKeyIn: process.env.SANDBOX_IDEMPOTENCY_KEY_IN === "query" ? "query" : "header",
    clients,
  });
  const { issuer } = sandbox.maskinporten;

  console.log(`✔ Sandbox Maskinporten at ${issuer}`);
  console.log(`✔ Sandbox Skatteetaten: OAR ${sandbox.skatteetaten.oarBaseUrl}, A-melding ${sandbox.skatteetaten.ameldingBaseUrl}, file upload ${sandbox.skatteetaten.ameldingFilopplastingBaseUrl}`);
  console.log(`✔ Sandbox Altinn platform at ${sandbox.altinn.url}`);
  console.log(`  faults on demand: POST ${sandbox.skatteetaten.url}/__control/faults`);
  console.log(`  system-user requests: answer as the customer at each request's confirmUrl, or POST ${sandbox.altinn.url}/__control/system-user-requests/<id>/accept|reject`);
  console.log(`  A-melding feedback now: POST ${sandbox.skatteetaten.url}/__control/feedback/release`);
  console.log(`  clients: ${clients.map((c) => c.clientId).join(", ")}`);
  console.log(`  system users for: ${DEFAULT_SANDBOX_ORGNRS.join(", ")}`);
  console.log(`  scopes: ${Object.values(SANDBOX_SCOPES).join(" ")}`);
  console.log("\nA client needs (the private key stays in", `${path.join(dataDir, "maskinporten-sandbox-key.json")}):`);
  const env = sandboxClientEnv(key, issuer);
  for (const [name, value] of Object.entries(env)) {
    console.log(`  ${name}=${name === "MASKINPORTEN_PRIVATE_KEY" ? "<the privateKeyPem in that file>" : value}`);
  }
  console.log("\nTry: npm run maskinporten -- check --scope", SANDBOX_SCOPES.amelding, "--org", DEFAULT_SANDBOX_ORGNRS[0]);

  const stop = () => void sandbox.close().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
