import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, auditLog, userOrganisations, users } from "@/lib/db/schema";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "./api-keys";

const db = connectTestDb();

async function admin() {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id);
  return { ...user, organisationIds: [org.id], org };
}

const input = (organisationIds: string[]) => ({
  name: "Lønn",
  scopes: ["read" as const],
  organisationIds,
  expiresInDays: 30,
});

describe("API keys (real PostgreSQL)", () => {
  it("an admin creates keys only for their own organisations, and lists and revokes only keys of theirs", async () => {
    const a = await admin();
    const b = await admin();
    await expect(db.transaction((tx) => createApiKey(tx, a, input([b.org.id])))).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { organisationIds: ["organisationInvalid"] },
    });
    const created = await db.transaction((tx) => createApiKey(tx, a, input([a.org.id])));
    expect((await listApiKeys(db, a.organisationIds)).map((k) => k.id)).toContain(created.apiKeyId);
    expect((await listApiKeys(db, b.organisationIds)).map((k) => k.id)).not.toContain(created.apiKeyId);
    await expect(db.transaction((tx) => revokeApiKey(tx, b, created.apiKeyId))).rejects.toMatchObject({
      code: "not_found",
    });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, created.apiKeyId));
    expect(audit?.action).toBe("api_key.create");
    expect(JSON.stringify(audit?.details)).not.toContain(created.key);
  });

  it("a key stops working when its creator is deactivated, and loses an organisation its creator loses", async () => {
    const a = await admin();
    const second = await createTestOrganisation(db, a.id);
    const { key } = await db.transaction((tx) =>
      createApiKey(tx, { ...a, organisationIds: [a.org.id, second.id] }, input([a.org.id, second.id])),
    );
    const caller = await authenticateApiKey(db, `Bearer ${key}`);
    expect(caller.ok && caller.caller.organisationIds.sort()).toEqual([a.org.id, second.id].sort());
    await db.delete(userOrganisations).where(eq(userOrganisations.organisationId, second.id));
    const narrowed = await authenticateApiKey(db, `Bearer ${key}`);
    expect(narrowed.ok && narrowed.caller.organisationIds).toEqual([a.org.id]);
    await db.update(users).set({ active: false }).where(eq(users.id, a.id));
    expect(await authenticateApiKey(db, `Bearer ${key}`)).toEqual({ ok: false, refusal: "invalid" });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.createdBy, a.id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });
});
