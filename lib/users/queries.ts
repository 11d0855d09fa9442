import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { userOrganisations, users, type Role } from "@/lib/db/schema";

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function findActiveUserWithAccess(db: DbOrTx, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const access = await db
    .select({ organisationId: userOrganisations.organisationId })
    .from(userOrganisations)
    .where(eq(userOrganisations.userId, userId));
  return { ...user, organisationIds: access.map((a) => a.organisationId) };
}

/**
 * Users for the administration page, each with the organisations they may see. Only the
 * grants within `visibleOrganisationIds` are listed, so an admin never learns of organisations
 * outside their own access.
 */
export async function listUsersWithAccess(db: DbOrTx, visibleOrganisationIds: string[]) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      hasPassword: users.passwordHash,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email));
  const grants = visibleOrganisationIds.length
    ? await db
        .select({ userId: userOrganisations.userId, organisationId: userOrganisations.organisationId })
        .from(userOrganisations)
        .where(inArray(userOrganisations.organisationId, visibleOrganisationIds))
    : [];
  return rows.map(({ hasPassword, ...u }) => ({
    ...u,
    hasPassword: hasPassword !== null,
    organisationIds: grants.filter((g) => g.userId === u.id).map((g) => g.organisationId),
  }));
}

export async function insertUser(
  db: DbOrTx,
  values: { email: string; name: string; role: Role; passwordHash: string | null },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return row ?? null;
}

export async function updateUserRole(db: DbOrTx, userId: string, role: Role) {
  const [row] = await db
    .update(users)
    .set({ role, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return row ?? null;
}

export async function setUserActive(db: DbOrTx, userId: string, active: boolean) {
  const [row] = await db
    .update(users)
    .set({ active, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id, email: users.email });
  return row ?? null;
}

/**
 * Replaces the user's grants within `scope` (the organisations the acting admin may see);
 * grants outside the scope are left as they are.
 */
export async function replaceUserOrganisations(
  db: DbOrTx,
  userId: string,
  organisationIds: string[],
  scope: string[],
) {
  if (scope.length > 0) {
    await db
      .delete(userOrganisations)
      .where(and(eq(userOrganisations.userId, userId), inArray(userOrganisations.organisationId, scope)));
  }
  const allowed = organisationIds.filter((id) => scope.includes(id));
  if (allowed.length > 0) {
    await db
      .insert(userOrganisations)
      .values(allowed.map((organisationId) => ({ userId, organisationId })))
      .onConflictDoNothing();
  }
  return allowed;
}
