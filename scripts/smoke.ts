/**
 * A first real try of the configured endpoints, without the database:
 *   npm run smoke -- --org 310900125
 * Sends one synthetic OAR report and one synthetic A-melding through the product's adapters and
 * Maskinporten client and prints what came back (never tokens or personal data).
 */
import { runSmoke } from "@/lib/smoke/smoke-command";

runSmoke(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
})
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    // Last resort: a message, not a stack trace.
    console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
