"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { hashPassword } from "@/lib/auth/password";
import { createUser, setUserActiveAs, updateUser } from "./manage-users";
import { createUserSchema, setUserActiveSchema, updateUserSchema } from "./validation";

export const createUserAction = defineAction(
  { name: "createUser", permission: "user:manage", schema: createUserSchema },
  async (input, { user, db }) => {
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const created = await db.transaction((tx) => createUser(tx, user, input, passwordHash));
    revalidatePath("/brukere");
    return created;
  },
);

/** Limited to users whose every organisation the admin has (see manage-users.ts). */
export const updateUserAction = defineAction(
  { name: "updateUser", permission: "user:manage", schema: updateUserSchema },
  async (input, { user, db }) => {
    await db.transaction((tx) => updateUser(tx, user, input));
    revalidatePath("/brukere");
    return { userId: input.userId };
  },
);

export const setUserActiveAction = defineAction(
  { name: "setUserActive", permission: "user:manage", schema: setUserActiveSchema },
  async (input, { user, db }) => {
    await db.transaction((tx) => setUserActiveAs(tx, user, input));
    revalidatePath("/brukere");
    return { userId: input.userId, active: input.active };
  },
);
