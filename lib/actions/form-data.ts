/**
 * Turns submitted form data into a plain object for zod. Dotted names build nested objects
 * ("oppdrag.startdato"), numeric segments build arrays ("vedlegg.0.type"), repeated names become
 * arrays, and names ending in `[]` are always arrays (a checkbox group may submit none or one).
 * Empty optional text is kept as "" so the schema decides what empty means.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (rawKey.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const isList = rawKey.endsWith("[]");
    const path = (isList ? rawKey.slice(0, -2) : rawKey).split(".");
    setPath(out, path, value, isList);
  }
  return compactArrays(out) as Record<string, unknown>;
}

function setPath(target: Record<string, unknown>, path: string[], value: string, isList: boolean) {
  let node: Record<string, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const nextIsIndex = /^\d+$/.test(path[i + 1]!);
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  const leaf = path.at(-1)!;
  const existing = node[leaf];
  if (isList) node[leaf] = [...((existing as string[] | undefined) ?? []), value];
  else if (existing === undefined) node[leaf] = value;
  else node[leaf] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** Rows removed from the middle of a repeated group leave holes; close them. */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}
