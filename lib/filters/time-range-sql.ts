import "server-only";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { REPORTING_TIME_ZONE } from "./time-range";

/**
 * WHERE conditions for validated `from`/`to` bounds (see time-range.ts) on a timestamptz column.
 * The bounds are Norwegian wall-clock times; PostgreSQL converts them, daylight saving included.
 * `to` is inclusive: to the end of its minute, or of its day when it has no time.
 */
export function timeRangeConditions(column: AnyColumn, range: { from?: string; to?: string }): SQL[] {
  const out: SQL[] = [];
  if (range.from) {
    out.push(sql`${column} >= (${range.from}::timestamp at time zone ${REPORTING_TIME_ZONE})`);
  }
  if (range.to) {
    const end = range.to.includes("T") ? sql`${range.to}::timestamp + interval '1 minute'` : sql`${range.to}::date + 1`;
    out.push(sql`${column} < ((${end})::timestamp at time zone ${REPORTING_TIME_ZONE})`);
  }
  return out;
}
