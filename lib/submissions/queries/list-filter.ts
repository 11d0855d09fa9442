import { z } from "zod";
import {
  type RawSearchParams,
  searchParamsRecord,
  searchParamsSchema,
  toSearchParams,
} from "@/lib/filters/search-params";
import { timeBoundSchema } from "@/lib/filters/time-range";

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

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * The submissions list's filters as they live in the URL, shared by the page, the route handler
 * the list polls, and the CSV export, so a bookmarked or shared link shows the same rows.
 */
export const submissionListFilterSchema = z.object({
  status: z
    .union([z.enum(SUBMISSION_STATUSES), z.array(z.enum(SUBMISSION_STATUSES))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  kind: z.enum(["oar", "amelding"]).optional().catch(undefined),
  org: z.uuid().optional().catch(undefined),
  /** Reporting period: month for A-melding, created date for OAR (YYYY-MM). */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  /** Created at or after / up to (inclusive) a Norwegian date or date and time (lib/filters/time-range.ts). */
  from: timeBoundSchema,
  to: timeBoundSchema,
  code: optionalText,
  /** Specification code (feilspesifiseringskode) of the latest attempt's decoded error, or `none`. */
  spec: optionalText,
  cause: z.enum(FAILURE_CAUSES).optional().catch(undefined),
  /** Members of one bulk operation. */
  bulk: z.uuid().optional().catch(undefined),
  q: optionalText,
  cursor: optionalText,
});
export type SubmissionListFilter = z.infer<typeof submissionListFilterSchema>;

/** Parses URLSearchParams (repeated `status` allowed); invalid values are dropped, never fatal. */
export function parseSubmissionListFilter(params: RawSearchParams) {
  const record = searchParamsRecord(params);
  const parsed = submissionListFilterSchema.safeParse(record);
  if (parsed.success) return parsed.data;
  // One bad status value should not throw away the other filters.
  return submissionListFilterSchema.parse({ ...record, status: undefined });
}

/** The same, as the query schema of the route handlers that take the list's filters. */
export const submissionListQuerySchema = searchParamsSchema.transform(parseSubmissionListFilter);

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
