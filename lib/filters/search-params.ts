import { z } from "zod";
import { isForbiddenKey } from "@/lib/input/guard";

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * URLSearchParams or Next's searchParams as one record; a repeated key becomes an array. Filters
 * drop what they cannot use, so keys that would reach Object.prototype (`__proto__`,
 * `constructor`, …, see lib/input/guard.ts) and values holding U+0000 (which PostgreSQL text
 * cannot hold) are left out here rather than refused.
 */
export function searchParamsRecord(params: RawSearchParams): Record<string, string | string[]> {
  const record = new Map<string, string | string[]>();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    if (v === undefined || isForbiddenKey(k)) continue;
    const value = Array.isArray(v)
      ? v.filter((item) => !item.includes("\u0000"))
      : v.includes("\u0000")
        ? undefined
        : v;
    if (value === undefined) continue;
    const prev = record.get(k);
    record.set(k, prev === undefined ? value : ([] as string[]).concat(prev, value));
  }
  return Object.fromEntries(record);
}

/** A parsed filter back into a query string, leaving out empty values (arrays repeat the key). */
export function toSearchParams(filter: Record<string, unknown>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) for (const item of v) out.append(k, String(item));
    else out.set(k, String(v));
  }
  return out;
}

/** A query string as route handlers receive it (lib/routes/route-handler.ts): texts, a repeated key a list. */
export const searchParamsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
