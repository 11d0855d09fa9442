import { expect } from "@playwright/test";

const SANDBOX = () => `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT) + 1}`;

/**
 * A difference Skatteetaten's reconciliation report will show (lib/sandbox/skatteetaten/avstemmingsrapport.ts):
 * `delta` kroner more of `kind` for the person (or, for arbeidsgiveravgift, the virksomhet)
 * `norskIdentifikator` in the organisation's month than what was sent.
 */
export type ReconciliationDifference = {
  orgnr: string;
  kalendermaaned: string;
  norskIdentifikator: string;
  kind: "inntekt" | "forskuddstrekk" | "arbeidsgiveravgift";
  delta: number;
};

/** Replaces the differences the sandbox injects into reconciliation reports (an empty list clears them). */
export async function setReconciliationDifferences(differences: ReconciliationDifference[]) {
  const res = await fetch(`${SANDBOX()}/__control/reconciliation`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(differences),
  });
  expect(res.ok).toBe(true);
}
