import { z } from "zod";

export const SUBMISSION_STATUSES = ["draft", "queued", "sending", "retrying", "accepted", "rejected", "conflict", "failed"] as const;
export const IN_FLIGHT_STATUSES = ["queued", "sending", "retrying"] as const;
/** Statuses that end a delivery without success: what the error groups are made of. */
export const UNSUCCESSFUL_STATUSES = ["rejected", "conflict", "failed"] as const;
/**
 * Why a submission without an error code ended, read from its latest attempt: no answer
 * (timeout, dropped connection, stopped worker), no token from Maskinporten, or an answer that
 * carried no code.
 */
export const FAILURE_CAUSES = ["transport", "token", "no_code"] as const;
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
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
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
export function parseSubmissionListFilter(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const record: Record<string, string | string[]> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    const prev = record[k];
    record[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
  }
  const parsed = submissionListFilterSchema.safeParse(record);
  if (parsed.success) return parsed.data;
  // One bad status value should not throw away the other filters.
  return submissionListFilterSchema.parse({ ...record, status: undefined });
}

export function filterToSearchParams(filter: Partial<SubmissionListFilter>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) for (const item of v) out.append(k, item);
    else out.set(k, String(v));
  }
  return out;
}

/** Keyset cursor: the (created_at, id) of the last row shown. */
export function encodeCursor(createdAt: Date, id: string) {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { createdAt, id };
}
