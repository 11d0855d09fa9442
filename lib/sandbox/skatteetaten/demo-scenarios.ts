import "server-only";
import type { SandboxFault } from "./types";

/**
 * Standing faults for demo organisations, so a demo can show retries without touching the
 * control endpoint. Empty by default: add an entry here (a synthetic orgnr, never a real
 * company), e.g. "310900346": [{ kind: "status", status: 503, code: "OAR_010", count: 1 }].
 */
const DEMO_SCENARIOS: Record<string, Omit<SandboxFault, "orgnr">[]> = {};

/** The faults for the given organisations, ready for `setFaults`; nothing unless a scenario is configured. */
export function demoFaultsFor(orgnrs: readonly string[]): SandboxFault[] {
  return orgnrs.flatMap((orgnr) => (DEMO_SCENARIOS[orgnr] ?? []).map((fault) => ({ ...fault, orgnr })));
}
