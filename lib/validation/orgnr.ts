const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Brreg's mod-11 check digit for the first eight digits, or null when no valid digit exists. */
export function orgnrCheckDigit(firstEight: string): number | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(firstEight[i]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** Strips the spaces people type ("999 888 777") before checking. */
export function normaliseOrgnr(value: string): string {
  return value.replace(/\s+/g, "");
}

export function isValidOrgnr(value: string): boolean {
  const v = normaliseOrgnr(value);
  if (!/^\d{9}$/.test(v)) return false;
  return orgnrCheckDigit(v.slice(0, 8)) === Number(v[8]);
}

/** "310900125" → "310 900 125", the way Brreg and Altinn show it. */
export function formatOrgnr(orgnr: string): string {
  return orgnr.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");
}

/** A random valid orgnr in the 3xx range used for synthetic test organisations. */
export function syntheticOrgnr(random: () => number = Math.random): string {
  for (;;) {
    const first = `3${String(Math.floor(random() * 1e7)).padStart(7, "0")}`;
    const d = orgnrCheckDigit(first);
    if (d !== null) return `${first}${d}`;
  }
}
