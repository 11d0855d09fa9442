/**
 * Maskinporten diagnostics without the database:
 *   npm run maskinporten -- check --scope skatteetaten:innrapporteringamelding --org 310900125
 * Prints the decoded claims of the token (never the token) or the decoded refusal.
 */
import { runMaskinportenCheck } from "@/lib/maskinporten/check-command";

runMaskinportenCheck(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
})
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    // Last resort: a message, not a stack trace.
    console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
