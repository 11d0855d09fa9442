import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseAuditListFilter } from "@/lib/audit/audit-filter";
import { listAuditEntries } from "@/lib/audit/queries";
import { createSession } from "@/lib/auth/sessions";
import { auditLog, users } from "@/lib/db/schema";
import { connectTestDb, createTestOrganisation, createTestUser, uniqueEmail } from "@/lib/testing/test-db";
import { createUser, setUserActiveAs, type UserManager, updateUser } from "./manage-users";
import { findSessionUser, listUserOrganisationIds, replaceUserOrganisations } from "./queries";
import { createUserSchema, updateUserSchema } from "./validation";

const db = connectTestDb();

/** An admin granted `count` organisations of their own, and a user inside them. */
async function setUp() {
  const a = await createTestUser(db, "admin");
  const orgA = await createTestOrganisation(db, a.id);
  const orgB = await createTestOrganisation(db, null);
  const admin: UserManager = { id: a.id, email: a.email, role: "admin", organisationIds: [orgA.id] };
  const inside = await createTestUser(db, "manager");
  await replaceUserOrganisations(db, inside.id, [orgA.id], [orgA.id]);
  const straddling = await createTestUser(db, "admin");
  await replaceUserOrganisations(db, straddling.id, [orgA.id, orgB.id], [orgA.id, orgB.id]);
  const outside = await createTestUser(db, "support");
  await replaceUserOrganisations(db, outside.id, [orgB.id], [orgB.id]);
  return { admin, orgA, orgB, inside, straddling, outside };
}

const snapshot = async (userId: string) => {
  const [row] = await db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId));
  return { ...row, organisationIds: (await listUserOrganisationIds(db, userId)).sort() };
};

describe("managing users within the admin's organisations (real PostgreSQL)", () => {
  it("refuses, as not found, changing or deactivating a user with an organisation the admin lacks, and changes nothing", async () => {
    const s = await setUp();
    for (const target of [s.straddling, s.outside]) {
      const before = await snapshot(target.id);
      await expect(
        db.transaction((tx) =>
          updateUser(tx, s.admin, { userId: target.id, role: "manager", organisationIds: [s.orgA.id] }),
        ),
      ).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(
        db.transaction((tx) => setUserActiveAs(tx, s.admin, { userId: target.id, active: false })),
      ).rejects.toMatchObject({ code: "not_found" });
      expect(await snapshot(target.id)).toEqual(before);
    }
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, s.admin.id));
    expect(audit).toEqual([]);
  });

  it("grants only the admin's own organisations, and never none", async () => {
    const s = await setUp();
    await expect(
      db.transaction((tx) =>
        updateUser(tx, s.admin, { userId: s.inside.id, role: "support", organisationIds: [s.orgA.id, s.orgB.id] }),
      ),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { organisationIds: ["organisationInvalid"] } });
    expect(await snapshot(s.inside.id)).toEqual({ role: "manager", active: true, organisationIds: [s.orgA.id] });
    await expect(
      db.transaction((tx) =>
        createUser(
          tx,
          s.admin,
          createUserSchema.parse({ email: uniqueEmail(), name: "Ny", role: "admin", organisationIds: [s.orgB.id] }),
          null,
        ),
      ),
    ).rejects.toMatchObject({ code: "validation" });
    expect(
      updateUserSchema.safeParse({ userId: s.inside.id, role: "manager", organisationIds: [] }).error?.issues[0]
        ?.message,
    ).toBe("organisationRequired");
    expect(createUserSchema.safeParse({ email: uniqueEmail(), name: "Ny", role: "manager" }).success).toBe(false);
  });

  it("ends the user's sessions on deactivation and on a role change, not on a change of organisations alone", async () => {
    const s = await setUp();
    const first = await createSession(db, s.inside.id);
    await db.transaction((tx) =>
      updateUser(tx, s.admin, { userId: s.inside.id, role: "manager", organisationIds: [s.orgA.id] }),
    );
    expect(await findSessionUser(db, first, s.inside.id)).not.toBeNull();
    await db.transaction((tx) =>
      updateUser(tx, s.admin, { userId: s.inside.id, role: "support", organisationIds: [s.orgA.id] }),
    );
    expect(await findSessionUser(db, first, s.inside.id)).toBeNull();

    const second = await createSession(db, s.inside.id);
    await db.transaction((tx) => setUserActiveAs(tx, s.admin, { userId: s.inside.id, active: false }));
    await db.transaction((tx) => setUserActiveAs(tx, s.admin, { userId: s.inside.id, active: true }));
    expect(await findSessionUser(db, second, s.inside.id)).toBeNull();
  });

  it("records each change with the user's organisations before and after, visible only to readers with all of them", async () => {
    const s = await setUp();
    const wide: UserManager = { ...s.admin, organisationIds: [s.orgA.id, s.orgB.id] };
    await replaceUserOrganisations(db, wide.id, [s.orgB.id], [s.orgB.id]);
    await db.transaction((tx) =>
      updateUser(tx, wide, { userId: s.inside.id, role: "manager", organisationIds: [s.orgB.id] }),
    );
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.update"), eq(auditLog.targetId, s.inside.id)));
    expect([...entry!.organisationIds].sort()).toEqual([s.orgA.id, s.orgB.id].sort());

    const seen = async (organisationIds: string[]) =>
      (
        await listAuditEntries(db, { organisationIds, includeDetails: true }, parseAuditListFilter({ q: s.inside.id }))
      ).rows.map((r) => r.id);
    expect(await seen([s.orgA.id])).toEqual([]);
    expect(await seen([s.orgB.id])).toEqual([]);
    expect(await seen([s.orgA.id, s.orgB.id])).toEqual([entry!.id]);
  });
});
