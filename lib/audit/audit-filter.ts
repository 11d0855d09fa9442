import { z } from "zod";
import {
  firstValue,
  type RawSearchParams,
  searchParamsRecord,
  searchParamsSchema,
  toSearchParams,
} from "@/lib/filters/search-params";
import { timeBoundSchema } from "@/lib/filters/time-range";
import { wholeNumberSchema } from "@/lib/validation/decimal";
import { AUDIT_TARGET_TYPES } from "./audit-events";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

/** The audit log's filters as they live in the URL (page, CSV export); invalid values are dropped. */
export const auditListFilterSchema = z.object({
  /** Part of the actor's e-mail address. */
  actor: optionalText(200),
  action: optionalText(100),
  target: z.enum(AUDIT_TARGET_TYPES).optional().catch(undefined),
  org: z.uuid().optional().catch(undefined),
  from: timeBoundSchema,
  to: timeBoundSchema,
  /** A target id, or text anywhere in the details (the latter only for those who may read details). */
  q: optionalText(200),
  /** Keyset cursor: show entries older than this id. */
  before: z.pipe(wholeNumberSchema(), z.number().positive()).optional().catch(undefined),
});
export type AuditListFilter = z.infer<typeof auditListFilterSchema>;

export function parseAuditListFilter(params: RawSearchParams): AuditListFilter {
  const record = searchParamsRecord(params);
  // Only the first of a repeated key counts; none of these filters takes several values.
  const single = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, firstValue(v)]));
  return auditListFilterSchema.parse(single);
}

/** The same, as the audit export route's query schema. */
export const auditListQuerySchema = z.pipe(
  searchParamsSchema,
  z.transform((record: Record<string, string | string[]>) => parseAuditListFilter(record)),
);

export function auditFilterToSearchParams(filter: Partial<AuditListFilter>): URLSearchParams {
  return toSearchParams(filter);
}
