import type { InputRefusalCode } from "./guard";

export type TextRefusal = { code: InputRefusalCode; offset: number; limit?: number };

/**
 * One pass over JSON text before JSON.parse sees it, so the parser never builds what we would
 * refuse anyway: nesting deeper than `maxDepth` (JSON.parse's work and memory on 45 MB of `[[[[…`
 * are what stalled the server), more than `maxNodes` values (counted as containers and commas,
 * an upper bound of the values the parser would create), U+0000 written raw, and numbers with an
 * exponent (1e3: amounts are decimals, lib/validation/decimal.ts). Strings are skipped with
 * indexOf, so the pass costs little next to the parse. Returns the first refusal with its offset,
 * or null. Malformed JSON is left to JSON.parse, which says where.
 */
export function scanJsonText(text: string, limits: { maxDepth: number; maxNodes: number }): TextRefusal | null {
  const nul = text.indexOf("\u0000");
  const end = nul === -1 ? text.length : nul;
  let depth = 0;
  let nodes = 1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x22: // "
        i = endOfString(text, i);
        if (i === -1) return nul === -1 ? null : { code: "nulCharacter", offset: nul };
        break;
      case 0x5b: // [
      case 0x7b: // {
        if (++depth > limits.maxDepth) return { code: "tooDeep", offset: i, limit: limits.maxDepth };
        if (++nodes > limits.maxNodes) return { code: "tooManyNodes", offset: i, limit: limits.maxNodes };
        break;
      case 0x5d: // ]
      case 0x7d: // }
        depth--;
        break;
      case 0x2c: // ,
        if (++nodes > limits.maxNodes) return { code: "tooManyNodes", offset: i, limit: limits.maxNodes };
        break;
      case 0x65: // e
      case 0x45: // E
        // Outside strings an e follows a digit only in a number's exponent (true and false have none before it).
        if (i > 0 && isDigit(text.charCodeAt(i - 1))) return { code: "numberNotDecimal", offset: numberStart(text, i) };
        break;
    }
  }
  return nul === -1 ? null : { code: "nulCharacter", offset: nul };
}

/** The offset of the closing quote of the string opening at `open`, or -1 when there is none. */
function endOfString(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close === -1) return -1;
    let backslashes = 0;
    for (let j = close - 1; j > open && text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return close;
    from = close + 1;
  }
}

function isDigit(c: number) {
  return c >= 0x30 && c <= 0x39;
}

function numberStart(text: string, i: number) {
  let j = i;
  while (j > 0 && /[0-9.\-+]/.test(text.charAt(j - 1))) j--;
  return j;
}

/** Line and column (1-based) of a character offset, for messages that point into a file. */
export function lineAndColumn(text: string, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
