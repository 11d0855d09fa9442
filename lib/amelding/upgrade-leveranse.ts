import type { UnknownElementWarning } from "./import/import-issues";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Brings a leveranse written for an older 2.x model (a stored draft, a JSON file from an older
 * payroll system) to model v2.3 (docs/skatteetaten-contract.md, "A-melding model v2.3"):
 * the single `betalingsinformasjon.sumForskuddstrekk` is gone, replaced by
 * `sumForskuddstrekkPerLoennsutbetalingsdato`. Its payment dates cannot be derived from the old
 * sum, so the old field is left out and reported; the builder's sums panel then shows the
 * per-date sum as missing, with the amount the lines add up to. Returns a copy; the input is
 * not changed. Everything else is kept as it is.
 */
export function upgradeLeveranse(leveranse: Json): { leveranse: Json; leftOut: UnknownElementWarning[] } {
  const oppgave = leveranse.oppgave;
  if (
    !isObject(oppgave) ||
    !isObject(oppgave.betalingsinformasjon) ||
    !("sumForskuddstrekk" in oppgave.betalingsinformasjon)
  ) {
    return { leveranse, leftOut: [] };
  }
  const { sumForskuddstrekk: _, ...betalingsinformasjon } = oppgave.betalingsinformasjon;
  const path = ["oppgave", "betalingsinformasjon", "sumForskuddstrekk"];
  return {
    leveranse: { ...leveranse, oppgave: { ...oppgave, betalingsinformasjon } },
    leftOut: [{ code: "unknown_element", element: path.join("."), count: 1, firstPath: path }],
  };
}
