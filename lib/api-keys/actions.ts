"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createApiKey, revokeApiKey } from "./api-keys";
import { createApiKeySchema, revokeApiKeySchema } from "./validation";

/** Creates a key for organisations the admin has; the answer carries the key, shown once. */
export const createApiKeyAction = defineAction(
  { name: "createApiKey", permission: "api_key:manage", schema: createApiKeySchema },
  async (input, { user, db }) => {
    const created = await db.transaction((tx) => createApiKey(tx, user, input));
    revalidatePath("/api-nokler");
    return created;
  },
);

/** Revokes a key all of whose organisations the admin has; others are not found. */
export const revokeApiKeyAction = defineAction(
  { name: "revokeApiKey", permission: "api_key:manage", schema: revokeApiKeySchema },
  async (input, { user, db }) => {
    const revoked = await db.transaction((tx) => revokeApiKey(tx, user, input.apiKeyId));
    revalidatePath("/api-nokler");
    return revoked;
  },
);
