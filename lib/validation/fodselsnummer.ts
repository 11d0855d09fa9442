import { idnr } from "@navikt/fnrvalidator";

/**
 * Fødselsnummer and d-nummer checks, delegated to NAV's @navikt/fnrvalidator (v2.2), which
 * accepts:
 * - fødselsnummer (DDMMYY + 3 individual digits + K1 + K2) and d-nummer (first digit + 4);
 * - the rule for numbers issued from 2032, where K1 may be computed with remainder 0–3
 *   (Skatteetaten "nytt fødselsnummer fra 2032"); K2 is unchanged;
 * - synthetic test numbers: month + 40 (NAV/Dolly "H-nummer" range) and month + 80 (Skatteetaten
 *   Tenor), also combined with the d-nummer offset.
 * The library checks that the (adjusted) DDMMYY is a real calendar date.
 */
export type FodselsnummerKind = "fodselsnummer" | "dnummer";

/** Strips the spaces people type ("010180 12345") before checking. */
export function normaliseFodselsnummer(value: string): string {
  return value.replace(/\s+/g, "");
}

export type FodselsnummerCheck =
  | { valid: true; kind: FodselsnummerKind; synthetic: boolean }
  | { valid: false; reason: "format" | "checksum" | "date" };

export function checkFodselsnummer(value: string): FodselsnummerCheck {
  const digits = normaliseFodselsnummer(value);
  if (!/^\d{11}$/.test(digits)) return { valid: false, reason: "format" };
  const result = idnr(digits);
  if (result.status === "invalid") {
    return { valid: false, reason: result.reasons.some((r) => r.startsWith("checksum")) ? "checksum" : "date" };
  }
  return {
    valid: true,
    kind: result.type.startsWith("dnr") ? "dnummer" : "fodselsnummer",
    synthetic: result.type !== "fnr" && result.type !== "dnr",
  };
}

export function isValidFodselsnummer(value: string): boolean {
  return checkFodselsnummer(value).valid;
}

