/**
 * Turns submitted form data into a plain object for zod: repeated names become arrays, and names
 * ending in `[]` are always arrays (checkbox groups may submit zero or one value).
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (rawKey.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const existing = out[key];
    if (isList) out[key] = [...((existing as string[] | undefined) ?? []), value];
    else if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
