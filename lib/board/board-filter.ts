import { z } from "zod";
import { pageNumberSchema } from "@/lib/filters/page-number";
import { firstValue, type RawSearchParams, searchParamsRecord } from "@/lib/filters/search-params";

/**
 * The state of one organisation-month on the board (docs/board.md, "States"), in the order of
 * precedence the query applies:
 * - sending: an A-melding for the month is queued, being sent or waiting to retry;
 * - rejected: the newest one sent (after the last acceptance, if any) was rejected, conflicted or failed;
 * - deviations: accepted, and its feedback has deviations (Avvisning, Øyeblikkelig or Retningslinje);
 * - awaiting_feedback: accepted, feedback not in yet (or it could not be had);
 * - replaced: accepted clean, and the accepted message replaced an earlier one;
 * - accepted: accepted clean;
 * - not_due: nothing sent, and the month has not begun;
 * - not_sent: nothing accepted, the deadline not passed;
 * - overdue: nothing accepted, the deadline passed;
 * - not_tracked: nothing here, and the deadline passed before the organisation was added.
 */
export const BOARD_STATES = [
  "overdue",
  "not_sent",
  "rejected",
  "sending",
  "deviations",
  "awaiting_feedback",
  "replaced",
  "accepted",
  "not_due",
  "not_tracked",
] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export const BOARD_SORTS = ["risk", "name", "orgnr"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** Rows per page: the board is read a page of organisations at a time (docs/board.md, "Paging"). */
export const BOARD_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `owner=`: "mine", "none" (no owner) or a user's id. */
const ownerSchema = z.union([z.literal("mine"), z.literal("none"), z.string().regex(UUID)]);

export const boardFilterSchema = z.object({
  owner: z.preprocess(firstValue, ownerSchema.optional().catch(undefined)),
  state: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string()).transform((values) => BOARD_STATES.filter((s) => values.includes(s))),
  ),
  q: z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(100)
      .optional()
      .catch(undefined)
      .transform((v) => v || undefined),
  ),
  sort: z.preprocess(firstValue, z.enum(BOARD_SORTS).catch("risk").default("risk")),
  page: pageNumberSchema,
});

export type BoardFilter = z.output<typeof boardFilterSchema>;

/** The board's filters from the URL; what cannot be used is dropped, never an error. */
export function parseBoardFilter(params: RawSearchParams): BoardFilter {
  return boardFilterSchema.parse(searchParamsRecord(params));
}

/** A filter back into the board's query string (defaults left out, so each view has one URL). */
export function boardFilterToSearchParams(filter: Partial<BoardFilter>): URLSearchParams {
  const out = new URLSearchParams();
  if (filter.owner) out.set("owner", filter.owner);
  for (const s of filter.state ?? []) out.append("state", s);
  if (filter.q) out.set("q", filter.q);
  if (filter.sort && filter.sort !== "risk") out.set("sort", filter.sort);
  if (filter.page && filter.page > 1) out.set("page", String(filter.page));
  return out;
}
