import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

// Messages are keys into `validation.*` so the browser and the server show the same text.
const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "emailInvalid" }));
const name = z.string().trim().min(1, { message: "required" }).max(200, { message: "tooLong" });
const role = z.enum(ROLES, { message: "roleInvalid" });
// At least one: a user without an organisation would be visible to no admin (README, "Roles").
const organisationIds = z
  .array(z.uuid({ message: "organisationInvalid" }))
  .max(1000, { message: "tooLong" })
  .default([])
  .refine((ids) => ids.length > 0, { message: "organisationRequired" });
export const PASSWORD_MIN_LENGTH = 12;
const password = z.string().min(PASSWORD_MIN_LENGTH, { message: "passwordTooShort" }).max(200, { message: "tooLong" });

export const createUserSchema = z.object({
  email,
  name,
  role,
  // Optional: accounts without a password can only sign in through the organisation's OIDC.
  password: z.union([z.literal("").transform(() => undefined), password]).optional(),
  organisationIds,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.uuid({ message: "required" }),
  role,
  organisationIds,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({
  userId: z.uuid({ message: "required" }),
  active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
