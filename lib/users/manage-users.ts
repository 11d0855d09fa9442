import "server-only";
import { SafeError } from "@/lib/actions/action-result";
import { userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { DbOrTx } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { insertUser, lockManageableUser, replaceUserOrganisations, setUserActive, updateUserRole } from "./queries";
import type { CreateUserInput, UpdateUserInput } from "./validation";

/** The acting admin, as the actions pass the signed-in user. */
export type UserManager = { id: string; email: string; role: Role; organisationIds: string[] };

/** An admin grants only organisations they have themselves. */
function assertGrantable(organisationIds: string[], admin: UserManager) {
  if (!organisationIds.every((id) => admin.organisationIds.includes(id))) {
    throw new SafeError("validation", "errors.validation", { organisationIds: ["organisationInvalid"] });
  }
}

const notFound = () => new SafeError("not_found", "errors.notFound");

/** Creates a user with at least one of the admin's organisations (the schema requires one). */
export async function createUser(tx: DbOrTx, admin: UserManager, input: CreateUserInput, passwordHash: string | null) {
  assertGrantable(input.organisationIds, admin);
  const row = await insertUser(tx, { email: input.email, name: input.name, role: input.role, passwordHash });
  if (!row) throw new SafeError("conflict", "errors.validation", { email: ["emailTaken"] });
  const granted = await replaceUserOrganisations(tx, row.id, input.organisationIds, admin.organisationIds);
  await recordAudit(tx, userActor(admin), {
    action: "user.create",
    targetType: "user",
    targetId: row.id,
    organisationIds: granted,
    details: { email: input.email, role: input.role, organisationIds: granted, password: Boolean(passwordHash) },
  });
  return row;
}

/**
 * Changes a user's role and organisations. Only users whose every organisation the admin has may
 * be changed (any other answers "not found", revealing nothing), only to organisations the admin
 * has, and never to none: to take all access away, deactivate the user. A new role ends the
 * user's sessions, so it does not ride on a sign-in under the old one.
 */
export async function updateUser(tx: DbOrTx, admin: UserManager, input: UpdateUserInput) {
  const target = await lockManageableUser(tx, input.userId, admin.organisationIds);
  if (!target) throw notFound();
  if (input.userId === admin.id && input.role !== target.role) {
    // Demoting yourself could leave nobody able to manage users.
    throw new SafeError("conflict", "errors.cannotChangeOwnRole");
  }
  assertGrantable(input.organisationIds, admin);
  await updateUserRole(tx, input.userId, input.role);
  if (input.role !== target.role) await revokeUserSessions(tx, input.userId);
  const granted = await replaceUserOrganisations(tx, input.userId, input.organisationIds, admin.organisationIds);
  await recordAudit(tx, userActor(admin), {
    action: "user.update",
    targetType: "user",
    targetId: input.userId,
    // The user's organisations before and after: a reader must have all of them to see the entry.
    organisationIds: [...target.organisationIds, ...granted],
    details: {
      role: input.role,
      fromRole: target.role,
      organisationIds: granted,
      fromOrganisationIds: target.organisationIds,
    },
  });
}

/** (De)activates a user the admin may manage; deactivation ends the user's sessions at once. */
export async function setUserActiveAs(tx: DbOrTx, admin: UserManager, input: { userId: string; active: boolean }) {
  const target = await lockManageableUser(tx, input.userId, admin.organisationIds);
  if (!target) throw notFound();
  if (input.userId === admin.id && !input.active) throw new SafeError("conflict", "errors.cannotDeactivateSelf");
  await setUserActive(tx, input.userId, input.active);
  if (!input.active) await revokeUserSessions(tx, input.userId);
  await recordAudit(tx, userActor(admin), {
    action: input.active ? "user.activate" : "user.deactivate",
    targetType: "user",
    targetId: input.userId,
    organisationIds: target.organisationIds,
    details: { email: target.email },
  });
}
