import { z } from "zod/mini";
import { isForbiddenKey } from "@/lib/input/guard";

/** The first of a repeated query-string key (the one a single-valued filter uses), or the value itself. */
export function firstValue<T>(value: T | T[]): T | undefined {
  return Array.isArray(value) ? value[0] : value;
}

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

/**
 * The query string as a list page's one URL for it, or null when it already is. A GET filter form
 * sends every field, the empty ones as `kind=`, and its datetime fields a date-only bound to the
 * minute (`from=…T00:00`, `to=…T23:59`, meaning exactly the whole day: lib/filters/time-range.ts);
 * the list pages redirect to the URL without the empty values and with such bounds as dates, so a
 * filtered view has one URL whether it came from a link or from the form.
 */
export function canonicalQuery(params: RawSearchParams): string | null {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const pairs = entries.flatMap(([k, v]) =>
    v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((item): [string, string] => [k, item]),
  );
  const canonical = pairs.flatMap(([k, v]): [string, string][] => {
    if (v === "") return [];
    if (k === "from" && DATE_AT_MIDNIGHT.test(v)) return [[k, v.slice(0, 10)]];
    if (k === "to" && DATE_AT_LAST_MINUTE.test(v)) return [[k, v.slice(0, 10)]];
    return [[k, v]];
  });
  const changed = canonical.length !== pairs.length || canonical.some(([, v], i) => v !== pairs[i]?.[1]);
  return changed ? new URLSearchParams(canonical).toString() : null;
}
const DATE_AT_MIDNIGHT = /^\d{4}-\d{2}-\d{2}T00:00$/;
const DATE_AT_LAST_MINUTE = /^\d{4}-\d{2}-\d{2}T23:59$/;

/** Where a list page's request redirects to when its query is not canonical (see canonicalQuery). */
export function canonicalListUrl(path: string, params: RawSearchParams): string | null {
  const query = canonicalQuery(params);
  if (query === null) return null;
  return query ? `${path}?${query}` : path;
}

/**
 * A list filter without an organisation the user may not see: every list query scopes to the
 * user's organisations anyway (so such an `org` would show nothing), and the organisation choice
 * has no option for it, so the form and the rows would disagree. Applied to every URL and saved view.
 */
export function withoutForeignOrganisation<F extends { org?: string }>(
  filter: F,
  organisationIds: readonly string[],
): F {
  return filter.org && !organisationIds.includes(filter.org) ? { ...filter, org: undefined } : filter;
}
