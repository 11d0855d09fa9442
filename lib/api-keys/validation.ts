import { z } from "zod/mini";

/**
 * What an API key may do (the api_keys.scopes column). Here rather than in lib/db/schema.ts, which
 * the browser must not load (drizzle is 12 KB gzip): the form lists them.
 */
export const API_KEY_SCOPES = ["read", "submit"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Longest a key may live; a key is never without an expiry. */
export const API_KEY_MAX_DAYS = 366;

// Messages are keys into `validation.*`, so the browser and the server show the same text.
export const createApiKeySchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(100, { message: "tooLong" })),
  scopes: z.pipe(
    z
      ._default(
        z.array(z.enum(API_KEY_SCOPES, { message: "scopeInvalid" })).check(z.maxLength(API_KEY_SCOPES.length)),
        [],
      )
      .check(z.refine((s) => s.length > 0, { message: "scopeRequired" })),
    z.transform((s) => API_KEY_SCOPES.filter((scope) => s.includes(scope))),
  ),
  organisationIds: z
    ._default(z.array(z.uuid({ message: "organisationInvalid" })).check(z.maxLength(1000, { message: "tooLong" })), [])
    .check(z.refine((ids) => ids.length > 0, { message: "organisationRequired" })),
  expiresInDays: z.coerce
    .number({ message: "expiryInvalid" })
    .check(
      z.int({ message: "expiryInvalid" }),
      z.gte(1, { message: "expiryInvalid" }),
      z.lte(API_KEY_MAX_DAYS, { message: "expiryInvalid" }),
    ),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ apiKeyId: z.uuid({ message: "required" }) });
