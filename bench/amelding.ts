/**
 * A-melding builder benchmark: validates (the shared zod schema, via validateLeveranse) and
 * serialises (ameldingBody + JSON.stringify, exactly what the adapter sends) one leveranse with
 * N inntektsmottakere, several rounds, and prints the times and the process's peak memory.
 *   npm run bench:amelding [-- --persons 10000 --rounds 5]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { validateLeveranse } from "@/lib/amelding/validate-leveranse";
import { ameldingBody } from "@/lib/reporting/amelding/amelding-adapter";
import { generateLeveranse } from "@/lib/testing/amelding-generator";

const { values: args } = parseArgs({
  options: { persons: { type: "string", default: "10000" }, rounds: { type: "string", default: "5" } },
});
const PERSONS = Number(args.persons);
const ROUNDS = Number(args.rounds);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { ms, result };
}

const generated = time(() =>
  generateLeveranse({ opplysningspliktig: "310900125", virksomhet: "310900230", persons: PERSONS, seed: 1 }),
);
// What an import or the builder's server action receives: JSON with decimals as strings.
const input = JSON.parse(JSON.stringify(ameldingBody(generated.result).leveranse));

const validateMs: number[] = [];
const serialiseMs: number[] = [];
let bytes = 0;
for (let round = 0; round < ROUNDS; round++) {
  const validated = time(() => validateLeveranse(input));
  if (!validated.result.ok)
    throw new Error(`generated leveranse is invalid: ${JSON.stringify(validated.result.errors.slice(0, 3))}`);
  validateMs.push(validated.ms);
  const leveranse = validated.result.leveranse;
  const serialised = time(() => JSON.stringify(ameldingBody(leveranse)));
  serialiseMs.push(serialised.ms);
  bytes = Buffer.byteLength(serialised.result);
}
clearInterval(sampler);

console.log(`A-melding with ${PERSONS} inntektsmottakere, ${ROUNDS} rounds (Node ${process.version})`);
console.log(`  generate           ${generated.ms.toFixed(0)} ms`);
console.log(
  `  validate           median ${median(validateMs).toFixed(0)} ms, first ${validateMs[0]!.toFixed(0)} ms, max ${Math.max(...validateMs).toFixed(0)} ms`,
);
console.log(
  `  serialise (body)   median ${median(serialiseMs).toFixed(0)} ms, max ${Math.max(...serialiseMs).toFixed(0)} ms, ${mb(bytes)} of JSON`,
);
console.log(`  peak RSS           ${mb(peakRss)} (heap used now ${mb(process.memoryUsage().heapUsed)})`);
