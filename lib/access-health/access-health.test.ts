import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSystemUserRequestClient } from "@/lib/altinn/system-user-request-client";
import { parseBoardFilter } from "@/lib/board/board-filter";
import { getBoard } from "@/lib/board/board-query";
import { notifications, organisationAccessHealth, submissions, userOrganisations } from "@/lib/db/schema";
import { SANDBOX_SYSTEM_ID } from "@/lib/sandbox/maskinporten/sandbox-clients";
import { deliverSubmission } from "@/lib/submissions/engine/deliver";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { latestSystemUserRequest } from "@/lib/system-users/queries";
import { requestSystemUser } from "@/lib/system-users/request-system-user";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { testLeveranse, testOppdrag } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestUser } from "@/lib/testing/test-db";
import { getAccessHealth } from "./queries";

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;

beforeAll(async () => {
  h = await startEngineHarness(db, { organisations: 3 });
});
afterAll(() => h.close());

let month = 0;
/** Queues and delivers one A-melding for the organisation; a new month each time, so none replaces another. */
async function send(orgIndex: number) {
  const org = h.orgs[orgIndex]!;
  const leveranse = {
    ...testLeveranse(org.orgnr, h.orgs[(orgIndex + 1) % h.orgs.length]!.orgnr),
    kalendermaaned: `2025-${String(++month).padStart(2, "0")}`,
  };
  const { submissionId } = await db.transaction((tx) =>
    createSubmission(tx, h.user, {
      organisationId: org.id,
      kind: "amelding",
      subject: leveranse.kalendermaaned,
      payload: leveranse,
      queue: true,
    }),
  );
  return { submissionId, result: await deliverSubmission(h.deps, submissionId) };
}

/** The customer deletes the system user in the sandbox Altinn, over HTTP as a test or demo does. */
async function revoke(orgnr: string) {
  const res = await fetch(`${h.altinn.url}/__control/system-users/${orgnr}/revoke`, { method: "POST" });
  expect(res.status).toBe(200);
  // A token issued before the deletion stays valid until it expires (at most 120 s); the next
  // delivery is the one after that, asking Maskinporten again.
  h.tokens.clear();
}

/** The access marks of the board's rows for `organisationIds` (the caller's). */
async function boardAccess(organisationIds: string[]) {
  const board = await getBoard(db, organisationIds, h.user, parseBoardFilter({ sort: "name" }));
  return new Map(board.rows.flatMap((r) => (r.access ? [[r.id, r.access] as const] : [])));
}

async function notificationsOf(organisationId: string) {
  return db
    .select({ kind: notifications.kind, link: notifications.link, params: notifications.params })
    .from(notifications)
    .where(and(eq(notifications.organisationId, organisationId), eq(notifications.userId, h.user.id)));
}

describe("access health recorded by the delivery engine (sandbox over HTTP, real PostgreSQL)", () => {
  it("records the last token and call of an accepted send", async () => {
    const before = new Date(Date.now() - 1000);
    const { result } = await send(0);
    expect(result.outcome).toBe("accepted");
    const health = await getAccessHealth(db, h.orgs[0]!.id);
    expect(health).toMatchObject({ state: "ok", lastCallApi: "amelding", lastFailureAt: null });
    expect(health!.lastTokenAt!.getTime()).toBeGreaterThan(before.getTime());
    expect(health!.lastCallAt!.getTime()).toBeGreaterThan(before.getTime());
  });

  it("a send after the system user was revoked: state revoked, one notification, a new system user and a success clear it", async () => {
    const org = h.orgs[0]!;
    const lastCall = (await getAccessHealth(db, org.id))!.lastCallAt;
    await revoke(org.orgnr);

    const first = await send(0);
    expect(first.result.outcome).toBe("failed");
    const [submission] = await db.select().from(submissions).where(eq(submissions.id, first.submissionId));
    expect(submission!.statusReasonCode).toBe("token_unavailable");
    const health = await getAccessHealth(db, org.id);
    expect(health).toMatchObject({
      state: "system_user_revoked",
      lastFailureState: "system_user_revoked",
      lastFailureCode: "MP-303",
      lastCallAt: lastCall,
    });
    // Nothing secret or personal in the row: a state, a code and times.
    expect(JSON.stringify(health)).not.toMatch(/eyJ|Bearer|\d{11}/);

    // Raised once for the transition, not for every failing send; and not also as a failing token.
    await send(0);
    await send(0);
    expect(await notificationsOf(org.id)).toEqual([
      { kind: "system_user_revoked", link: `/organisasjoner/${org.id}/tilgang`, params: { code: "MP-303" } },
    ]);
    expect((await boardAccess([org.id])).get(org.id)).toEqual({
      state: "system_user_revoked",
      code: "MP-303",
    });

    // The fix: a new system user, which the revoked one no longer blocks, approved by the customer.
    const altinn = createSystemUserRequestClient({ platformUrl: h.altinn.url, systemId: SANDBOX_SYSTEM_ID }, h.tokens);
    const requested = await requestSystemUser(db, altinn, h.user, org);
    expect(requested.outcome).toBe("requested");
    const request = await latestSystemUserRequest(db, org.id);
    const accept = await fetch(`${h.altinn.url}/__control/system-user-requests/${request!.externalId}/accept`, {
      method: "POST",
    });
    expect(accept.status).toBe(200);

    const later = await send(0);
    expect(later.result.outcome).toBe("accepted");
    const cleared = await getAccessHealth(db, org.id);
    expect(cleared).toMatchObject({ state: "ok", lastFailureState: "system_user_revoked", lastFailureCode: "MP-303" });
    expect(cleared!.lastCallAt!.getTime()).toBeGreaterThan(health!.lastFailureAt!.getTime());
    expect(await boardAccess([org.id])).toEqual(new Map());

    // Revoked again later: a new transition, a new notification.
    await revoke(org.orgnr);
    await send(0);
    expect((await notificationsOf(org.id)).filter((n) => n.kind === "system_user_revoked")).toHaveLength(2);
  });

  it("records Skatteetaten's access refusal (AMLD_005) with its code", async () => {
    h.skatteetaten.setFaults([{ kind: "status", status: 403, code: "AMLD_005", count: 1 }]);
    try {
      const { result } = await send(1);
      expect(["rejected", "failed"]).toContain(result.outcome);
    } finally {
      h.skatteetaten.clearFaults();
    }
    expect(await getAccessHealth(db, h.orgs[1]!.id)).toMatchObject({
      state: "refused",
      lastFailureState: "refused",
      lastFailureCode: "AMLD_005",
    });
    // A refusal is not a revocation: no system_user_revoked notification.
    expect((await notificationsOf(h.orgs[1]!.id)).map((n) => n.kind)).not.toContain("system_user_revoked");
  });

  it("shows an organisation's health to no one without it", async () => {
    const outsider = await createTestUser(db, "admin");
    await db.insert(userOrganisations).values({ userId: outsider.id, organisationId: h.orgs[2]!.id });
    // The board reads only the caller's organisations: organisation 0's problem is not among organisation 2's.
    expect(await boardAccess([h.orgs[2]!.id])).toEqual(new Map());
    const theirs = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, outsider.id), inArray(notifications.organisationId, [h.orgs[0]!.id])));
    expect(theirs).toEqual([]);
  });

  it("an OAR report's call is recorded with its API", async () => {
    const org = h.orgs[2]!;
    const oppdrag = testOppdrag(org.orgnr);
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, h.user, {
        organisationId: org.id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: true,
      }),
    );
    expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("accepted");
    const [row] = await db
      .select()
      .from(organisationAccessHealth)
      .where(eq(organisationAccessHealth.organisationId, org.id));
    expect(row).toMatchObject({ state: "ok", lastCallApi: "oar" });
  });
});
