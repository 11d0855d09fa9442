/**
 * When to look for an A-melding's feedback again: soon at first (the sandbox answers in seconds,
 * Skatteetaten usually within minutes), then doubling up to a ceiling, so a feedback that takes
 * hours costs few requests.
 */
export function nextFeedbackCheckDelayMs(checksDone: number, options: { firstMs: number; maxMs: number }): number {
  const doublings = Math.max(0, checksDone - 1);
  return Math.min(options.maxMs, options.firstMs * 2 ** Math.min(doublings, 30));
}
