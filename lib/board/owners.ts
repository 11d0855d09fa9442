import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { SafeError } from "@/lib/actions/action-result";
import { userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, users } from "@/lib/db/schema";
import { listManageableUsers, lockManageableUser } from "@/lib/users/queries";

export type OwnerCandidate = { id: string; name: string; organisationIds: string[] };

/**
 * Who an admin may make responsible for their organisations: the active users they may see and
 * manage (lib/users/queries.ts, listManageableUsers), each with the organisations they have.
 * An organisation's owner must have that organisation.
 */
export async function listOwnerCandidates(db: DbOrTx, adminOrganisationIds: string[]): Promise<OwnerCandidate[]> {
  const manageable = await listManageableUsers(db, adminOrganisationIds);
  return manageable
    .filter((u) => u.active)
    .map((u) => ({ id: u.id, name: u.name, organisationIds: u.organisationIds }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
}

/** The owners of the caller's organisations (the board's owner filter offers them). */
export async function listOwnersOf(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(organisations)
    .innerJoin(users, eq(users.id, organisations.ownerUserId))
    .where(and(inArray(organisations.id, organisationIds), isNotNull(organisations.ownerUserId)))
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * Makes `ownerUserId` (or no one, null) responsible for the organisation, audited in the same
 * transaction. Refused as not found when the organisation is not the admin's, or the user is one
 * the admin may not manage, is deactivated, or lacks the organisation.
 */
export async function setOrganisationOwner(
  tx: DbOrTx,
  admin: { id: string; email: string; organisationIds: string[] },
  input: { organisationId: string; ownerUserId: string | null },
) {
  if (!admin.organisationIds.includes(input.organisationId)) throw new SafeError("not_found", "errors.notFound");
  const [org] = await tx
    .select({ id: organisations.id, orgnr: organisations.orgnr, ownerUserId: organisations.ownerUserId })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId))
    .for("update");
  if (!org) throw new SafeError("not_found", "errors.notFound");
  if (input.ownerUserId) {
    const owner = await lockManageableUser(tx, input.ownerUserId, admin.organisationIds);
    if (!owner?.active || !owner.organisationIds.includes(org.id))
      throw new SafeError("validation", "board.ownerNotAllowed");
  }
  if (org.ownerUserId === input.ownerUserId) return { changed: false };
  await tx.update(organisations).set({ ownerUserId: input.ownerUserId }).where(eq(organisations.id, org.id));
  await recordAudit(tx, userActor(admin), {
    action: "organisation.set_owner",
    targetType: "organisation",
    targetId: org.id,
    organisationIds: [org.id],
    details: { orgnr: org.orgnr, ownerUserId: input.ownerUserId, fromOwnerUserId: org.ownerUserId },
  });
  return { changed: true };
}
