import { z } from "zod/mini";
import {
  type RawSearchParams,
  searchParamsRecord,
  searchParamsSchema,
  toSearchParams,
} from "@/lib/filters/search-params";
import { timeBoundInputValue, timeBoundSchema } from "@/lib/filters/time-range";

export const SUBMISSION_STATUSES = [
  "draft",
  "queued",
  "sending",
  "retrying",
  "accepted",
  "rejected",
  "conflict",
  "failed",
  "cancelled",
] as const;
export const IN_FLIGHT_STATUSES = ["queued", "sending", "retrying"] as const;
/** Statuses that end a delivery without success: what the error groups are made of. */
export const UNSUCCESSFUL_STATUSES = ["rejected", "conflict", "failed"] as const;
/**
 * Why a submission without an error code ended, read from its latest attempt: no answer
 * (timeout, dropped connection, stopped worker), no token from Maskinporten, an answer that
 * carried no code (or could not be read), or never sent at all (no attempt: its content could not
 * be made into a request).
 */
export const FAILURE_CAUSES = ["transport", "token", "no_code", "unsendable"] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];
/** `spec=none`: the latest attempt's decoded error had no specification code. */
export const NO_SPEC_CODE = "none";

const optionalText = z.pipe(
  z.optional(z.string().check(z.trim(), z.maxLength(200))),
  z.transform((v) => (v ? v : undefined)),
);

/**
 * The submissions list's filters as they live in the URL, shared by the page, the route handler
 * the list polls, and the CSV export, so a bookmarked or shared link shows the same rows.
 */
export const submissionListFilterSchema = z.object({
  /**
   * Any of these statuses (repeated `status`): unknown values are dropped, the rest kept once each
   * in the order of SUBMISSION_STATUSES, which is also the order of the form's checkboxes, so
   * submitting the form unchanged gives back the same URL.
   */
  status: z.pipe(
    z.catch(z.optional(z.union([z.string(), z.array(z.string()).check(z.maxLength(100))])), undefined),
    z.transform((v) => {
      const given = v === undefined ? [] : Array.isArray(v) ? v : [v];
      const statuses = SUBMISSION_STATUSES.filter((s) => given.includes(s));
      return statuses.length > 0 ? statuses : undefined;
    }),
  ),
  kind: z.catch(z.optional(z.enum(["oar", "amelding"])), undefined),
  org: z.catch(z.optional(z.uuid()), undefined),
  /** Reporting period: month for A-melding, created date for OAR (YYYY-MM). */
  period: z.catch(z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))), undefined),
  /** Created at or after / up to (inclusive) a Norwegian date or date and time (lib/filters/time-range.ts). */
  from: timeBoundSchema,
  to: timeBoundSchema,
  code: optionalText,
  /** Specification code (feilspesifiseringskode) of the latest attempt's decoded error, or `none`. */
  spec: optionalText,
  cause: z.catch(z.optional(z.enum(FAILURE_CAUSES)), undefined),
  /** Members of one bulk operation. */
  bulk: z.catch(z.optional(z.uuid()), undefined),
  q: optionalText,
  cursor: optionalText,
});
export type SubmissionListFilter = z.infer<typeof submissionListFilterSchema>;

/** Parses URLSearchParams (repeated `status` allowed); invalid values are dropped, never fatal. */
export function parseSubmissionListFilter(params: RawSearchParams): SubmissionListFilter {
  const record = searchParamsRecord(params);
  // Only `status` takes several values; of any other repeated key the first counts.
  const single = Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, k === "status" || !Array.isArray(v) ? v : v[0]]),
  );
  return submissionListFilterSchema.parse(single);
}

/**
 * What each field of the submissions list's filter form starts with: rendered from the same
 * parsed filter the query uses, so submitting the form unchanged asks for the same rows
 * (lib/submissions/queries/filter-round-trip.test.ts). `hidden` are the filters without a field
 * of their own (from the error groups and bulk operations), carried along unchanged.
 */
export function submissionFilterFormValues(filter: Partial<SubmissionListFilter>) {
  return {
    status: filter.status ?? [],
    kind: filter.kind ?? "",
    org: filter.org ?? "",
    period: filter.period ?? "",
    from: timeBoundInputValue(filter.from, "from"),
    to: timeBoundInputValue(filter.to, "to"),
    code: filter.code ?? "",
    q: filter.q ?? "",
    hidden: { spec: filter.spec, cause: filter.cause, bulk: filter.bulk },
  };
}

/** The same, as the query schema of the route handlers that take the list's filters. */
export const submissionListQuerySchema = z.pipe(
  searchParamsSchema,
  z.transform((record: Record<string, string | string[]>) => parseSubmissionListFilter(record)),
);

export function filterToSearchParams(filter: Partial<SubmissionListFilter>): URLSearchParams {
  return toSearchParams(filter);
}

/**
 * Keyset cursor: the (created_at, id) of the last row shown. created_at travels as PostgreSQL's
 * own microsecond text (a JS Date keeps only milliseconds, and rows created in one transaction
 * share a timestamp: a millisecond cursor would skip some of them).
 */
export function encodeCursor(createdAt: string, id: string) {
  return Buffer.from(`${createdAt}|${id}`).toString("base64url");
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null;
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!createdAt || !CURSOR_TIME.test(createdAt) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { createdAt, id };
}
