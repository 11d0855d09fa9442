/*
 * How text is made searchable, shared by the index (search-index.ts) and the query
 * (search-sql.ts) so both sides normalise alike. Plain functions: no database, no secrets.
 */

/** At most this many words of one name are indexed as starting points (see nameTerms). */
const MAX_NAME_WORDS = 8;
/** Longer terms are cut: a prefix search never needs more. */
export const MAX_TERM_LENGTH = 200;

/** Lower case, compatibility-normalised, every run of non-letters/digits one space: "Ola  Prøve-Stad" → "ola prøve stad". */
export function normaliseSearchText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .slice(0, MAX_TERM_LENGTH);
}

/**
 * A name as terms that make each of its words a prefix: "Ola Nordmann Prøvestad" → "ola nordmann
 * prøvestad", "nordmann prøvestad", "prøvestad". So "prøve", "nordmann prø" and "ola" all find it.
 */
export function nameTerms(name: string): string[] {
  const words = normaliseSearchText(name).split(" ").filter(Boolean);
  return words.slice(0, MAX_NAME_WORDS).map((_, i) => words.slice(i).join(" "));
}

/**
 * The exclusive upper bound of the strings starting with `prefix` in byte order (what
 * text_pattern_ops compares by): the prefix with its last character's code point raised by one.
 * A range rather than LIKE, so the index is used whatever plan a prepared statement gets.
 */
export function prefixUpperBound(prefix: string): string {
  const chars = Array.from(prefix);
  const last = chars.pop();
  if (last === undefined) return "\u{10FFFF}";
  const next = (last.codePointAt(0) ?? 0) + 1;
  // Skip the surrogate range, which is not a character in UTF-8.
  return chars.join("") + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
}

/** A fødselsnummer or d-nummer as typed ("021292 12345" too): 11 digits, else null. */
export function asPersonId(query: string): string | null {
  const digits = query.replace(/\s+/g, "");
  return /^\d{11}$/.test(digits) ? digits : null;
}

/** An orgnr as typed ("310 900 125" too): 9 digits, else null. */
export function asOrgnr(query: string): string | null {
  const digits = query.replace(/\s+/g, "");
  return /^\d{9}$/.test(digits) ? digits : null;
}
