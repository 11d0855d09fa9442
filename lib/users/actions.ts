"use server";

import { revalidatePath } from "next/cache";
import { SafeError } from "@/lib/actions/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import {
  insertUser,
  replaceUserOrganisations,
  setUserActive,
  updateUserRole,
} from "./queries";
import { createUserSchema, setUserActiveSchema, updateUserSchema } from "./validation";

export const createUserAction = defineAction(
  { name: "createUser", permission: "user:manage", schema: createUserSchema },
  async (input, { user, db }) => {
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
        details: { email: input.email, role: input.role, organisationIds: granted, password: Boolean(passwordHash) },
      });
      return row;
    });
    revalidatePath("/brukere");
    return created;
  },
);

export const updateUserAction = defineAction(
  { name: "updateUser", permission: "user:manage", schema: updateUserSchema },
  async (input, { user, db }) => {
    if (input.userId === user.id && input.role !== user.role) {
      // Demoting yourself could leave nobody able to manage users.
      throw new SafeError("conflict", "errors.cannotChangeOwnRole");
    }
    await db.transaction(async (tx) => {
      const row = await updateUserRole(tx, input.userId, input.role);
      if (!row) throw new SafeError("not_found", "errors.notFound");
      const granted = await replaceUserOrganisations(tx, input.userId, input.organisationIds, user.organisationIds);
      await recordAudit(tx, user, {
        action: "user.update",
        targetType: "user",
        targetId: input.userId,
        details: { role: input.role, organisationIds: granted },
      });
    });
    revalidatePath("/brukere");
    return { userId: input.userId };
  },
);

export const setUserActiveAction = defineAction(
  { name: "setUserActive", permission: "user:manage", schema: setUserActiveSchema },
  async (input, { user, db }) => {
    if (input.userId === user.id && !input.active) {
      throw new SafeError("conflict", "errors.cannotDeactivateSelf");
    }
    await db.transaction(async (tx) => {
      const row = await setUserActive(tx, input.userId, input.active);
      if (!row) throw new SafeError("not_found", "errors.notFound");
      await recordAudit(tx, user, {
        action: input.active ? "user.activate" : "user.deactivate",
        targetType: "user",
        targetId: input.userId,
        details: { email: row.email },
      });
    });
    revalidatePath("/brukere");
    return { userId: input.userId, active: input.active };
  },
);
