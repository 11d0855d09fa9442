import { checkKey, checkText, type InputResult, refuse } from "@/lib/input/guard";

/**
 * Turns submitted form data into a plain object for zod. Dotted names build nested objects
 * ("oppdrag.startdato"), numeric segments build arrays ("vedlegg.0.type"), repeated names become
 * arrays, and names ending in `[]` are always arrays (a checkbox group may submit none or one).
 * Empty optional text is kept as "" so the schema decides what empty means.
 *
 * Form data is hostile until parsed (it can be posted by hand), so the work is bounded and no
 * name can reach an object's prototype: names with `__proto__`, `constructor`, `prototype` (see
 * lib/input/guard.ts) are refused; so are too many fields, too long names or values, too deep
 * names, U+0000, and array indices that are not small or exceed what the number of fields can
 * fill (`x.4294967294` is refused at once, not built as a sparse array). The tree is built from
 * Maps, so no name is ever looked up on an object; the result has at most one value per field
 * and one object or list per name segment, so its size is bounded by the input's.
 */
export const FORM_DATA_LIMITS = {
  maxFields: 1000,
  maxNameLength: 200,
  /** Segments of a dotted name. */
  maxDepth: 8,
  /** Largest array index; it must also be below the number of fields. */
  maxIndex: 999,
  maxValueLength: 20_000,
  /** Characters of all names and values together. */
  maxTotalSize: 1_000_000,
};

type Leaf = { kind: "leaf"; values: string[]; list: boolean };
type Branch = { kind: "object"; children: Map<string, Node> } | { kind: "array"; children: Map<number, Node> };
type Node = Leaf | Branch;

const INDEX = /^(0|[1-9]\d{0,3})$/;

export function parseFormData(formData: FormData, limits = FORM_DATA_LIMITS): InputResult<Record<string, unknown>> {
  const fields: [string, string][] = [];
  let count = 0;
  let size = 0;
  for (const [name, value] of formData.entries()) {
    if (++count > limits.maxFields) return refuse("tooManyNodes", [], limits.maxFields);
    size += name.length + (typeof value === "string" ? value.length : 0);
    if (size > limits.maxTotalSize) return refuse("tooLarge", [], limits.maxTotalSize);
    // Next's own fields, and files (no action reads files from form data).
    if (name.startsWith("$ACTION") || typeof value !== "string") continue;
    fields.push([name, value]);
  }

  const root: Branch = { kind: "object", children: new Map() };
  for (const [name, value] of fields) {
    const isList = name.endsWith("[]");
    const segments = (isList ? name.slice(0, -2) : name).split(".");
    const field = segments.join(".");
    if (name.length > limits.maxNameLength)
      return refuse("keyTooLong", [field.slice(0, limits.maxNameLength)], limits.maxNameLength);
    if (segments.length > limits.maxDepth) return refuse("tooDeep", [field], limits.maxDepth);
    const valueProblem = checkText(value, limits.maxValueLength);
    if (valueProblem)
      return refuse(valueProblem, [field], valueProblem === "textTooLong" ? limits.maxValueLength : undefined);
    for (const segment of segments) {
      const problem = checkKey(segment, limits.maxNameLength);
      if (problem) return refuse(problem, [field]);
    }
    const placed = place(root, segments, value, isList, Math.min(limits.maxIndex, count - 1));
    if (placed)
      return refuse(placed, [field], placed === "arrayIndexInvalid" ? Math.min(limits.maxIndex, count - 1) : undefined);
  }
  return { ok: true, value: toPlain(root) as Record<string, unknown> };
}

/** Puts one value at its place in the tree, or says why it cannot go there. */
function place(
  root: Branch,
  segments: string[],
  value: string,
  isList: boolean,
  maxIndex: number,
): "arrayIndexInvalid" | "fieldConflict" | null {
  let node: Branch = root;
  for (const [i, segment] of segments.entries()) {
    let key: string | number = segment;
    if (node.kind === "array") {
      if (!INDEX.test(segment)) return /^\d+$/.test(segment) ? "arrayIndexInvalid" : "fieldConflict";
      key = Number(segment);
      if (key > maxIndex) return "arrayIndexInvalid";
    }
    const existing = getChild(node, key);
    const last = i === segments.length - 1;
    if (last) {
      if (existing === undefined) setChild(node, key, { kind: "leaf", values: [value], list: isList });
      else if (existing.kind !== "leaf") return "fieldConflict";
      else {
        existing.values.push(value);
        existing.list ||= isList;
      }
      return null;
    }
    if (existing === undefined) {
      const next: Branch = /^\d+$/.test(segments[i + 1] ?? "")
        ? { kind: "array", children: new Map() }
        : { kind: "object", children: new Map() };
      setChild(node, key, next);
      node = next;
    } else if (existing.kind === "leaf") return "fieldConflict";
    else node = existing;
  }
  return null;
}

function getChild(node: Branch, key: string | number): Node | undefined {
  return node.kind === "array" ? node.children.get(key as number) : node.children.get(key as string);
}

function setChild(node: Branch, key: string | number, child: Node) {
  if (node.kind === "array") node.children.set(key as number, child);
  else node.children.set(key as string, child);
}

/**
 * Plain objects and arrays for zod. Keys were checked (none reaches the prototype), so plain
 * assignment is safe. Rows removed from the middle of a repeated group leave gaps; they close.
 */
function toPlain(node: Node): unknown {
  if (node.kind === "leaf") return node.list ? node.values : node.values.length === 1 ? node.values[0] : node.values;
  if (node.kind === "array") return [...node.children].sort(([a], [b]) => a - b).map(([, child]) => toPlain(child));
  const out: Record<string, unknown> = {};
  for (const [k, child] of node.children) out[k] = toPlain(child);
  return out;
}
