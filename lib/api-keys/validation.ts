import { z } from "zod";
import { API_KEY_SCOPES } from "@/lib/db/schema";

/** Longest a key may live; a key is never without an expiry. */
export const API_KEY_MAX_DAYS = 366;

// Messages are keys into `validation.*`, so the browser and the server show the same text.
export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { message: "scopeInvalid" }))
    .max(API_KEY_SCOPES.length)
    .default([])
    .refine((s) => s.length > 0, { message: "scopeRequired" })
    .transform((s) => API_KEY_SCOPES.filter((scope) => s.includes(scope))),
  organisationIds: z
    .array(z.uuid({ message: "organisationInvalid" }))
    .max(1000, { message: "tooLong" })
    .default([])
    .refine((ids) => ids.length > 0, { message: "organisationRequired" }),
  expiresInDays: z.coerce
    .number({ message: "expiryInvalid" })
    .int({ message: "expiryInvalid" })
    .min(1, { message: "expiryInvalid" })
    .max(API_KEY_MAX_DAYS, { message: "expiryInvalid" }),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ apiKeyId: z.uuid({ message: "required" }) });
