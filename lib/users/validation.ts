import { z } from "zod/mini";
import { ROLES } from "@/lib/auth/permissions";

// Messages are keys into `validation.*` so the browser and the server show the same text.
const email = z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email({ message: "emailInvalid" }));
const name = z
  .string()
  .check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(200, { message: "tooLong" }));
const role = z.enum(ROLES, { message: "roleInvalid" });
// At least one: a user without an organisation would be visible to no admin (README, "Roles").
const organisationIds = z
  ._default(z.array(z.uuid({ message: "organisationInvalid" })).check(z.maxLength(1000, { message: "tooLong" })), [])
  .check(z.refine((ids) => ids.length > 0, { message: "organisationRequired" }));
export const PASSWORD_MIN_LENGTH = 12;
const password = z
  .string()
  .check(z.minLength(PASSWORD_MIN_LENGTH, { message: "passwordTooShort" }), z.maxLength(200, { message: "tooLong" }));

export const createUserSchema = z.object({
  email,
  name,
  role,
  // Optional: accounts without a password can only sign in through the organisation's OIDC.
  password: z.optional(
    z.union([
      z.pipe(
        z.literal(""),
        z.transform(() => undefined),
      ),
      password,
    ]),
  ),
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
  active: z.union([
    z.boolean(),
    z.pipe(
      z.enum(["true", "false"]),
      z.transform((v) => v === "true"),
    ),
  ]),
});
