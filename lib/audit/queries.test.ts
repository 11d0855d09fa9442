import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "@/lib/db/schema";
import { storeAuditEntry } from "@/lib/testing/audit-entries";
import { connectTestDb, createTestOrganisation, createTestUser, uniqueEmail } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { SEED_ACTOR } from "./audit-events";
import { parseAuditListFilter } from "./audit-filter";
import { listAuditEntries } from "./queries";
import { recordAudit } from "./record-audit";

const db = connectTestDb();

describe("audit log (real PostgreSQL)", () => {
  it("shows a user only entries about organisations they may see (and none about others)", async () => {
    const actor = await createTestUser(db, "admin");
    const visible = await createTestOrganisation(db, actor.id);
    const hidden = await createTestOrganisation(db, null);
    const marker = `test.${Date.now()}`;
    await storeAuditEntry(db, actor, { action: marker, targetType: "organisation", organisationIds: [visible.id] });
    await storeAuditEntry(db, actor, { action: marker, targetType: "organisation", organisationIds: [hidden.id] });
    const { rows } = await listAuditEntries(
      db,
      { organisationIds: [visible.id], includeDetails: true },
      parseAuditListFilter({ action: marker }),
    );
    expect(rows.map((r) => r.organisationName)).toEqual([visible.name]);
  });

  it("keeps a change and its audit row together: a failed transaction leaves neither", async () => {
    const email = uniqueEmail("rollback");
    await expect(
      db.transaction(async (tx) => {
        const row = await insertUser(tx, { email, name: "X", role: "manager", passwordHash: null });
        await recordAudit(tx, SEED_ACTOR, {
          action: "user.create",
          targetType: "user",
          targetId: row!.id,
          organisationIds: [],
          details: { email, role: "manager" },
        });
        throw new Error("simulated failure after both writes");
      }),
    ).rejects.toThrow("simulated failure");
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(
      (await db.select().from(auditLog).where(eq(auditLog.action, "user.create"))).filter(
        (r) => (r.details as { email?: string }).email === email,
      ),
    ).toHaveLength(0);
  });
});
