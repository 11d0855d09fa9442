import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, submissions } from "@/lib/db/schema";
import { RETRYABLE_STATUSES } from "../operations/operations";
import type { StatusReason } from "../status-reason";
import { errorCodeSql, failureCauseSql, specCodeSql, specFieldSql } from "./failure-signature";
import { type FailureCause, NO_SPEC_CODE, type SubmissionListFilter, UNSUCCESSFUL_STATUSES } from "./list-filter";
import { submissionFilterConditions } from "./list-submissions";

/** The list filters the error groups can be narrowed by. */
export type ErrorGroupFilter = Pick<SubmissionListFilter, "kind" | "org" | "from" | "to">;

export type ErrorGroup = {
  status: (typeof UNSUCCESSFUL_STATUSES)[number];
  /** The error code, upper-cased; null for failures without one (then `cause` says why). */
  code: string | null;
  /** The first specification code of the latest attempt's decoded error. */
  specCode: string | null;
  cause: FailureCause | null;
  count: number;
  organisationCount: number;
  organisationNames: string[];
  firstSeen: Date;
  lastSeen: Date;
  /** The fields that specification entry named, each with the kind of report it is a path into (at most MAX_FIELDS). */
  fields: { kind: "oar" | "amelding"; sti: string }[];
  /** The status reason of the group's most recent failure (Skatteetaten's message for unknown codes). */
  latestReason: StatusReason | null;
  /** Whether "retry with the same key" applies, i.e. the engine gave up on a transient error. */
  retryable: boolean;
};

const MAX_FIELDS = 3;

/**
 * Unsuccessful submissions (rejected, conflict, failed) grouped by what went wrong: error code,
 * specification code and, without a code, the kind of failure; biggest groups first. Only the
 * user's organisations are counted.
 */
export async function listErrorGroups(
  db: DbOrTx,
  organisationIds: string[],
  filter: ErrorGroupFilter = {},
): Promise<ErrorGroup[]> {
  if (organisationIds.length === 0) return [];
  const conditions = submissionFilterConditions(organisationIds, {
    ...narrowing(filter),
    status: [...UNSUCCESSFUL_STATUSES],
  });
  const failures = db
    .select({
      status: submissions.status,
      code: errorCodeSql.as("code"),
      specCode: specCodeSql.as("spec_code"),
      specField: specFieldSql.as("spec_field"),
      cause: failureCauseSql.as("cause"),
      organisationId: submissions.organisationId,
      organisationName: organisations.name,
      statusReason: sql<StatusReason | null>`case when ${submissions.statusReasonCode} is null then null
        else jsonb_build_object('code', ${submissions.statusReasonCode}, 'params', ${submissions.statusReasonParams}) end`.as(
        "status_reason",
      ),
      seenAt: sql<string>`coalesce(${submissions.lastAttemptAt}, ${submissions.updatedAt})`.as("seen_at"),
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(...conditions))
    .as("failures");
  const count = sql<number>`count(*)::int`;
  const lastSeen = sql<string>`max(${failures.seenAt})`;
  const rows = await db
    .select({
      status: failures.status,
      code: failures.code,
      specCode: failures.specCode,
      cause: failures.cause,
      count,
      organisationCount: sql<number>`count(distinct ${failures.organisationId})::int`,
      organisationNames: sql<
        string[]
      >`array_agg(distinct ${failures.organisationName} order by ${failures.organisationName})`,
      firstSeen: sql<string>`min(${failures.seenAt})`,
      fields: sql<
        string[] | null
      >`(array_agg(distinct ${failures.specField}) filter (where ${failures.specField} is not null))[1:${sql.raw(String(MAX_FIELDS))}]`,
      lastSeen,
      latestReason: sql<StatusReason | null>`(array_agg(${failures.statusReason} order by ${failures.seenAt} desc))[1]`,
    })
    .from(failures)
    .groupBy(failures.status, failures.code, failures.specCode, failures.cause)
    .orderBy(desc(count), desc(lastSeen));
  return rows.map((r) => ({
    ...r,
    fields: (r.fields ?? []).flatMap((field) => {
      const [kind, ...sti] = field.split(" ");
      return kind === "oar" || kind === "amelding" ? [{ kind, sti: sti.join(" ") }] : [];
    }),
    status: r.status as ErrorGroup["status"],
    cause: r.cause as FailureCause | null,
    firstSeen: new Date(r.firstSeen),
    lastSeen: new Date(r.lastSeen),
    retryable: RETRYABLE_STATUSES.includes(r.status),
  }));
}

function narrowing(filter: ErrorGroupFilter): ErrorGroupFilter {
  return { kind: filter.kind, org: filter.org, from: filter.from, to: filter.to };
}

/** The submissions list filter showing exactly the group's members (same narrowing as the groups). */
export function errorGroupListFilter(
  group: Pick<ErrorGroup, "status" | "code" | "specCode" | "cause">,
  filter: ErrorGroupFilter = {},
) {
  return {
    ...narrowing(filter),
    status: [group.status],
    ...(group.code ? { code: group.code } : { cause: group.cause ?? undefined }),
    spec: group.specCode ?? NO_SPEC_CODE,
  } satisfies Partial<SubmissionListFilter>;
}
