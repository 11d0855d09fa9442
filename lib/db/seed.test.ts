import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { connectTestDb, createTestLoginThrottle, randomClientIp } from "@/lib/testing/test-db";
import { listUserOrganisationIds } from "@/lib/users/queries";
import { isValidOrgnr } from "@/lib/validation/orgnr";
import { organisations, systemUserRequests, users } from "./schema";
import { DEMO_ORGANISATIONS, DEMO_USERS, seedDemo } from "./seed";

const db = connectTestDb();
const throttle = createTestLoginThrottle();

describe("seedDemo (real PostgreSQL)", () => {
  it("is idempotent and gives one working login per role with access to every demo organisation", async () => {
    await seedDemo(db, "demo-passord-1234");
    await seedDemo(db, "another-password-5678"); // must not duplicate or reset anything
    const orgs = await db
      .select()
      .from(organisations)
      .where(
        inArray(
          organisations.orgnr,
          DEMO_ORGANISATIONS.map((o) => o.orgnr),
        ),
      );
    expect(orgs).toHaveLength(DEMO_ORGANISATIONS.length);
    for (const o of orgs) expect(isValidOrgnr(o.orgnr)).toBe(true);
    // The sandbox has their system users from the start, so reports for them may be sent at once.
    const requests = await db
      .select()
      .from(systemUserRequests)
      .where(
        inArray(
          systemUserRequests.organisationId,
          orgs.map((o) => o.id),
        ),
      );
    expect(requests.map((r) => r.status)).toEqual(["accepted", "accepted", "accepted"]);
    const seeded = await db
      .select()
      .from(users)
      .where(
        inArray(
          users.email,
          DEMO_USERS.map((u) => u.email),
        ),
      );
    // One per role, and a second admin to approve under four-eyes (docs/four-eyes.md).
    expect(seeded.map((u) => u.role).sort()).toEqual(["admin", "admin", "manager", "support"]);
    for (const u of DEMO_USERS) {
      const r = await authenticate(db, throttle, u.email, "demo-passord-1234", randomClientIp());
      expect(r.ok).toBe(true);
      const access = await listUserOrganisationIds(db, (r as { user: { id: string } }).user.id);
      expect(access.sort()).toEqual(orgs.map((o) => o.id).sort());
    }
  });
});
