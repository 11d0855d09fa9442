import { describe, expect, it } from "vitest";
import { createTestOrganisation, createTestUser, useTestDb } from "@/lib/testing/test-db";
import { findActiveUserWithAccess, listUsersWithAccess, replaceUserOrganisations, setUserActive } from "./queries";

const db = useTestDb();

describe("user ↔ organisation access (real PostgreSQL)", () => {
  it("changes grants only within the acting admin's own organisations", async () => {
    const admin = await createTestUser(db, "admin");
    const target = await createTestUser(db, "support");
    const mine = await createTestOrganisation(db, admin.id);
    const notMine = await createTestOrganisation(db, null);
    await replaceUserOrganisations(db, target.id, [notMine.id], [notMine.id]); // granted by someone else

    const granted = await replaceUserOrganisations(db, target.id, [mine.id, notMine.id], [mine.id]);
    expect(granted).toEqual([mine.id]);
    const access = await findActiveUserWithAccess(db, target.id);
    expect(access!.organisationIds.sort()).toEqual([mine.id, notMine.id].sort());

    // Removing everything within my scope keeps the grant I could not see.
    await replaceUserOrganisations(db, target.id, [], [mine.id]);
    expect((await findActiveUserWithAccess(db, target.id))!.organisationIds).toEqual([notMine.id]);
  });

  it("lists only grants within the viewer's organisations", async () => {
    const admin = await createTestUser(db, "admin");
    const target = await createTestUser(db, "manager");
    const mine = await createTestOrganisation(db, admin.id);
    const hidden = await createTestOrganisation(db, target.id);
    await replaceUserOrganisations(db, target.id, [mine.id], [mine.id]);
    const rows = await listUsersWithAccess(db, [mine.id]);
    const row = rows.find((r) => r.id === target.id)!;
    expect(row.organisationIds).toEqual([mine.id]);
    expect(row.organisationIds).not.toContain(hidden.id);
  });

  it("treats a deactivated user as signed out", async () => {
    const u = await createTestUser(db, "admin");
    expect(await findActiveUserWithAccess(db, u.id)).not.toBeNull();
    await setUserActive(db, u.id, false);
    expect(await findActiveUserWithAccess(db, u.id)).toBeNull();
  });
});
