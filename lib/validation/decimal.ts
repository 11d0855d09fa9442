import { z } from "zod/mini";
import { transformIssue } from "./transform-issue";

/*
 * The one way user input becomes a number: amounts, percentages and hours typed in a form or
 * written in an imported file, and counts sent to server actions. `Number()` and
 * `z.coerce.number()` accept far more than a decimal number: "0x10" is 16, "1e3" is 1000,
 * "0b1" is 1, "Infinity" is Infinity, and "" or " " is 0. None of those is what a payroll
 * administrator means, so this parser accepts only plain decimals.
 */

/** Digits grouped in threes by a space, no-break space or narrow no-break space, as Norwegians write "40 000". */
const GROUPED = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/;
const DIGITS = /^\d+$/;

/**
 * Kroner are exact to the øre only below 2^53 øre; 13 integer digits (under ten trillion kroner)
 * keep every sum in lib/amelding/sums.ts exact, and are far beyond any real amount.
 */
export const MAX_INTEGER_DIGITS = 13;

/**
 * A decimal number written the way people write one: an optional minus (also U+2212), digits
 * (optionally grouped in threes by spaces: "40 000"), and optionally a decimal part after "." or
 * "," (as the forms have always accepted). Nothing else: no surrounding whitespace, no "+", no
 * exponent, no hexadecimal, binary or octal, no Infinity or NaN, no empty text. With
 * `grammar: "xsd"`, xs:decimal's form instead (XML files). Returns null for anything else.
 */
export function parseDecimal(text: string, options: { grammar?: "written" | "xsd" } = {}): number | null {
  if (text.length === 0 || text.length > 40) return null;
  if (options.grammar === "xsd") return parseXsdDecimal(text);
  let rest = text;
  let sign = 1;
  if (rest[0] === "-" || rest[0] === "\u2212") {
    sign = -1;
    rest = rest.slice(1);
  }
  const separator = firstOf(rest, ".", ",");
  const integerPart = separator === -1 ? rest : rest.slice(0, separator);
  const fractionPart = separator === -1 ? "" : rest.slice(separator + 1);
  if (separator !== -1 && !DIGITS.test(fractionPart)) return null;
  let digits: string;
  if (DIGITS.test(integerPart)) digits = integerPart;
  else if (GROUPED.test(integerPart)) digits = integerPart.replace(/\D/g, "");
  else return null;
  if (digits.replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS) return null;
  const value = Number(fractionPart ? `${digits}.${fractionPart}` : digits);
  return sign * value + 0; // + 0 turns -0 into 0
}

/**
 * xs:decimal's lexical form, as an XSD v2.x A-melding file writes amounts: an optional sign,
 * digits with an optional "." (also "1." and ".5"), nothing else; within the same magnitude.
 */
function parseXsdDecimal(text: string): number | null {
  const match = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === "" && !match[2])) return null;
  if ((match[1] ?? "").replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS) return null;
  return Number(text) + 0;
}

/** A whole number of at most 15 digits, written with digits only ("12"; not "12.0", "+12", " 12", "0x10"). */
export function parseWholeNumber(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

/**
 * A whole number for zod: a safe integer as a number, or digits only as text (query strings, form
 * fields). Anything else is the issue `message`.
 */
export function wholeNumberSchema(message = "required") {
  return z.pipe(
    z.union([z.number(), z.string()], { error: message }),
    z.transform((v, payload) => {
      const n = typeof v === "number" ? (Number.isSafeInteger(v) ? v : null) : parseWholeNumber(v);
      return n ?? transformIssue(payload, message);
    }),
  );
}

/** Whether a number that arrived as a number (JSON, XML, a server action) is one we accept as an amount. */
export function isAcceptableAmount(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < 10 ** MAX_INTEGER_DIGITS;
}

function firstOf(text: string, a: string, b: string) {
  const i = text.indexOf(a);
  const j = text.indexOf(b);
  if (i === -1) return j;
  if (j === -1) return i;
  return Math.min(i, j);
}
