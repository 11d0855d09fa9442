import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/audit-events";
import {
  ameldingFeedback,
  auditLog,
  notificationSettings,
  notifications,
  organisations,
  submissions,
  systemUserRequests,
  userOrganisations,
} from "@/lib/db/schema";
import type { Oppdrag } from "@/lib/reporting/oar/oppdrag-model";
import {
  REFUSED_DOMAIN,
  type SandboxMailCatcher,
  startSandboxMailCatcher,
} from "@/lib/sandbox/mail-catcher/mail-catcher";
import { createSubmission, saveDraft } from "@/lib/submissions/operations/operations";
import { refreshPendingSystemUserRequests } from "@/lib/system-users/refresh-requests";
import { testOppdrag, testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
import { scanDeadlines } from "./deadline-scan";
import { claimDueMails, sendDueDigests, sendDueMails } from "./mail-queue";
import { createSmtpMailSender } from "./mailer";
import { countUnread, listNotifications, markNotificationsRead } from "./notification-queries";
import { raiseNotification } from "./raise-notification";
import { unsubscribeByToken } from "./unsubscribe";
import { createUnsubscribeToken, UNSUBSCRIBE_LINK_DAYS, verifyUnsubscribeToken } from "./unsubscribe-token";

const db = connectTestDb();
const SECRET = "test-auth-secret-that-is-long-enough-for-hkdf";
const links = { baseUrl: "http://app.test", authSecret: SECRET };

let catcher: SandboxMailCatcher;
beforeAll(async () => {
  catcher = await startSandboxMailCatcher({ smtpPort: 0, webPort: 0 });
});
afterAll(() => catcher.close());

function mailOptions(overrides: { maxAttempts?: number } = {}) {
  return {
    sender: createSmtpMailSender({ smtpUrl: `smtp://127.0.0.1:${catcher.smtpPort}`, from: "varsler@app.test" }),
    links,
    maxAttempts: overrides.maxAttempts ?? 3,
    leaseMs: 60_000,
    batchSize: 50,
  };
}

/** A user with an address of our choosing, granted the organisation. */
async function userWithEmail(email: string, organisationId: string) {
  const row = await insertUser(db, { email, name: "Kari Varsel", role: "admin", passwordHash: null });
  await db.insert(userOrganisations).values({ userId: row!.id, organisationId });
  return row!.id;
}

const uniq = () => Math.random().toString(36).slice(2, 10);
const raise = (organisationId: string, dedupeKey = `test:${uniq()}`) =>
  raiseNotification(db, {
    organisationId,
    kind: "submission_rejected",
    dedupeKey,
    params: { subject: "2026-11", reportKind: "amelding" },
    link: "/innsendinger",
  });

/** Only this test's rows go out: other files' pending rows stay where they are. */
async function onlyDue(ids: string[]) {
  await db
    .update(notifications)
    .set({ emailNextAt: sql`now() + interval '1 day'` })
    .where(and(eq(notifications.emailStatus, "pending"), notInArray(notifications.id, ids)));
}

describe("raising", () => {
  it("gives each user of the organisation one notification per subject, however often it is raised", async () => {
    const admin = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, admin.id);
    const manager = await createTestUser(db, "manager");
    await db.insert(userOrganisations).values({ userId: manager.id, organisationId: org.id });

    expect(await raise(org.id, "rejected:one")).toBe(2);
    expect(await raise(org.id, "rejected:one")).toBe(0);
    expect(await raise(org.id, "rejected:two")).toBe(2);
    const rows = await db.select().from(notifications).where(eq(notifications.organisationId, org.id));
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([admin.id, manager.id]));
  });

  it("shows a user only their own notifications of organisations they still have", async () => {
    const a = await createTestUser(db, "admin");
    const orgA = await createTestOrganisation(db, a.id);
    const b = await createTestUser(db, "admin");
    const orgB = await createTestOrganisation(db, b.id);
    await raise(orgA.id);
    await raise(orgB.id);

    const listA = await listNotifications(db, { id: a.id, organisationIds: [orgA.id] });
    expect(listA.map((n) => n.organisationId)).toEqual([orgA.id]);
    // Another user's organisation named in the reader's list shows nothing of that user's.
    expect(await listNotifications(db, { id: a.id, organisationIds: [orgA.id, orgB.id] })).toHaveLength(1);
    expect(await countUnread(db, { id: b.id, organisationIds: [orgB.id] })).toBe(1);
    // Access to orgA taken away: its notifications are no longer shown or counted.
    expect(await listNotifications(db, { id: a.id, organisationIds: [orgB.id] })).toEqual([]);
    expect(await countUnread(db, { id: a.id, organisationIds: [orgB.id] })).toBe(0);
    // Marking read touches only the reader's own.
    expect(await markNotificationsRead(db, { ...b, organisationIds: [orgB.id] }, [listA[0]!.id])).toBe(0);
    expect(await markNotificationsRead(db, { ...a, organisationIds: [orgA.id] }, "all")).toBe(1);
    expect(await countUnread(db, { id: a.id, organisationIds: [orgA.id] })).toBe(0);
    expect(await countUnread(db, { id: b.id, organisationIds: [orgB.id] })).toBe(1);
  });

  it("respects the user's muted kinds and organisations", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    await db.insert(notificationSettings).values({ userId: user.id, mutedKinds: ["submission_rejected"] });
    expect(await raise(org.id)).toBe(0);
    await db
      .update(notificationSettings)
      .set({ mutedKinds: [], organisationIds: [] })
      .where(eq(notificationSettings.userId, user.id));
    expect(await raise(org.id)).toBe(0);
    await db
      .update(notificationSettings)
      .set({ organisationIds: [org.id] })
      .where(eq(notificationSettings.userId, user.id));
    expect(await raise(org.id)).toBe(1);
  });

  it("raises a rejection in the transaction that rejects the submission, and not if it rolls back", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-10",
        payload: testPayload("amelding"),
        queue: false,
      }),
    );
    const reject = () =>
      db.update(submissions).set({ status: "rejected" }).where(eq(submissions.id, created.submissionId));
    await expect(
      db.transaction(async (tx) => {
        await tx.update(submissions).set({ status: "rejected" }).where(eq(submissions.id, created.submissionId));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.select().from(notifications).where(eq(notifications.organisationId, org.id))).toEqual([]);

    await reject();
    const [n] = await db.select().from(notifications).where(eq(notifications.organisationId, org.id));
    expect(n).toMatchObject({ kind: "submission_rejected", link: `/innsendinger/${created.submissionId}` });
    expect(n!.params).toMatchObject({ subject: "2026-10", reportKind: "amelding" });
  });

  it("raises an access problem when Altinn answers that the system user request was rejected", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id, { systemUser: "none" });
    await db
      .insert(systemUserRequests)
      .values({ organisationId: org.id, externalId: `req-${uniq()}`, status: "new", rights: [] });
    // Altinn's answer, as its client reads it (the sandbox's request flow: lib/system-users/request-system-user.test.ts).
    const altinn = {
      get: async (id: string) => ({
        id,
        externalRef: null,
        systemId: "310900400_innrapportering",
        partyOrgNo: org.orgnr,
        rights: [],
        status: "rejected" as const,
        altinnStatus: "Rejected",
        confirmUrl: null,
      }),
    };
    await refreshPendingSystemUserRequests(db, altinn, SYSTEM_ACTOR, [org.id]);
    const rows = await db.select().from(notifications).where(eq(notifications.organisationId, org.id));
    expect(rows.map((r) => [r.kind, r.params, r.link])).toEqual([
      ["access_problem", { problem: "system_user_rejected" }, "/organisasjoner"],
    ]);
  });

  it("raises severe feedback once per submission", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-09",
        payload: testPayload("amelding"),
        queue: false,
      }),
    );
    await db.insert(ameldingFeedback).values({ submissionId: created.submissionId });
    for (const status of ["deviations", "waiting", "rejected"] as const)
      await db.update(ameldingFeedback).set({ status }).where(eq(ameldingFeedback.submissionId, created.submissionId));
    const rows = await db.select().from(notifications).where(eq(notifications.organisationId, org.id));
    expect(rows.map((r) => [r.kind, r.params.severity])).toEqual([["feedback_severe", "oyeblikkelig"]]);
  });
});

describe("the deadline scan", () => {
  it("notifies each organisation that has not sent the month two working days before its deadline, once", async () => {
    const user = await createTestUser(db, "admin");
    const idle = await createTestOrganisation(db, user.id);
    const alsoIdle = await createTestOrganisation(db, user.id);
    const done = await createTestOrganisation(db, user.id);
    // Both were clients by the deadline, whenever the test runs (an organisation added later is not asked).
    await db
      .update(organisations)
      .set({ createdAt: new Date("2026-01-01T00:00:00Z") })
      .where(inArray(organisations.id, [idle.id, alsoIdle.id, done.id]));
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: done.id,
        kind: "amelding",
        subject: "2026-11",
        payload: testPayload("amelding"),
        queue: false,
      }),
    );
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(eq(submissions.id, created.submissionId));

    // 7 December 2026 is November's deadline (the 5th is a Saturday); 3 December is two working days before.
    await scanDeadlines(db, { today: "2026-12-02", feedbackOverdueHours: 24 });
    expect(await db.select().from(notifications).where(eq(notifications.userId, user.id))).toEqual([]);
    await scanDeadlines(db, { today: "2026-12-03", feedbackOverdueHours: 24 });
    const again = await scanDeadlines(db, { today: "2026-12-04", feedbackOverdueHours: 24 });
    const rows = await db.select().from(notifications).where(eq(notifications.userId, user.id));
    // One for each organisation that owes the month, though the month is the same.
    expect(rows.map((r) => [r.organisationId, r.kind, r.params]).sort()).toEqual(
      [
        [idle.id, "amelding_deadline", { month: "2026-11", deadline: "2026-12-07" }],
        [alsoIdle.id, "amelding_deadline", { month: "2026-11", deadline: "2026-12-07" }],
      ].sort(),
    );
    expect(again.ameldingDeadline).toBe(0);
  });

  describe("OAR deadlines", () => {
    const fnr = syntheticFodselsnummer();
    const worker = (forsteArbeidsdag: string, sisteArbeidsdag?: string, fodselsnummer = fnr) => ({
      navn: "Ola Testmann",
      identifikasjon: { variant: "norsk" as const, fodselsnummer },
      forsteArbeidsdag,
      ...(sisteArbeidsdag ? { sisteArbeidsdag } : {}),
    });
    // Started long ago: the start obligation is outside the notice window in every test below.
    const oppdrag = (overrides: Partial<Oppdrag> = {}) =>
      testOppdrag("310900125", {
        oppdrag: { ...testOppdrag("310900125").oppdrag, beskrivelse: "Stålmontasje Bergen", startdato: "2026-01-05" },
        ...overrides,
      });
    const scan = (today: string) => scanDeadlines(db, { today, feedbackOverdueHours: 24 });

    async function setup(payload: Oppdrag, status: "draft" | "accepted" = "draft") {
      const user = await createTestUser(db, "admin");
      const org = await createTestOrganisation(db, user.id);
      const subject = `OPP-${uniq()}`;
      const id = await saveOar(user, org.id, subject, payload, status);
      return { user, org, subject, id };
    }
    async function saveOar(
      user: Awaited<ReturnType<typeof createTestUser>>,
      organisationId: string,
      subject: string,
      payload: Oppdrag,
      status: "draft" | "accepted",
    ) {
      const created = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId,
          kind: "oar",
          subject,
          payload: { ...payload, oppdragsreferanse: subject },
          queue: false,
        }),
      );
      if (status === "accepted") {
        await db
          .update(submissions)
          .set({ status: "accepted", acceptedAt: new Date() })
          .where(eq(submissions.id, created.submissionId));
      }
      return created.submissionId;
    }
    const params = async (userId: string) =>
      (
        await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.kind, "oar_deadline")))
      )
        .map((r) => r.params as Record<string, string>)
        .sort((a, b) => `${a.obligation}${a.date}`.localeCompare(`${b.obligation}${b.date}`));

    it("notifies an oppdrag not accepted as its 14-day reporting deadline nears", async () => {
      const { user, subject } = await setup(oppdrag({ oppdrag: { ...oppdrag().oppdrag, startdato: "2026-11-20" } }));
      await scan("2026-11-30");
      expect(await params(user.id)).toEqual([]);
      await scan("2026-12-01");
      expect(await params(user.id)).toEqual([
        {
          obligation: "start",
          reference: subject,
          description: "Stålmontasje Bergen",
          date: "2026-11-20",
          deadline: "2026-12-04",
        },
      ]);
    });

    it("notifies each arbeidstaker's first day on its own, a later one after the first was sent", async () => {
      const { user, org, subject, id } = await setup(oppdrag({ arbeidstakere: [worker("2026-11-20")] }));
      await scan("2026-11-30");
      expect(await params(user.id)).toEqual([]);
      await scan("2026-12-01");
      expect(await params(user.id)).toEqual([
        {
          obligation: "employee_first_day",
          reference: subject,
          description: "Stålmontasje Bergen",
          date: "2026-11-20",
          deadline: "2026-12-04",
        },
      ]);
      // A second arbeidstaker (foreign ID) starts later: notified when their own deadline nears.
      const second = {
        navn: "Jonas Testaitis",
        identifikasjon: {
          variant: "utenlandsk" as const,
          utenlandskIdNummer: "LT-778",
          fodselsdato: "1985-04-12",
          landkode: "LT",
        },
        forsteArbeidsdag: "2026-11-27",
      };
      await db.transaction((tx) =>
        saveDraft(
          tx,
          user,
          id,
          [org.id],
          "oar",
          { ...oppdrag({ arbeidstakere: [worker("2026-11-20"), second] }), oppdragsreferanse: subject },
          {
            subject,
          },
        ),
      );
      await scan("2026-12-02");
      expect((await params(user.id)).map((p) => p.date)).toEqual(["2026-11-20"]);
      const raised = await scan("2026-12-08");
      expect(raised.oarDeadline).toBe(1);
      expect((await params(user.id)).map((p) => [p.obligation, p.date])).toEqual([
        ["employee_first_day", "2026-11-20"],
        ["employee_first_day", "2026-11-27"],
      ]);
      // Nothing in a notification names the person.
      const stored = JSON.stringify(await db.select().from(notifications).where(eq(notifications.userId, user.id)));
      expect(stored).not.toContain(fnr);
      expect(stored).not.toContain("LT-778");
      expect(stored).not.toContain("Testmann");
    });

    it("notifies an arbeidstaker's last day, 14 days after it", async () => {
      const { user } = await setup(oppdrag({ arbeidstakere: [worker("2026-01-10", "2026-12-10")] }));
      await scan("2026-12-20");
      expect(await params(user.id)).toEqual([]);
      await scan("2026-12-21");
      expect((await params(user.id)).map((p) => [p.obligation, p.date, p.deadline])).toEqual([
        ["employee_last_day", "2026-12-10", "2026-12-24"],
      ]);
    });

    it("notifies a change from the day it took effect, and not what an accepted report already covers", async () => {
      const reported = oppdrag({ arbeidstakere: [worker("2026-11-20")] });
      const { user, org, subject } = await setup(reported, "accepted");
      // The accepted report covers its start and its arbeidstaker: nothing to notify.
      await scan("2026-12-01");
      expect(await params(user.id)).toEqual([]);
      // A change (a new submission of the same oppdrag) that keeps the arbeidstaker and adds a last day.
      await saveOar(
        user,
        org.id,
        subject,
        { ...reported, endringsdato: "2026-11-25", arbeidstakere: [worker("2026-11-20", "2026-11-26")] },
        "draft",
      );
      await scan("2026-12-06");
      expect((await params(user.id)).map((p) => [p.obligation, p.date, p.deadline])).toEqual([
        ["change", "2026-11-25", "2026-12-09"],
      ]);
      await scan("2026-12-07");
      expect((await params(user.id)).map((p) => [p.obligation, p.date])).toEqual([
        ["change", "2026-11-25"],
        ["employee_last_day", "2026-11-26"],
      ]);
    });

    it("notifies an arbeidstaker again when a change moves their first day, and stops once it is accepted", async () => {
      const { user, org, subject } = await setup(oppdrag({ arbeidstakere: [worker("2026-10-01")] }), "accepted");
      const changeId = await saveOar(
        user,
        org.id,
        subject,
        { ...oppdrag({ arbeidstakere: [worker("2026-11-20")] }), endringsdato: "2026-10-15" },
        "draft",
      );
      await scan("2026-12-01");
      expect((await params(user.id)).map((p) => [p.obligation, p.date])).toEqual([
        ["employee_first_day", "2026-11-20"],
      ]);
      // Accepted: a later worker's scan finds nothing open for that oppdrag.
      await db
        .update(submissions)
        .set({ status: "accepted", acceptedAt: new Date() })
        .where(eq(submissions.id, changeId));
      const other = await createTestUser(db, "admin");
      await db.insert(userOrganisations).values({ userId: other.id, organisationId: org.id });
      await scan("2026-12-02");
      expect(await params(other.id)).toEqual([]);
    });
  });
});

describe("the mail queue", () => {
  it("sends each e-mail exactly once when two workers race for the queue", async () => {
    const org = await createTestOrganisation(db);
    const addresses = Array.from({ length: 12 }, () => `race-${uniq()}@innrapportering.test`);
    for (const a of addresses) await userWithEmail(a, org.id);
    await raise(org.id, "race");
    const ids = (
      await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.organisationId, org.id))
    ).map((r) => r.id);
    await onlyDue(ids);

    const options = mailOptions();
    // Worker A has claimed six and not committed yet; worker B runs meanwhile. B must neither wait
    // for A's rows nor take them: it sends the other six, at once.
    const before = catcher.mails().length;
    let sentByB = 0;
    const claimedByA = await db.transaction(async (tx) => {
      const claimed = await claimDueMails(tx, { batchSize: 6, leaseMs: 60_000 });
      const b = sendDueMails(db, options).then((r) => (sentByB = r.sent));
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("worker B waited for A")), 8_000));
      await Promise.race([b, timeout]);
      return claimed.map((c) => c.email);
    });
    expect(claimedByA).toHaveLength(6);
    expect(sentByB).toBe(6);
    const received = catcher
      .mails()
      .slice(0, catcher.mails().length - before)
      .flatMap((m) => m.to);
    expect(received.filter((to) => claimedByA.includes(to))).toEqual([]);
    // A's rows are A's until its lease ends; then any worker sends them, and nothing is sent twice.
    await db
      .update(notifications)
      .set({ emailNextAt: sql`now()` })
      .where(and(inArray(notifications.id, ids), eq(notifications.emailStatus, "sending")));
    expect(await sendDueMails(db, options)).toEqual({ sent: 6, failed: 0 });
    expect(await sendDueMails(db, options)).toEqual({ sent: 0, failed: 0 });
    options.sender.close();
    const all = catcher
      .mails()
      .slice(0, catcher.mails().length - before)
      .flatMap((m) => m.to);
    expect(all.sort()).toEqual([...addresses].sort());
  });

  it("retries a refused address with backoff, gives up after the last attempt, and never holds up the others", async () => {
    const org = await createTestOrganisation(db);
    const good = `good-${uniq()}@innrapportering.test`;
    await userWithEmail(`bad-${uniq()}@${REFUSED_DOMAIN}`, org.id);
    await userWithEmail(good, org.id);
    await raise(org.id, "retry");
    const rows = await db.select().from(notifications).where(eq(notifications.organisationId, org.id));
    await onlyDue(rows.map((r) => r.id));
    const options = mailOptions({ maxAttempts: 2 });

    expect(await sendDueMails(db, options)).toEqual({ sent: 1, failed: 1 });
    expect(catcher.mails()[0]!.to).toEqual([good]);
    const [bad] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.organisationId, org.id), eq(notifications.emailStatus, "pending")));
    expect(bad).toMatchObject({ emailAttempts: 1, emailError: "EENVELOPE SMTP 550" });
    const wait = (bad!.emailNextAt!.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(20);
    expect(wait).toBeLessThanOrEqual(31);

    // Not due yet: nothing happens; once due, the second attempt fails for good.
    expect(await sendDueMails(db, options)).toEqual({ sent: 0, failed: 0 });
    await db.update(notifications).set({ emailNextAt: sql`now()` }).where(eq(notifications.id, bad!.id));
    expect(await sendDueMails(db, options)).toEqual({ sent: 0, failed: 1 });
    const [final] = await db.select().from(notifications).where(eq(notifications.id, bad!.id));
    expect(final).toMatchObject({ emailStatus: "failed", emailAttempts: 2, emailNextAt: null });
    options.sender.close();
  });

  it("sends one daily digest per user and day, from the digest hour, with every notification held for it", async () => {
    const org = await createTestOrganisation(db);
    const email = `digest-${uniq()}@innrapportering.test`;
    const userId = await userWithEmail(email, org.id);
    await db.insert(notificationSettings).values({ userId, emailMode: "daily" });
    await raise(org.id, "digest:one");
    await raise(org.id, "digest:two");
    const options = { ...mailOptions(), digestHour: 7 };
    const mine = () => catcher.mails().filter((m) => m.to.includes(email));

    // 06:30 in Oslo (05:30 UTC in winter): too early.
    await sendDueDigests(db, { ...options, now: () => new Date("2026-12-03T05:30:00Z") });
    expect(mine()).toHaveLength(0);
    await sendDueDigests(db, { ...options, now: () => new Date("2026-12-03T07:30:00Z") });
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.subject).toContain("2 nye varsler");
    // Raised later the same day: it waits for tomorrow's digest.
    await raise(org.id, "digest:three");
    await sendDueDigests(db, { ...options, now: () => new Date("2026-12-03T08:30:00Z") });
    expect(mine()).toHaveLength(1);
    await sendDueDigests(db, { ...options, now: () => new Date("2026-12-04T07:30:00Z") });
    expect(mine()).toHaveLength(2);
    expect(mine()[0]!.subject).toContain("1 nytt varsel");
    const rows = await db.select().from(notifications).where(eq(notifications.userId, userId));
    expect(rows.map((r) => r.emailStatus)).toEqual(["sent", "sent", "sent"]);
    options.sender.close();
  });
});

describe("the mail queue's daily digest to a refused address", () => {
  it("is tried again with backoff up to the attempt limit, then given up for the day and tried the next day", async () => {
    const org = await createTestOrganisation(db);
    const userId = await userWithEmail(`digest-bad-${uniq()}@${REFUSED_DOMAIN}`, org.id);
    await db.insert(notificationSettings).values({ userId, emailMode: "daily" });
    await raise(org.id, "digest:refused");
    const options = { ...mailOptions({ maxAttempts: 2 }), digestHour: 7 };
    const settings = async () =>
      (await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)))[0]!;
    // The retry's backoff has passed.
    const leaseOver = () =>
      db.update(notificationSettings).set({ digestLeaseUntil: null }).where(eq(notificationSettings.userId, userId));
    const at = (iso: string) => sendDueDigests(db, { ...options, now: () => new Date(iso) });

    expect(await at("2026-12-03T07:30:00Z")).toMatchObject({ failed: 1 });
    expect((await settings()).digestAttempts).toBe(1);
    expect((await settings()).digestLeaseUntil).not.toBeNull();
    await leaseOver();
    expect(await at("2026-12-03T07:40:00Z")).toMatchObject({ failed: 1 });
    // The limit: the day is given up, nothing more is tried today however often the worker looks.
    expect(await settings()).toMatchObject({ digestAttempts: 0, digestLeaseUntil: null });
    expect(await at("2026-12-03T09:00:00Z")).toMatchObject({ failed: 0 });
    // The notification is still held, for the next day's digest, which tries again.
    const [held] = await db.select().from(notifications).where(eq(notifications.userId, userId));
    expect(held!.emailStatus).toBe("digest");
    expect(await at("2026-12-04T07:30:00Z")).toMatchObject({ failed: 1 });
    options.sender.close();
  });
});

describe("unsubscribing by link", () => {
  it("accepts our own link, and refuses a changed or expired one", () => {
    const userId = "0b5f0c43-64c7-4c61-9a4e-3a0f1d1e2a3b";
    const now = new Date("2026-12-01T12:00:00Z");
    const token = createUnsubscribeToken(SECRET, userId, now);
    expect(verifyUnsubscribeToken(SECRET, token, now)).toEqual({ ok: true, userId });

    const otherUser = token.replace(userId, "1b5f0c43-64c7-4c61-9a4e-3a0f1d1e2a3b");
    expect(verifyUnsubscribeToken(SECRET, otherUser, now)).toEqual({ ok: false, reason: "signature" });
    const lastChar = token.at(-1) === "A" ? "B" : "A";
    expect(verifyUnsubscribeToken(SECRET, token.slice(0, -1) + lastChar, now)).toMatchObject({ ok: false });
    expect(verifyUnsubscribeToken("another-secret-of-sufficient-length-xx", token, now)).toMatchObject({ ok: false });
    const later = new Date(now.getTime() + (UNSUBSCRIBE_LINK_DAYS * 86_400 + 1) * 1000);
    expect(verifyUnsubscribeToken(SECRET, token, later)).toEqual({ ok: false, reason: "expired" });
    expect(verifyUnsubscribeToken(SECRET, "v1.x", now)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyUnsubscribeToken(SECRET, { toString: () => token }, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("turns e-mail off for that user only, skips what is queued, and is audited", async () => {
    const org = await createTestOrganisation(db);
    const userId = await userWithEmail(`unsub-${uniq()}@innrapportering.test`, org.id);
    const otherId = await userWithEmail(`stay-${uniq()}@innrapportering.test`, org.id);
    await raise(org.id, "unsub");

    const token = createUnsubscribeToken(SECRET, userId);
    expect(await unsubscribeByToken(db, SECRET, `${token}x`)).toMatchObject({ ok: false });
    expect(await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId))).toEqual([]);

    expect(await unsubscribeByToken(db, SECRET, token)).toEqual({ ok: true, userId });
    const rows = await db.select().from(notifications).where(eq(notifications.organisationId, org.id));
    expect(Object.fromEntries(rows.map((r) => [r.userId, r.emailStatus]))).toEqual({
      [userId]: "skipped",
      [otherId]: "pending",
    });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "notification.unsubscribe"), eq(auditLog.targetId, userId)));
    expect(audit).toMatchObject({ actorId: userId, organisationIds: [org.id] });
    // Later notifications are in the app only.
    await raise(org.id, "after-unsub");
    const [after] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.dedupeKey, "after-unsub")));
    expect(after!.emailStatus).toBe("skipped");
  });
});
