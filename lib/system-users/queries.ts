import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { type AltinnRight, REPORTING_RIGHTS } from "@/lib/altinn/system-user-request-wire";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import {
  organisations,
  type SystemUserRequest,
  type SystemUserRequestStatus,
  systemUserRequests,
} from "@/lib/db/schema";

/** Each organisation with its latest system-user request (null when none was ever made). */
export async function listOrganisationsWithSystemUser(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const orgs = await db
    .select({
      id: organisations.id,
      orgnr: organisations.orgnr,
      name: organisations.name,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .where(inArray(organisations.id, organisationIds))
    .orderBy(asc(organisations.name));
  const latest = await latestSystemUserRequests(db, organisationIds);
  return orgs.map((o) => ({ ...o, request: latest.get(o.id) ?? null }));
}
export type OrganisationWithSystemUser = Awaited<ReturnType<typeof listOrganisationsWithSystemUser>>[number];

/** The newest request per organisation: it alone says where onboarding stands. */
export async function latestSystemUserRequests(
  db: DbOrTx,
  organisationIds: string[],
): Promise<Map<string, SystemUserRequest>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([systemUserRequests.organisationId])
    .from(systemUserRequests)
    .where(inArray(systemUserRequests.organisationId, organisationIds))
    .orderBy(systemUserRequests.organisationId, desc(systemUserRequests.createdAt));
  return new Map(rows.map((r) => [r.organisationId, r]));
}

export async function latestSystemUserRequest(db: DbOrTx, organisationId: string): Promise<SystemUserRequest | null> {
  return (await latestSystemUserRequests(db, [organisationId])).get(organisationId) ?? null;
}

/** Whether reports for the organisation may be sent: a customer has accepted a system user for it. */
export async function hasAcceptedSystemUser(db: DbOrTx, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(systemUserRequests)
    .where(and(eq(systemUserRequests.organisationId, organisationId), eq(systemUserRequests.status, "accepted")))
    .limit(1);
  return Boolean(row);
}

export async function findSystemUserRequestByExternalId(db: DbOrTx, organisationId: string, externalId: string) {
  const [row] = await db
    .select()
    .from(systemUserRequests)
    .where(and(eq(systemUserRequests.organisationId, organisationId), eq(systemUserRequests.externalId, externalId)));
  return row ?? null;
}

/** Whether another organisation registration holds this Altinn request (the same orgnr registered twice). */
export async function isSystemUserRequestHeldElsewhere(db: DbOrTx, organisationId: string, externalId: string) {
  const [row] = await db
    .select({ id: systemUserRequests.id })
    .from(systemUserRequests)
    .where(and(ne(systemUserRequests.organisationId, organisationId), eq(systemUserRequests.externalId, externalId)))
    .limit(1);
  return Boolean(row);
}

export async function insertSystemUserRequest(
  db: DbOrTx,
  values: {
    organisationId: string;
    externalId: string;
    status: SystemUserRequestStatus;
    confirmUrl: string | null;
    rights: AltinnRight[];
    requestedBy: string | null;
    checkedAt: Date;
  },
) {
  const row = firstRow(
    await db
      .insert(systemUserRequests)
      .values({
        organisationId: values.organisationId,
        externalId: values.externalId,
        status: values.status,
        confirmUrl: values.confirmUrl,
        rights: values.rights,
        requestedBy: values.requestedBy,
        lastCheckedAt: values.checkedAt,
        decidedAt: values.status === "new" ? null : values.checkedAt,
      })
      .returning(),
  );
  return row;
}

/**
 * An accepted system user that was set up outside this app (the demo organisations, whose
 * sandbox system users exist from the start, and test fixtures).
 */
export async function insertPreapprovedSystemUser(db: DbOrTx, organisationId: string) {
  return insertSystemUserRequest(db, {
    organisationId,
    externalId: randomUUID(),
    status: "accepted",
    confirmUrl: null,
    rights: REPORTING_RIGHTS,
    requestedBy: null,
    checkedAt: new Date(),
  });
}

/** The pending request, locked so concurrent polls record one status change, not two. */
export async function lockPendingRequest(tx: DbOrTx, organisationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(systemUserRequests)
    .where(
      and(
        eq(systemUserRequests.organisationId, organisationId),
        eq(systemUserRequests.id, id),
        eq(systemUserRequests.status, "new"),
      ),
    )
    .for("update");
  return row ?? null;
}

export async function recordStatusCheck(
  tx: DbOrTx,
  organisationId: string,
  id: string,
  status: SystemUserRequestStatus,
  checkedAt: Date,
) {
  await tx
    .update(systemUserRequests)
    .set({ status, lastCheckedAt: checkedAt, decidedAt: status === "new" ? null : checkedAt })
    .where(and(eq(systemUserRequests.organisationId, organisationId), eq(systemUserRequests.id, id)));
}
