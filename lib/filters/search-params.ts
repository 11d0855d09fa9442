export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** URLSearchParams or Next's searchParams as one record; a repeated key becomes an array. */
export function searchParamsRecord(params: RawSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    const prev = record[k];
    record[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
  }
  return record;
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
