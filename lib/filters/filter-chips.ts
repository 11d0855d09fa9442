import { toSearchParams } from "./search-params";

/** One active filter value, and the same list without it. */
export type FilterChipLink = { key: string; value: string; href: string };

/**
 * One chip per active filter value (a filter with several values, like statuses, gives one per
 * value), in the filter's own key order. Each links to the same page without that value, and
 * without `omit` (the page cursor: a narrower or wider list starts at its first page).
 */
export function filterChipLinks(
  path: string,
  filter: Record<string, unknown>,
  omit: readonly string[] = [],
): FilterChipLink[] {
  const active = Object.fromEntries(Object.entries(filter).filter(([k]) => !omit.includes(k)));
  const href = (without: Record<string, unknown>) => {
    const query = toSearchParams(without).toString();
    return query ? `${path}?${query}` : path;
  };
  return Object.entries(active).flatMap(([key, v]): FilterChipLink[] => {
    if (v === undefined || v === null || v === "") return [];
    if (Array.isArray(v)) {
      return v.map((item) => ({
        key,
        value: String(item),
        href: href({ ...active, [key]: v.filter((other) => other !== item) }),
      }));
    }
    return [{ key, value: String(v), href: href({ ...active, [key]: undefined }) }];
  });
}
