import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, organisations, users } from "@/lib/db/schema";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { replaceUserOrganisations } from "@/lib/users/queries";
import { listOwnerCandidates, setOrganisationOwner } from "./owners";

const db = connectTestDb();

/** An admin with orgA and orgC; a user inside orgA, one inside orgC only, one straddling orgA and orgB (the admin lacks orgB). */
async function setUp() {
  const a = await createTestUser(db, "admin");
  const orgA = await createTestOrganisation(db, a.id);
  const orgC = await createTestOrganisation(db, a.id);
  const orgB = await createTestOrganisation(db, null);
  const admin = { id: a.id, email: a.email, organisationIds: [orgA.id, orgC.id] };
  const inside = await createTestUser(db, "manager");
  await replaceUserOrganisations(db, inside.id, [orgA.id], [orgA.id]);
  const onlyC = await createTestUser(db, "manager");
  await replaceUserOrganisations(db, onlyC.id, [orgC.id], [orgC.id]);
  const straddling = await createTestUser(db, "admin");
  await replaceUserOrganisations(db, straddling.id, [orgA.id, orgB.id], [orgA.id, orgB.id]);
  return { admin, orgA, orgB, orgC, inside, onlyC, straddling };
}

const ownerOf = async (organisationId: string) =>
  (
    await db
      .select({ owner: organisations.ownerUserId })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
  )[0]?.owner;
const ownerAudits = (organisationId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "organisation.set_owner"), eq(auditLog.targetId, organisationId)));

describe("organisation owners on the board (real PostgreSQL)", () => {
  it("sets and clears the owner, each change audited with the organisation", async () => {
    const s = await setUp();
    await db.transaction((tx) =>
      setOrganisationOwner(tx, s.admin, { organisationId: s.orgA.id, ownerUserId: s.inside.id }),
    );
    expect(await ownerOf(s.orgA.id)).toBe(s.inside.id);
    await db.transaction((tx) => setOrganisationOwner(tx, s.admin, { organisationId: s.orgA.id, ownerUserId: null }));
    expect(await ownerOf(s.orgA.id)).toBeNull();
    const audits = await ownerAudits(s.orgA.id);
    expect(audits.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ownerUserId: s.inside.id, fromOwnerUserId: null }),
        expect.objectContaining({ ownerUserId: null, fromOwnerUserId: s.inside.id }),
      ]),
    );
    expect(audits.every((e) => e.actorId === s.admin.id && e.organisationIds.includes(s.orgA.id))).toBe(true);
  });

  it("refuses, changing nothing, an organisation outside the admin's, or an owner the admin may not manage or who lacks the organisation", async () => {
    const s = await setUp();
    const refused = [
      // Not the admin's organisation (even with a user of it).
      { organisationId: s.orgB.id, ownerUserId: s.straddling.id, code: "not_found" },
      // A user with an organisation the admin lacks: not the admin's to assign.
      { organisationId: s.orgA.id, ownerUserId: s.straddling.id, code: "validation" },
      // A user of the admin's, but without this organisation.
      { organisationId: s.orgA.id, ownerUserId: s.onlyC.id, code: "validation" },
    ];
    for (const { code, ...input } of refused) {
      await expect(db.transaction((tx) => setOrganisationOwner(tx, s.admin, input))).rejects.toMatchObject({ code });
      expect(await ownerOf(input.organisationId)).toBeNull();
      expect(await ownerAudits(input.organisationId)).toEqual([]);
    }
  });

  it("refuses a deactivated user as owner", async () => {
    const s = await setUp();
    await db.update(users).set({ active: false }).where(eq(users.id, s.inside.id));
    await expect(
      db.transaction((tx) =>
        setOrganisationOwner(tx, s.admin, { organisationId: s.orgA.id, ownerUserId: s.inside.id }),
      ),
    ).rejects.toMatchObject({ code: "validation" });
    expect(await ownerOf(s.orgA.id)).toBeNull();
  });

  it("offers as owners only active users the admin manages", async () => {
    const s = await setUp();
    const ids = (await listOwnerCandidates(db, s.admin.organisationIds)).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([s.admin.id, s.inside.id, s.onlyC.id]));
    expect(ids).not.toContain(s.straddling.id);
  });
});
