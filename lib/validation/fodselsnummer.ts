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

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number {
  const rest = weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % 11;
  return rest === 0 ? 0 : 11 - rest;
}

/**
 * A synthetic fødselsnummer in Skatteetaten Tenor's style: the month is raised by 80, so it can
 * never belong to a real person. `dnummer` also raises the first digit by 4.
 */
export function syntheticFodselsnummer(
  random: () => number = Math.random,
  options: { dnummer?: boolean } = {},
): string {
  for (;;) {
    const birth = new Date(Date.UTC(1950 + Math.floor(random() * 55), 0, 1 + Math.floor(random() * 365)));
    const day = birth.getUTCDate() + (options.dnummer ? 40 : 0);
    const month = birth.getUTCMonth() + 1 + 80;
    const year = birth.getUTCFullYear() % 100;
    // Individual numbers 000–499 are those of people born 1900–1999 (and 2000–2039 for 500–999).
    const individual = birth.getUTCFullYear() < 2000 ? Math.floor(random() * 500) : 500 + Math.floor(random() * 500);
    const base = `${String(day).padStart(2, "0")}${month}${String(year).padStart(2, "0")}${String(individual).padStart(3, "0")}`;
    const digits = [...base].map(Number);
    const k1 = checkDigit(digits, K1);
    if (k1 === 10) continue;
    const k2 = checkDigit([...digits, k1], K2);
    if (k2 === 10) continue;
    return `${base}${k1}${k2}`;
  }
}
