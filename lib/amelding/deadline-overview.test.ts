import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organisations, type SubmissionStatus, submissions } from "@/lib/db/schema";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { getDeadlineAlerts, getDeadlineOverview, parseDeadlineFilter } from "./deadline-overview";

const db = connectTestDb();
let creator: { id: string; email: string };

/** A submission as the delivery engine leaves it: status and acceptance time set. */
async function submission(
  organisationId: string,
  subject: string,
  status: SubmissionStatus,
  options: { acceptedAt?: string; replaces?: string; kind?: "amelding" | "oar" } = {},
) {
  const { submissionId } = await createSubmission(db, creator, {
    organisationId,
    kind: options.kind ?? "amelding",
    subject,
    payload: options.kind === "oar" ? testPayload("oar") : { ...testPayload("amelding"), kalendermaaned: subject },
    queue: false,
  });
  await db
    .update(submissions)
    .set({
      status,
      acceptedAt: options.acceptedAt ? new Date(options.acceptedAt) : null,
      replacesSubmissionId: options.replaces ?? null,
    })
    .where(eq(submissions.id, submissionId));
  return submissionId;
}

async function organisationAddedOn(grantTo: string, createdAt: string) {
  const org = await createTestOrganisation(db, grantTo);
  await db
    .update(organisations)
    .set({ createdAt: new Date(createdAt) })
    .where(eq(organisations.id, org.id));
  return org;
}

describe("parseDeadlineFilter", () => {
  it("takes a page and only=action, and falls back on anything else", () => {
    expect(parseDeadlineFilter({ page: "3", only: "action" })).toEqual({ page: 3, only: "action" });
    expect(parseDeadlineFilter(new URLSearchParams("page=2&page=9&only=action&only=x"))).toEqual({
      page: 2,
      only: "action",
    });
    for (const page of ["0", "-1", "1.5", "abc", "1001", "1e9"])
      expect(parseDeadlineFilter({ page, only: "everything" })).toEqual({ page: 1, only: undefined });
  });
});

describe("getDeadlineOverview (real PostgreSQL)", () => {
  let a: { id: string };
  let b: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    const user = await createTestUser(db, "admin");
    creator = user;
    a = await organisationAddedOn(user.id, "2025-01-01T08:00:00Z");
    b = await organisationAddedOn(user.id, "2026-04-20T08:00:00Z");
    other = await organisationAddedOn(user.id, "2025-01-01T08:00:00Z");

    // March 2026 (deadline 7 April, after Easter): accepted 23:30 Oslo time on the day, replaced later.
    const original = await submission(a.id, "2026-03", "accepted", { acceptedAt: "2026-04-07T21:30:00Z" });
    await submission(a.id, "2026-03", "accepted", { acceptedAt: "2026-04-20T09:00:00Z", replaces: original });
    // February 2026 (deadline Thursday 5 March): accepted the morning after.
    await submission(a.id, "2026-02", "accepted", { acceptedAt: "2026-03-06T08:00:00Z" });
    // An OAR report whose subject happens to look like a month does not count.
    await submission(a.id, "2026-01", "accepted", { kind: "oar", acceptedAt: "2026-02-01T08:00:00Z" });
    // April 2026 (deadline 5 May): rejected, and a corrected draft not sent yet.
    await submission(a.id, "2026-04", "rejected");
    await submission(a.id, "2026-04", "draft");
    // Another organisation's report for the same month.
    await submission(other.id, "2026-01", "accepted", { acceptedAt: "2026-02-02T08:00:00Z" });
  });

  const cell = (overview: Awaited<ReturnType<typeof getDeadlineOverview>>, orgId: string, month: string) =>
    overview.organisations.find((o) => o.id === orgId)!.cells.find((c) => c.kalendermaaned === month)!;

  it("gives each month of the window its deadline, newest first", async () => {
    const overview = await getDeadlineOverview(db, [a.id], { now: new Date("2026-05-10T10:00:00Z") });
    expect(overview.today).toBe("2026-05-10");
    expect(overview.months).toHaveLength(13);
    expect(overview.months[0]).toEqual({ kalendermaaned: "2026-05", deadline: "2026-06-05" });
    expect(overview.months.find((m) => m.kalendermaaned === "2026-03")!.deadline).toBe("2026-04-07");
    expect(overview.months.at(-1)).toEqual({ kalendermaaned: "2025-05", deadline: "2025-06-05" });
  });

  it("classifies every month of an organisation", async () => {
    const overview = await getDeadlineOverview(db, [a.id, b.id], { now: new Date("2026-05-10T10:00:00Z") });
    expect(cell(overview, a.id, "2026-03")).toEqual({
      kalendermaaned: "2026-03",
      status: "on_time",
      firstAcceptedAt: "2026-04-07T21:30:00.000Z",
      pending: 0,
    });
    expect(cell(overview, a.id, "2026-02")).toMatchObject({
      status: "late",
      firstAcceptedAt: "2026-03-06T08:00:00.000Z",
    });
    expect(cell(overview, a.id, "2026-04")).toMatchObject({ status: "missing", firstAcceptedAt: null, pending: 1 });
    expect(cell(overview, a.id, "2026-01")).toMatchObject({ status: "missing" });
    expect(cell(overview, a.id, "2026-05")).toMatchObject({ status: "not_yet_due" });
    // Added on 20 April: March's deadline had passed by then, April's had not.
    expect(cell(overview, b.id, "2026-03")).toMatchObject({ status: "not_tracked" });
    expect(cell(overview, b.id, "2026-04")).toMatchObject({ status: "missing" });
  });

  it("shows the month as due soon in the week before its deadline", async () => {
    const overview = await getDeadlineOverview(db, [a.id], { now: new Date("2026-05-30T10:00:00Z") });
    expect(cell(overview, a.id, "2026-05")).toMatchObject({ status: "due_soon" });
  });

  it("shows only the organisations asked for", async () => {
    const overview = await getDeadlineOverview(db, [a.id, b.id], { now: new Date("2026-05-10T10:00:00Z") });
    expect(overview.organisations.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
    const otherOnly = await getDeadlineOverview(db, [other.id], { now: new Date("2026-05-10T10:00:00Z") });
    expect(cell(otherOnly, other.id, "2026-01")).toMatchObject({ status: "on_time" });
    expect(await getDeadlineOverview(db, [], { now: new Date("2026-05-10T10:00:00Z") })).toMatchObject({
      organisations: [],
    });
  });
  it("pages the organisations, counts the months of all of them, and keeps only those needing action on request", async () => {
    const fresh = await organisationAddedOn(creator.id, "2026-05-09T08:00:00Z");
    const orgs = [a.id, b.id, other.id, fresh.id];
    const now = new Date("2026-05-10T10:00:00Z");
    const all = await getDeadlineOverview(db, orgs, { now });
    expect(all.total).toBe(4);
    const recount = { missing: 0, due_soon: 0, late: 0 };
    for (const o of all.organisations)
      for (const c of o.cells) if (c.status in recount) recount[c.status as keyof typeof recount] += 1;
    expect(all.counts).toEqual(recount);

    const pages = await Promise.all(
      [1, 2, 3].map((page) => getDeadlineOverview(db, orgs, { now, pageSize: 3, filter: { page } })),
    );
    expect(pages.map((p) => p.organisations.length)).toEqual([3, 1, 0]);
    expect(pages.flatMap((p) => p.organisations.map((o) => o.id))).toEqual(all.organisations.map((o) => o.id));
    for (const p of pages) expect(p).toMatchObject({ total: 4, counts: all.counts });

    // Added the day before: nothing missing or due soon, so "needs action" leaves it out.
    const action = await getDeadlineOverview(db, orgs, { now, filter: { page: 1, only: "action" } });
    expect(action.organisations.map((o) => o.id).sort()).toEqual([a.id, b.id, other.id].sort());
    expect(action.total).toBe(3);
  });

  it("alerts exactly the grid's missing and due-soon months, most urgent first, scoped, capped", async () => {
    for (const now of ["2026-05-10T10:00:00Z", "2026-05-30T10:00:00Z", "2026-04-06T10:00:00Z"]) {
      const orgs = [a.id, b.id, other.id];
      const grid = await getDeadlineOverview(db, orgs, { now: new Date(now) });
      const expected = grid.organisations
        .flatMap((o) =>
          o.cells
            .filter((c) => c.status === "missing" || c.status === "due_soon")
            .map((c) => ({
              organisation: { id: o.id, name: o.name },
              kalendermaaned: c.kalendermaaned,
              deadline: grid.months.find((m) => m.kalendermaaned === c.kalendermaaned)!.deadline,
              status: c.status,
            })),
        )
        .sort(
          (x, y) =>
            x.deadline.localeCompare(y.deadline) ||
            (x.organisation.name < y.organisation.name ? -1 : x.organisation.name > y.organisation.name ? 1 : 0) ||
            (x.organisation.id < y.organisation.id ? -1 : 1),
        );
      expect(expected.length, now).toBeGreaterThan(3);
      expect(await getDeadlineAlerts(db, orgs, { now: new Date(now), limit: 100 }), now).toEqual({
        total: expected.length,
        alerts: expected,
      });
      expect(await getDeadlineAlerts(db, orgs, { now: new Date(now), limit: 3 }), now).toEqual({
        total: expected.length,
        alerts: expected.slice(0, 3),
      });
    }
    const onlyB = await getDeadlineAlerts(db, [b.id], { now: new Date("2026-05-10T10:00:00Z"), limit: 100 });
    expect(onlyB.alerts.every((x) => x.organisation.id === b.id)).toBe(true);
    expect(await getDeadlineAlerts(db, [], { limit: 10 })).toEqual({ total: 0, alerts: [] });
  });
});
