import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `column` is one of the reader's organisations, as ONE array parameter: the statement's text does
 * not grow with the number of organisations (2 000 ids were 2 000 parameters, too many to prepare,
 * parsed anew on every request), and PostgreSQL tests the array by hash while it walks an index
 * in the list's order. The planner still sees the values (a custom plan), so for a reader of one
 * organisation it walks that organisation's index instead.
 */
export function inOrganisations(column: AnyPgColumn | SQL, organisationIds: readonly string[]): SQL {
  // One organisation as an equality: `= any('{x}')` selects the same rows, but the planner takes
  // no order from an array condition, so it read all of the organisation's rows from
  // submissions_org_created_idx and sorted them instead of reading its first 51 in index order.
  if (organisationIds.length === 1) return sql`${column} = ${sql.param(organisationIds[0])}::uuid`;
  return sql`${column} = any(${sql.param(organisationIds)}::uuid[])`;
}

/**
 * The reader's organisations a filter by one organisation leaves: that one if the reader has it,
 * none otherwise. Scoping by this instead of all of the reader's ids (plus `organisation_id = org`)
 * keeps the same rows, and spares PostgreSQL estimating 2 000 ids one by one on every statement
 * (1.5-2 ms of planning) and Node.js sending them.
 */
export function organisationsInFilter(organisationIds: string[], org: string | undefined): string[] {
  if (!org) return organisationIds;
  return organisationIds.includes(org) ? [org] : [];
}

/**
 * `column` is one of the reader's organisations, as a semi-join with the array unnested: for
 * aggregates that read every row of the reader's organisations (the error groups). There
 * `= any(2 000 ids)` cost 30–90 ms of planning on a column with statistics (each id estimated
 * against them), this a few; the planner still sees the array's length, so one organisation is
 * an index probe and 2 000 a hash.
 */
export function inOrganisationSet(column: AnyPgColumn | SQL, organisationIds: readonly string[]): SQL {
  return sql`${column} in (select unnest(${sql.param(organisationIds)}::uuid[]))`;
}
