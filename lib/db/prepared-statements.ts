import "server-only";
import type postgres from "postgres";

/**
 * Queries with more parameters than this stay unprepared: their text varies with the length of an
 * id list (`in ($1, ..., $n)`), and every distinct text would stay prepared on its connection.
 */
export const MAX_PREPARED_PARAMETERS = 100;

/**
 * A statement carrying this comment is planned for its values on every execution, never
 * prepared. For the lists: a prepared statement's generic plan (after five executions) no longer
 * knows how many organisations the array holds nor which error code is asked for, and walked the
 * wrong index (356 ms instead of 1 ms for the in-flight page at a million submissions).
 */
export const PLAN_PER_EXECUTION = "/* plan per execution */";

/**
 * Makes drizzle's queries prepared statements. drizzle runs every query unprepared, which
 * postgres.js sends as a describe round trip followed by parse, plan and execute, each time;
 * prepared, a query is parsed once per connection and sent in one round trip. That halves
 * PostgreSQL's CPU for a typical write (creating a submission: 1.2 ms → 0.6 ms).
 *
 * Transactions and savepoints run on a connection postgres.js hands to a callback, so those
 * handles are wrapped too. Prepared statements live as long as their connection (postgres.js
 * replaces each one after 30 to 60 minutes), which bounds how many accumulate.
 */
export function preparingStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property) {
      if (property === "unsafe") {
        // drizzle always passes `prepare: false`; the parameter count alone decides.
        return (query: string, parameters?: unknown[], options?: object) =>
          target.unsafe(query, parameters as never, {
            ...options,
            prepare: (parameters?.length ?? 0) <= MAX_PREPARED_PARAMETERS && !query.includes(PLAN_PER_EXECUTION),
          });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (inner: postgres.Sql) => unknown;
          // `savepoint` exists on the handle a transaction gets, which the Sql type does not show.
          const run = Reflect.get(target, property) as (...a: unknown[]) => unknown;
          return run(...args, (inner: postgres.Sql) => callback(preparingStatements(inner)));
        };
      }
      return Reflect.get(target, property);
    },
  });
}
