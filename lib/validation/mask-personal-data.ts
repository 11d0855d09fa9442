/**
 * Hides fødselsnummer / d-nummer (11 digits) for roles that may not see personal data, keeping
 * the last five digits so a manager can still tell two people apart in a review.
 */
export function maskPersonalNumbers(text: string): string {
  return text.replace(/(?<!\d)(\d{6})(\d{5})(?!\d)/g, "******$2");
}
