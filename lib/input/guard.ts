/*
 * The one guard for untrusted structured input, before zod, our code or the database sees it:
 * form data (lib/actions/form-data.ts), objects sent to server actions (defineAction), and
 * imported A-melding files, JSON and XML (lib/amelding/import). It bounds the work (depth, number
 * of values, lengths) and refuses what could reach or shadow Object.prototype, and U+0000, which
 * PostgreSQL text and jsonb cannot hold. It never throws: a refusal is a value naming what was
 * refused and where, so each caller can turn it into its own clear message.
 */

/** Why input was refused; each has its own message (`errors.input.*`, and the import's `documentErrors.input_refused.*`). */
export type InputRefusalCode =
  /** A key or field name that reaches or shadows Object.prototype (`__proto__`, `constructor`, `prototype`, …). */
  | "forbiddenKey"
  | "tooDeep"
  /** More values (form fields, JSON values, XML elements) than the limit. */
  | "tooManyNodes"
  | "keyTooLong"
  | "textTooLong"
  | "nulCharacter"
  /** Something that is not text, a number, a boolean, null, a plain object or a list (a Date, a Map, a function). */
  | "unsupportedValue"
  /** Form data: an array index that is not small and within what the number of fields can fill. */
  | "arrayIndexInvalid"
  /** Form data: names that cannot both hold (`a` and `a.b`, or a list and a key). */
  | "fieldConflict"
  /** The input as a whole is over its size limit. */
  | "tooLarge"
  /** JSON: a number written with an exponent (1e3) rather than as a decimal. */
  | "numberNotDecimal"
  /** XML: a DOCTYPE or entity declaration. */
  | "doctype"
  | "tooManyAttributes";

export type InputPath = (string | number)[];

export type InputRefusal = { code: InputRefusalCode; path: InputPath; limit?: number };

export type InputResult<T> = { ok: true; value: T } | { ok: false; refusal: InputRefusal };

export type InputLimits = {
  /** Nesting of objects and lists; the top-level value is depth 0. */
  maxDepth: number;
  /** Values in all (objects, lists, text, numbers, …). */
  maxNodes: number;
  maxKeyLength: number;
  maxStringLength: number;
};

/**
 * Object.prototype's own names and `prototype`: as a key, each either reaches the prototype
 * (`__proto__`, `constructor.prototype`) or shadows a method code calls on every object. No form
 * field or A-melding element has one of these names.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

export const refuse = (
  code: InputRefusalCode,
  path: InputPath,
  limit?: number,
): { ok: false; refusal: InputRefusal } => ({
  ok: false,
  refusal: limit === undefined ? { code, path } : { code, path, limit },
});

/** A key's problem, if any: forbidden, too long, or holding U+0000. */
export function checkKey(key: string, maxKeyLength: number): InputRefusalCode | null {
  if (isForbiddenKey(key)) return "forbiddenKey";
  if (key.length > maxKeyLength) return "keyTooLong";
  if (key.includes("\u0000")) return "nulCharacter";
  return null;
}

/** A text value's problem, if any: too long, or holding U+0000. */
export function checkText(text: string, maxStringLength: number): InputRefusalCode | null {
  if (text.length > maxStringLength) return "textTooLong";
  if (text.includes("\u0000")) return "nulCharacter";
  return null;
}

function isPlainObject(value: object) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A list or object being walked: its children by position, and the next one to visit. */
type Frame = { list: unknown[] | null; object: Record<string, unknown> | null; keys: string[] | null; next: number };

/**
 * Checks a value built by a parser (JSON.parse, React's server-action decoding, our XML reader)
 * against the limits, without recursion (so depth cannot exhaust the stack), holding only the
 * containers on the current path (so memory stays small however wide the value), and reading
 * nothing but own enumerable keys. Returns the first refusal, or null when the value may go on
 * to zod as it is. At most `maxDepth` containers nest; the top-level value is at depth 0.
 */
export function checkInput(value: unknown, limits: InputLimits): InputRefusal | null {
  const frames: Frame[] = [];
  const path: InputPath = [];
  let nodes = 0;
  let current = value;
  for (;;) {
    if (++nodes > limits.maxNodes) return { code: "tooManyNodes", path: [...path], limit: limits.maxNodes };
    switch (typeof current) {
      case "string": {
        const problem = checkText(current, limits.maxStringLength);
        if (problem)
          return {
            code: problem,
            path: [...path],
            ...(problem === "textTooLong" ? { limit: limits.maxStringLength } : {}),
          };
        break;
      }
      case "number":
      case "boolean":
      case "undefined":
        break;
      case "object": {
        if (current === null) break;
        if (frames.length >= limits.maxDepth) return { code: "tooDeep", path: [...path], limit: limits.maxDepth };
        if (Array.isArray(current)) {
          if (current.length > limits.maxNodes)
            return { code: "tooManyNodes", path: [...path], limit: limits.maxNodes };
          frames.push({ list: current, object: null, keys: null, next: 0 });
          break;
        }
        if (!isPlainObject(current)) return { code: "unsupportedValue", path: [...path] };
        const keys = Object.keys(current);
        for (const key of keys) {
          const problem = checkKey(key, limits.maxKeyLength);
          if (problem)
            return {
              code: problem,
              path: [...path, key],
              ...(problem === "keyTooLong" ? { limit: limits.maxKeyLength } : {}),
            };
        }
        frames.push({ list: null, object: current as Record<string, unknown>, keys, next: 0 });
        break;
      }
      default:
        return { code: "unsupportedValue", path: [...path] };
    }
    // On to the next value: the next child of the innermost container that has one left.
    for (;;) {
      const top = frames.at(-1);
      if (!top) return null;
      const i = top.next++;
      path.length = frames.length - 1;
      if (top.list && i < top.list.length) {
        path.push(i);
        current = top.list[i];
        break;
      }
      const key = top.keys?.[i];
      if (top.object && key !== undefined) {
        path.push(key);
        current = top.object[key];
        break;
      }
      frames.pop();
    }
  }
}

/** What a server action may be sent as a plain object (the A-melding builder's leveranse is the largest, within Next's 1 MB body limit). */
export const ACTION_INPUT_LIMITS: InputLimits = {
  maxDepth: 16,
  maxNodes: 100_000,
  maxKeyLength: 200,
  maxStringLength: 20_000,
};
