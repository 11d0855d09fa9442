import { describe, expect, it } from "vitest";
import { createSession } from "@/lib/auth/sessions";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import {
  findSessionUser,
  listManageableUsers,
  listUserOrganisationIds,
  lockManageableUser,
  replaceUserOrganisations,
  setUserActive,
} from "./queries";

const db = connectTestDb();

describe("user ↔ organisation access (real PostgreSQL)", () => {
  it("changes grants only within the acting admin's own organisations", async () => {
    const admin = await createTestUser(db, "admin");
    const target = await createTestUser(db, "support");
    const mine = await createTestOrganisation(db, admin.id);
    const notMine = await createTestOrganisation(db, null);
    await replaceUserOrganisations(db, target.id, [notMine.id], [notMine.id]); // granted by someone else

    const granted = await replaceUserOrganisations(db, target.id, [mine.id, notMine.id], [mine.id]);
    expect(granted).toEqual([mine.id]);
    expect((await listUserOrganisationIds(db, target.id)).sort()).toEqual([mine.id, notMine.id].sort());

    // Removing everything within my scope keeps the grant I could not see.
    await replaceUserOrganisations(db, target.id, [], [mine.id]);
    expect(await listUserOrganisationIds(db, target.id)).toEqual([notMine.id]);
  });

  it("lets an admin see and manage only users whose every organisation the admin has", async () => {
    const admin = await createTestUser(db, "admin");
    const a = await createTestOrganisation(db, admin.id);
    const b = await createTestOrganisation(db, admin.id);
    const elsewhere = await createTestOrganisation(db, null);
    const inside = await createTestUser(db, "manager");
    await replaceUserOrganisations(db, inside.id, [a.id, b.id], [a.id, b.id]);
    const straddling = await createTestUser(db, "admin");
    await replaceUserOrganisations(db, straddling.id, [a.id, elsewhere.id], [a.id, elsewhere.id]);
    const outside = await createTestUser(db, "support");
    await replaceUserOrganisations(db, outside.id, [elsewhere.id], [elsewhere.id]);
    const orphan = await createTestUser(db, "support");

    const listed = await listManageableUsers(db, [a.id, b.id]);
    const ids = listed.map((u) => u.id);
    expect(ids).toContain(inside.id);
    expect(ids).toContain(admin.id);
    for (const hidden of [straddling, outside, orphan]) expect(ids).not.toContain(hidden.id);
    expect(listed.find((u) => u.id === inside.id)!.organisationIds.sort()).toEqual([a.id, b.id].sort());

    expect(await lockManageableUser(db, inside.id, [a.id, b.id])).toMatchObject({ id: inside.id, role: "manager" });
    for (const hidden of [straddling, outside, orphan])
      expect(await lockManageableUser(db, hidden.id, [a.id, b.id])).toBeNull();
    // An admin with one of the user's two organisations may not manage them either.
    expect(await lockManageableUser(db, inside.id, [a.id])).toBeNull();
    expect(await listManageableUsers(db, [])).toEqual([]);
  });

  it("treats a deactivated user's and an ended session's cookie as signed out", async () => {
    const u = await createTestUser(db, "admin");
    const sessionId = await createSession(db, u.id);
    expect(await findSessionUser(db, sessionId, u.id)).toMatchObject({ id: u.id, role: "admin" });
    const other = await createTestUser(db, "admin");
    expect(await findSessionUser(db, sessionId, other.id)).toBeNull();
    await setUserActive(db, u.id, false);
    expect(await findSessionUser(db, sessionId, u.id)).toBeNull();
  });
});
