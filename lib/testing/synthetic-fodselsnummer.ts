const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | null {
  const rest = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11);
  if (rest === 11) return 0;
  return rest === 10 ? null : rest;
}

/**
 * A fødselsnummer with valid check digits in Skatteetaten's synthetic (Tenor) series: the month
 * has 80 added, so it can never belong to a real person.
 */
export function syntheticFodselsnummer(): string {
  for (;;) {
    const day = 1 + Math.floor(Math.random() * 28);
    const month = 81 + Math.floor(Math.random() * 12);
    const year = Math.floor(Math.random() * 100);
    const individual = Math.floor(Math.random() * 500);
    const base = `${String(day).padStart(2, "0")}${month}${String(year).padStart(2, "0")}${String(individual).padStart(3, "0")}`;
    const digits = [...base].map(Number);
    const k1 = checkDigit(digits, K1);
    if (k1 === null) continue;
    const k2 = checkDigit([...digits, k1], K2);
    if (k2 === null) continue;
    return `${base}${k1}${k2}`;
  }
}
