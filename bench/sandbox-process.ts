/**
 * The sandbox as its own process for the pipeline benchmark: Skatteetaten's API is a remote
 * server, so it must not share the engine's event loop. Reads the Maskinporten client to accept
 * from BENCH_SANDBOX_CLIENT (JSON) and prints the sandbox's URLs as one JSON line.
 */
import { parseSandboxClient } from "@/lib/sandbox/maskinporten/sandbox-client";
import { startSandbox } from "@/lib/sandbox/start-sandbox";

async function main() {
  const client = parseSandboxClient(JSON.parse(process.env.BENCH_SANDBOX_CLIENT ?? "null"));
  // Feedback is published at once, so the work an accepted A-melding causes in the sandbox falls
  // in the round that sent it, not in whichever round runs two seconds later.
  const sandbox = await startSandbox({ maskinportenPort: 0, skatteetatenPort: 0, clients: [client], feedbackDelay: 0 });
  console.log(
    JSON.stringify({
      issuer: sandbox.maskinporten.issuer,
      maskinportenUrl: sandbox.maskinporten.url,
      skatteetatenUrl: sandbox.skatteetaten.url,
      oarBaseUrl: sandbox.skatteetaten.oarBaseUrl,
      ameldingBaseUrl: sandbox.skatteetaten.ameldingBaseUrl,
    }),
  );
  process.on("SIGTERM", () => void sandbox.close().finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
