"use server";

import { revalidatePath } from "next/cache";
import { SafeError } from "@/lib/actions/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import {
  insertUser,
  lockManageableUser,
  replaceUserOrganisations,
  setUserActive,
  updateUserRole,
} from "./queries";
import { createUserSchema, setUserActiveSchema, updateUserSchema } from "./validation";

/** An admin grants only organisations they have themselves. */
function assertGrantable(organisationIds: string[], adminOrganisationIds: string[]) {
  if (!organisationIds.every((id) => adminOrganisationIds.includes(id))) {
    throw new SafeError("validation", "errors.validation", { organisationIds: ["organisationInvalid"] });
  }
}

const notFound = () => new SafeError("not_found", "errors.notFound");

export const createUserAction = defineAction(
  { name: "createUser", permission: "user:manage", schema: createUserSchema },
  async (input, { user, db }) => {
    assertGrantable(input.organisationIds, user.organisationIds);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const created = await db.transaction(async (tx) => {
      const row = await insertUser(tx, {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
      });
      if (!row) throw new SafeError("conflict", "errors.validation", { email: ["emailTaken"] });
      const granted = await replaceUserOrganisations(tx, row.id, input.organisationIds, user.organisationIds);
      await recordAudit(tx, user, {
        action: "user.create",
        targetType: "user",
        targetId: row.id,
        organisationIds: granted,
        details: { email: input.email, role: input.role, organisationIds: granted, password: Boolean(passwordHash) },
      });
      return row;
    });
    revalidatePath("/brukere");
    return created;
  },
);

/**
 * Changes a user's role and organisations. Only users whose every organisation the admin has may
 * be changed (any other answers "not found", revealing nothing), only to organisations the admin
 * has, and never to none: to take all access away, deactivate the user.
 */
export const updateUserAction = defineAction(
  { name: "updateUser", permission: "user:manage", schema: updateUserSchema },
  async (input, { user, db }) => {
    await db.transaction(async (tx) => {
      const target = await lockManageableUser(tx, input.userId, user.organisationIds);
      if (!target) throw notFound();
      if (input.userId === user.id && input.role !== target.role) {
        // Demoting yourself could leave nobody able to manage users.
        throw new SafeError("conflict", "errors.cannotChangeOwnRole");
      }
      assertGrantable(input.organisationIds, user.organisationIds);
      await updateUserRole(tx, input.userId, input.role);
      // A new role must not ride on sessions signed in under the old one.
      if (input.role !== target.role) await revokeUserSessions(tx, input.userId);
      const granted = await replaceUserOrganisations(tx, input.userId, input.organisationIds, user.organisationIds);
      await recordAudit(tx, user, {
        action: "user.update",
        targetType: "user",
        targetId: input.userId,
        organisationIds: [...target.organisationIds, ...granted],
        details: { role: input.role, fromRole: target.role, organisationIds: granted, fromOrganisationIds: target.organisationIds },
      });
    });
    revalidatePath("/brukere");
    return { userId: input.userId };
  },
);

/** Deactivating ends the user's sessions at once; limited to the users the admin may manage. */
export const setUserActiveAction = defineAction(
  { name: "setUserActive", permission: "user:manage", schema: setUserActiveSchema },
  async (input, { user, db }) => {
    await db.transaction(async (tx) => {
      const target = await lockManageableUser(tx, input.userId, user.organisationIds);
      if (!target) throw notFound();
      if (input.userId === user.id && !input.active) {
        throw new SafeError("conflict", "errors.cannotDeactivateSelf");
      }
      await setUserActive(tx, input.userId, input.active);
      if (!input.active) await revokeUserSessions(tx, input.userId);
      await recordAudit(tx, user, {
        action: input.active ? "user.activate" : "user.deactivate",
        targetType: "user",
        targetId: input.userId,
        organisationIds: target.organisationIds,
        details: { email: target.email },
      });
    });
    revalidatePath("/brukere");
    return { userId: input.userId, active: input.active };
  },
);
