import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations, systemUserRequests } from "@/lib/db/schema";
import { type OnboardingSandbox, startOnboardingSandbox } from "@/lib/sandbox/altinn/system-user-requests/test-fixture";
import { HELD_ELSEWHERE_CODE, requestSystemUser } from "@/lib/system-users/request-system-user";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";
import { listOrganisationsForUser } from "./queries";
import { registerOrganisation } from "./register-organisation";

const db = connectTestDb();
let sandbox: OnboardingSandbox;
beforeAll(async () => {
  sandbox = await startOnboardingSandbox();
});
afterAll(() => sandbox.close());

async function admin() {
  const u = await createTestUser(db, "admin");
  return { ...u, organisationIds: [] as string[] };
}

const register = (a: Awaited<ReturnType<typeof admin>>, orgnr: string, name = "Ny AS") =>
  db
    .transaction((tx) => registerOrganisation(tx, a, { orgnr, name }))
    .then((row) => {
      a.organisationIds.push(row.id);
      return row;
    });

describe("registering an organisation (real PostgreSQL)", () => {
  it("answers alike whether or not another admin registered the orgnr, and keeps the registrations apart", async () => {
    const alice = await admin();
    const bob = await admin();
    const taken = randomOrgnr();
    const aliceOrg = await register(alice, taken, "Alices AS");

    const fresh = await register(bob, randomOrgnr());
    const elsewhere = await register(bob, taken, "Bobs AS");
    // The same answer (a new registration of bob's own) for both; nothing of alice's shows.
    expect(Object.keys(elsewhere).sort()).toEqual(Object.keys(fresh).sort());
    expect(elsewhere.id).not.toBe(aliceOrg.id);
    expect((await listOrganisationsForUser(db, bob.organisationIds)).map((o) => o.name).sort()).toEqual([
      "Bobs AS",
      "Ny AS",
    ]);
    expect((await listOrganisationsForUser(db, alice.organisationIds)).map((o) => o.name)).toEqual(["Alices AS"]);
    expect(await db.select().from(organisations).where(eq(organisations.orgnr, taken))).toHaveLength(2);

    // An orgnr among the admin's own organisations is refused at the field.
    await expect(register(bob, taken)).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { orgnr: ["orgnrTaken"] },
    });
  });

  it("never lets a second registration take over the system user another registration of the orgnr holds", async () => {
    const alice = await admin();
    const bob = await admin();
    const orgnr = randomOrgnr();
    const aliceOrg = await register(alice, orgnr);
    expect(await requestSystemUser(db, sandbox.client(), alice, aliceOrg)).toMatchObject({ outcome: "requested" });

    const bobOrg = await register(bob, orgnr);
    const result = await requestSystemUser(db, sandbox.client(), bob, bobOrg);
    expect(result).toMatchObject({ outcome: "failed", error: { code: HELD_ELSEWHERE_CODE } });
    expect(await db.select().from(systemUserRequests).where(eq(systemUserRequests.organisationId, bobOrg.id))).toEqual(
      [],
    );
    expect(
      await db.select().from(systemUserRequests).where(eq(systemUserRequests.organisationId, aliceOrg.id)),
    ).toHaveLength(1);
  });

  it("still lets the seed and tests create organisations without a creator", async () => {
    const org = await createTestOrganisation(db, null);
    expect(org.orgnr).toMatch(/^\d{9}$/);
  });
});
