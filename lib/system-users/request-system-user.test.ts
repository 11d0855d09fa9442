import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, userActor } from "@/lib/audit/audit-events";
import { auditLog, submissions, systemUserRequests } from "@/lib/db/schema";
import { type OnboardingSandbox, startOnboardingSandbox } from "@/lib/sandbox/altinn/system-user-requests/test-fixture";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { listOrganisationsWithSystemUser } from "./queries";
import { refreshPendingSystemUserRequests } from "./refresh-requests";
import { requestSystemUser } from "./request-system-user";

const db = connectTestDb();
let s: OnboardingSandbox;
beforeAll(async () => {
  s = await startOnboardingSandbox();
});
afterAll(() => s.close());

async function newOrganisation() {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id, { systemUser: "none" });
  return { user, org };
}

const requestsOf = (organisationId: string) =>
  db
    .select()
    .from(systemUserRequests)
    .where(eq(systemUserRequests.organisationId, organisationId))
    .orderBy(asc(systemUserRequests.createdAt));
const auditOf = (organisationId: string) =>
  db.select().from(auditLog).where(eq(auditLog.organisationId, organisationId)).orderBy(asc(auditLog.id));

async function customerAnswers(altinnRequestId: string, answer: "accept" | "reject") {
  expect(
    (await fetch(`${s.altinn.url}/__control/system-user-requests/${altinnRequestId}/${answer}`, { method: "POST" }))
      .status,
  ).toBe(200);
}

describe("onboarding an organisation (real PostgreSQL, sandbox Altinn over HTTP)", () => {
  it("requests a system user, records the customer's acceptance once, and only then lets reports be queued", async () => {
    const { user, org } = await newOrganisation();
    const queue = () =>
      db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "oar",
          subject: "OPP-1",
          payload: testPayload("oar"),
          queue: true,
        }),
      );

    const result = await requestSystemUser(db, s.client(), user, org);
    expect(result).toMatchObject({
      outcome: "requested",
      confirmUrl: expect.stringContaining("/accessmanagement/ui/systemuser/request?id="),
    });
    const [row] = await requestsOf(org.id);
    expect(row).toMatchObject({ status: "new", requestedBy: user.id, decidedAt: null });
    const [requested] = await auditOf(org.id);
    expect(requested).toMatchObject({ action: "system_user.request", actorId: user.id, targetId: org.id });
    expect(requested!.details).toMatchObject({
      orgnr: org.orgnr,
      altinnRequestId: row!.externalId,
      resources: ["ske-innrapportering-amelding", "ske-innrapportering-oppdragsregisteret"],
    });
    await expect(queue()).rejects.toMatchObject({ messageKey: "systemUsers.errors.submitWithoutSystemUser" });

    expect(await refreshPendingSystemUserRequests(db, s.client(), userActor(user), [org.id])).toMatchObject({
      checked: 1,
      changed: 0,
    });
    expect((await requestsOf(org.id))[0]!.lastCheckedAt).not.toBeNull();

    await customerAnswers(row!.externalId, "accept");
    expect(await refreshPendingSystemUserRequests(db, s.client(), SYSTEM_ACTOR, [org.id])).toMatchObject({
      checked: 1,
      changed: 1,
    });
    expect(await refreshPendingSystemUserRequests(db, s.client(), SYSTEM_ACTOR, [org.id])).toMatchObject({
      checked: 0,
      changed: 0,
    });
    const [accepted] = await requestsOf(org.id);
    expect(accepted).toMatchObject({ status: "accepted", decidedAt: expect.any(Date) });
    const changes = (await auditOf(org.id)).filter((a) => a.action === "system_user.status_change");
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actorId: null,
      details: expect.objectContaining({ from: "new", to: "accepted", altinnStatus: "Accepted" }),
    });
    const [listed] = await listOrganisationsWithSystemUser(db, [org.id]);
    expect(listed!.request!.status).toBe("accepted");

    await queue();
    expect(
      await db
        .select()
        .from(submissions)
        .where(and(eq(submissions.organisationId, org.id), eq(submissions.status, "queued"))),
    ).toHaveLength(1);
  });

  it("saves nothing when Altinn refuses, and returns its answer decoded", async () => {
    const { user, org } = await newOrganisation();
    const result = await requestSystemUser(db, s.client("310900400_unknown"), user, org);
    expect(result).toMatchObject({
      outcome: "failed",
      error: { kind: "rejected", httpStatus: 400, code: "AUTH-00011" },
    });
    expect(await requestsOf(org.id)).toHaveLength(0);
    expect(await auditOf(org.id)).toHaveLength(0);
  });

  it("refuses a second request while one is pending; after a rejection a new one replaces it", async () => {
    const { user, org } = await newOrganisation();
    await requestSystemUser(db, s.client(), user, org);
    await expect(requestSystemUser(db, s.client(), user, org)).rejects.toMatchObject({
      messageKey: "systemUsers.errors.alreadyRequested",
    });

    const [first] = await requestsOf(org.id);
    await customerAnswers(first!.externalId, "reject");
    await refreshPendingSystemUserRequests(db, s.client(), userActor(user), [org.id]);
    expect((await requestsOf(org.id))[0]!.status).toBe("rejected");

    // Altinn keeps the rejected request in the way (AUTH-00009) until it is deleted; the app does that.
    expect(await requestSystemUser(db, s.client(), user, org)).toMatchObject({ outcome: "requested" });
    const rows = await requestsOf(org.id);
    expect(rows.map((r) => r.status)).toEqual(["rejected", "new"]);
    const renewed = (await auditOf(org.id)).filter((a) => a.action === "system_user.request").at(-1);
    expect(renewed!.details).toMatchObject({ replacesRejectedRequest: first!.externalId });
  });

  it("takes over a request Altinn already has for the organisation instead of failing", async () => {
    const { user, org } = await newOrganisation();
    const existing = await s.client().create({ partyOrgNo: org.orgnr });
    const result = await requestSystemUser(db, s.client(), user, org);
    expect(result).toMatchObject({ outcome: "requested", confirmUrl: existing.confirmUrl });
    expect((await requestsOf(org.id)).map((r) => r.externalId)).toEqual([existing.id]);
    expect((await auditOf(org.id))[0]!.details).toMatchObject({ adoptedExistingRequest: true });
  });

  it("refuses a request for an organisation that already has an accepted system user", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    await expect(requestSystemUser(db, s.client(), user, org)).rejects.toMatchObject({
      messageKey: "systemUsers.errors.alreadyAccepted",
    });
  });
});
