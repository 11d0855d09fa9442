import "server-only";
import { timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, notExists, notInArray, sql } from "drizzle-orm";
import { SafeError } from "@/lib/actions/action-result";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Permission } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import { apiKeyOrganisations, apiKeys, organisations, userOrganisations, users } from "@/lib/db/schema";
import { apiKeyDigest, apiKeyHint, apiKeyPublicId, generateApiKey } from "./key-format";
import type { ApiKeyScope, CreateApiKeyInput } from "./validation";

/**
 * API keys for the public API (/api/v1). A key belongs to a set of organisations and acts as the
 * admin who created it, within its scopes: it works only while that admin is active, and only for
 * the organisations of its set that the admin still has. Only the key's digest is stored; the key
 * is shown once, in the answer to its creation.
 */

/** What each scope lets a key do, as permissions of lib/auth/permissions.ts. */
const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  read: ["submission:read"],
  // A corrected version and a replacement are sends too (README, "Roles").
  submit: ["submission:edit", "submission:resend"],
};

export type ApiKeyPrincipal = AuditUser & { apiKeyId: string; permissions: readonly Permission[] };

/** A request's key, once checked: who it acts as, and where. */
export type ApiCaller = {
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
  organisationIds: string[];
  actor: ApiKeyPrincipal;
};

type Admin = AuditUser & { organisationIds: string[] };

export async function createApiKey(tx: DbOrTx, admin: Admin, input: CreateApiKeyInput) {
  // A key gets only organisations its creator has (the same rule as granting them to a user).
  if (input.organisationIds.some((id) => !admin.organisationIds.includes(id)))
    throw new SafeError("validation", "errors.validation", { organisationIds: ["organisationInvalid"] });
  const { key, publicId, secretHash } = generateApiKey();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000);
  const row = firstRow(
    await tx
      .insert(apiKeys)
      .values({ name: input.name, publicId, secretHash, scopes: input.scopes, expiresAt, createdBy: admin.id })
      .returning({ id: apiKeys.id }),
  );
  await tx
    .insert(apiKeyOrganisations)
    .values(input.organisationIds.map((organisationId) => ({ apiKeyId: row.id, organisationId })));
  await recordAudit(tx, userActor(admin), {
    action: "api_key.create",
    targetType: "api_key",
    targetId: row.id,
    organisationIds: input.organisationIds,
    details: {
      name: input.name,
      publicId,
      scopes: input.scopes,
      organisationIds: input.organisationIds,
      expiresAt: expiresAt.toISOString(),
    },
  });
  return { apiKeyId: row.id, key, hint: apiKeyHint(publicId), expiresAt: expiresAt.toISOString() };
}

/** Keys none of whose organisations is outside the admin's: an admin manages only those. */
function manageableBy(db: DbOrTx, organisationIds: string[]) {
  return notExists(
    db
      .select({ one: sql`1` })
      .from(apiKeyOrganisations)
      .where(
        and(
          eq(apiKeyOrganisations.apiKeyId, apiKeys.id),
          notInArray(apiKeyOrganisations.organisationId, organisationIds),
        ),
      ),
  );
}

export async function revokeApiKey(tx: DbOrTx, admin: Admin, apiKeyId: string) {
  if (admin.organisationIds.length === 0) throw new SafeError("not_found", "errors.notFound");
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()`, revokedBy: admin.id })
    .where(and(eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt), manageableBy(tx, admin.organisationIds)))
    .returning({ id: apiKeys.id, name: apiKeys.name, publicId: apiKeys.publicId });
  if (!row) throw new SafeError("not_found", "errors.notFound");
  const organisationIds = (
    await tx
      .select({ id: apiKeyOrganisations.organisationId })
      .from(apiKeyOrganisations)
      .where(eq(apiKeyOrganisations.apiKeyId, row.id))
  ).map((o) => o.id);
  await recordAudit(tx, userActor(admin), {
    action: "api_key.revoke",
    targetType: "api_key",
    targetId: row.id,
    organisationIds,
    details: { name: row.name, publicId: row.publicId },
  });
  return { apiKeyId: row.id };
}

/** The keys an admin manages (all of whose organisations they have), newest first; never a secret. */
export async function listApiKeys(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      publicId: apiKeys.publicId,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
      createdByEmail: users.email,
      organisationNames: sql<string[]>`array(select o.name from ${apiKeyOrganisations} ko
        join ${organisations} o on o.id = ko.organisation_id where ko.api_key_id = ${apiKeys.id} order by o.name)`,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .where(manageableBy(db, organisationIds))
    .orderBy(desc(apiKeys.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r, hint: apiKeyHint(r.publicId) }));
}

export type ApiKeyRefusal = "missing" | "invalid" | "expired" | "revoked";

// Compared against when no key has the public id, so an unknown id costs the same as a wrong secret.
const NO_KEY_DIGEST = apiKeyDigest("ir_live_0000000000000000_no-such-key");

/**
 * The caller of an API request from its `Authorization: Bearer <key>` header. The key is found by
 * its public id and its digest compared in constant time. Expired and revoked are told apart only
 * once the secret matched. Marks the key used.
 */
export async function authenticateApiKey(
  db: DbOrTx,
  authorization: string | null,
): Promise<{ ok: true; caller: ApiCaller } | { ok: false; refusal: ApiKeyRefusal }> {
  const presented = /^Bearer ([^\s]{1,200})$/.exec(authorization?.trim() ?? "")?.[1];
  if (!presented) return { ok: false, refusal: "missing" };
  const publicId = apiKeyPublicId(presented);
  if (!publicId) return { ok: false, refusal: "invalid" };
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      secretHash: apiKeys.secretHash,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: apiKeys.createdBy,
      creatorEmail: users.email,
      creatorActive: users.active,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.publicId, publicId));
  const matches = timingSafeEqual(
    Buffer.from(apiKeyDigest(presented), "hex"),
    Buffer.from(row?.secretHash ?? NO_KEY_DIGEST, "hex"),
  );
  if (!row || !matches || !row.creatorActive) return { ok: false, refusal: "invalid" };
  if (row.revokedAt) return { ok: false, refusal: "revoked" };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, refusal: "expired" };
  // The key's organisations that its creator still has.
  const organisationIds = (
    await db
      .select({ id: apiKeyOrganisations.organisationId })
      .from(apiKeyOrganisations)
      .innerJoin(
        userOrganisations,
        and(
          eq(userOrganisations.organisationId, apiKeyOrganisations.organisationId),
          eq(userOrganisations.userId, row.createdBy),
        ),
      )
      .where(eq(apiKeyOrganisations.apiKeyId, row.id))
  ).map((o) => o.id);
  await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, row.id));
  return {
    ok: true,
    caller: {
      keyId: row.id,
      name: row.name,
      scopes: row.scopes,
      organisationIds,
      actor: {
        id: row.createdBy,
        email: row.creatorEmail,
        apiKeyId: row.id,
        permissions: row.scopes.flatMap((s) => SCOPE_PERMISSIONS[s]),
      },
    },
  };
}
