import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { type Role, sessions, userOrganisations, users } from "@/lib/db/schema";

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

/**
 * The user of a live session: the session must exist and not have run out, and the user must be
 * active. One query for both, then the user's organisations.
 */
export async function findSessionUser(db: DbOrTx, sessionId: string, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    );
  if (!user) return null;
  return { ...user, organisationIds: await listUserOrganisationIds(db, userId) };
}

export async function listUserOrganisationIds(db: DbOrTx, userId: string) {
  const access = await db
    .select({ organisationId: userOrganisations.organisationId })
    .from(userOrganisations)
    .where(eq(userOrganisations.userId, userId));
  return access.map((a) => a.organisationId);
}

/**
 * The users an admin may see and manage: those with at least one organisation, every one of them
 * among `adminOrganisationIds`. A user with an organisation the admin lacks belongs (also) to
 * someone else and is not listed; a user with no organisation is listed to no admin.
 */
export async function listManageableUsers(db: DbOrTx, adminOrganisationIds: string[]) {
  if (adminOrganisationIds.length === 0) return [];
  const within = sql`${userOrganisations.organisationId} = any(${sql.param(adminOrganisationIds)}::uuid[])`;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
      organisationIds: sql<
        string[]
      >`array_agg(${userOrganisations.organisationId} order by ${userOrganisations.organisationId})`,
    })
    .from(users)
    .innerJoin(userOrganisations, eq(userOrganisations.userId, users.id))
    .groupBy(users.id)
    .having(sql`bool_and(${within})`)
    .orderBy(asc(users.email));
  return rows;
}

/**
 * The user, locked for the rest of the transaction, if `adminOrganisationIds` covers every one of
 * their organisations (and they have one); otherwise null, as for a user that does not exist.
 * The lock serialises concurrent changes by admins, so the check holds until the change commits.
 */
export async function lockManageableUser(tx: DbOrTx, userId: string, adminOrganisationIds: string[]) {
  const [user] = await tx
    .select({ id: users.id, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!user) return null;
  const grants = await tx
    .select({ organisationId: userOrganisations.organisationId })
    .from(userOrganisations)
    .where(eq(userOrganisations.userId, userId));
  const organisationIds = grants.map((g) => g.organisationId);
  if (organisationIds.length === 0 || !organisationIds.every((id) => adminOrganisationIds.includes(id))) return null;
  return { ...user, organisationIds };
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
export async function replaceUserOrganisations(db: DbOrTx, userId: string, organisationIds: string[], scope: string[]) {
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
