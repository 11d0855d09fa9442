import type { RawSearchParams } from "@/lib/filters/search-params";
import { parseSubmissionListFilter, type SubmissionListFilter } from "@/lib/submissions/queries/list-filter";

/**
 * /oppdrag's filters: the submissions list's status, organisation, time range (created), search
 * and cursor, read by the same parser; `period` (YYYY-MM) here means the month the oppdrag runs
 * in (its start to its expected end), not the month it was created.
 */
export type OppdragListFilter = Pick<
  SubmissionListFilter,
  "status" | "org" | "period" | "from" | "to" | "q" | "cursor"
>;

export function parseOppdragListFilter(params: RawSearchParams): OppdragListFilter {
  const { status, org, period, from, to, q, cursor } = parseSubmissionListFilter(params);
  return { status, org, period, from, to, q, cursor };
}
