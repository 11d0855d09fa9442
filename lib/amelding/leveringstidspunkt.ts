/**
 * The leveringstidspunkt of an A-melding: when it is delivered from here. The builder's server
 * action sets it when the user sends (lib/amelding/save-amelding.ts), and an imported file without
 * one gets it the same way (lib/amelding/import/parse-import.ts), so neither asks the user for it.
 */
export function leveringstidspunktNow(now = new Date()): string {
  return now.toISOString();
}

/** The leveranse with leveringstidspunkt filled in when it is missing or empty; one given is kept (and validated). */
export function withLeveringstidspunkt(leveranse: Record<string, unknown>, now = new Date()): Record<string, unknown> {
  const given = leveranse.leveringstidspunkt;
  if (given !== undefined && given !== null && given !== "") return leveranse;
  return { ...leveranse, leveringstidspunkt: leveringstidspunktNow(now) };
}
