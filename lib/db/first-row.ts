/**
 * The row a statement is guaranteed to give: an `insert … returning()` of one value, an aggregate
 * without GROUP BY, a lookup by a key read in the same transaction. Throws a clear error when that
 * guarantee breaks, instead of letting `undefined` travel on as if it were a row.
 */
export function firstRow<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error("The statement returned no row where one was guaranteed");
  return row;
}
