import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type SubmissionStatus, submissions } from "@/lib/db/schema";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { parseSubmissionListFilter, SUBMISSION_STATUSES } from "@/lib/submissions/queries/list-filter";
import { listSubmissions } from "@/lib/submissions/queries/list-submissions";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { overviewCounts } from "./overview-queries";

const db = connectTestDb();

async function setUp() {
  const user = await createTestUser(db, "admin");
  const make = async (
    organisationId: string,
    status: SubmissionStatus,
    createdAt: string,
    kind: "oar" | "amelding" = "oar",
  ) => {
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId,
        kind,
        subject: `S-${createdAt}`,
        payload: testPayload(kind),
        queue: false,
      }),
    );
    await db
      .update(submissions)
      .set({ status, createdAt: new Date(createdAt) })
      .where(eq(submissions.id, submissionId));
    return submissionId;
  };
  return { user, make };
}

async function seed() {
  const { user, make } = await setUp();
  const org = await createTestOrganisation(db, user.id);
  const other = await createTestOrganisation(db, null);
  // 23:30 UTC on 31 Oct is 00:30 on 1 Nov in Oslo: it belongs to November.
  await make(org.id, "accepted", "2026-10-31T23:30:00Z");
  await make(org.id, "rejected", "2026-11-01T09:00:00Z");
  await make(org.id, "failed", "2026-11-02T09:00:00Z");
  await make(org.id, "draft", "2026-11-02T10:00:00Z");
  await make(org.id, "accepted", "2026-10-15T10:00:00Z");
  await make(other.id, "rejected", "2026-11-01T09:00:00Z");
  return { org };
}

describe("overview figures (real PostgreSQL)", () => {
  it("count exactly the rows the linked list shows, by Norwegian date, within the user's organisations", async () => {
    const { org } = await seed();
    const counts = await overviewCounts(db, [org.id], {
      today: "2026-11-02",
      period: { from: "2026-11-01", to: "2026-11-30" },
    });
    expect(counts.period).toEqual({ accepted: 1, rejected: 1, failed: 1, draft: 1 });
    expect(counts.month).toEqual(counts.period);
    expect(counts.today).toEqual({ failed: 1, draft: 1 });
    expect(counts.allTime).toEqual({ accepted: 2, rejected: 1, failed: 1, draft: 1 });

    for (const [status, n] of Object.entries(counts.period)) {
      const page = await listSubmissions(
        db,
        [org.id],
        parseSubmissionListFilter({ from: "2026-11-01", to: "2026-11-30", status }),
      );
      expect(page.rows).toHaveLength(n);
    }
  });

  it("gives submissions and rejections per day of the period, drafts not counted as sent", async () => {
    const { org } = await seed();
    const { series } = await overviewCounts(db, [org.id], {
      today: "2026-11-20",
      period: { from: "2026-11-01", to: "2026-11-30" },
    });
    expect(series).toEqual([
      { day: "2026-11-01", submitted: 2, rejected: 1 },
      { day: "2026-11-02", submitted: 1, rejected: 1 },
    ]);
    const none = await overviewCounts(db, [], {
      today: "2026-11-20",
      period: { from: "2026-11-01", to: "2026-11-30" },
    });
    expect(none).toEqual({ allTime: {}, today: {}, month: {}, period: {}, series: [] });
  });

  it("equals a recount from the submissions for every column, whether the period meets the month or not", async () => {
    const { user, make } = await setUp();
    const orgs = [await createTestOrganisation(db, user.id), await createTestOrganisation(db, user.id)];
    const outsider = await createTestOrganisation(db, null);
    // A fixed pseudo-random sequence: the same submissions on every run.
    let state = 17;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const organisationId = [...orgs, outsider][random(3)]!.id;
      // From 1 Aug to 30 Nov 2026, at any hour: evenings in UTC are the next day in Oslo.
      const at = new Date(Date.UTC(2026, 7, 1) + random(122 * 24) * 3_600_000 + 30 * 60_000).toISOString();
      const status = SUBMISSION_STATUSES[random(SUBMISSION_STATUSES.length)]!;
      ids.push(await make(organisationId, status, at, random(2) === 0 ? "oar" : "amelding"));
    }
    // Later changes go through the triggers too: new statuses, and a move to another day.
    for (const id of ids.slice(0, 10)) {
      await db
        .update(submissions)
        .set({ status: SUBMISSION_STATUSES[random(SUBMISSION_STATUSES.length)]! })
        .where(eq(submissions.id, id));
    }
    await db
      .update(submissions)
      .set({ createdAt: new Date("2026-11-20T22:59:00Z") })
      .where(inArray(submissions.id, ids.slice(10, 12)));

    // Today's last hour in Oslo, and the first of the month that is still October in UTC.
    await make(orgs[0]!.id, "rejected", "2026-11-20T22:30:00Z");
    await make(orgs[1]!.id, "accepted", "2026-10-31T23:10:00Z");

    const scope = orgs.map((o) => o.id);
    const recount = async (from?: string, to?: string) => {
      const day = sql`(${submissions.createdAt} at time zone 'Europe/Oslo')::date`;
      const rows = (await db.execute(sql`select ${submissions.status} as status, count(*)::int as n
        from ${submissions} where ${inArray(submissions.organisationId, scope)}
        ${from && to ? sql`and ${day} between ${from}::date and ${to}::date` : sql``}
        group by 1`)) as unknown as { status: SubmissionStatus; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    };
    const today = "2026-11-20";
    for (const period of [
      { from: "2026-10-22", to: "2026-11-20" }, // overlaps the month
      { from: "2026-08-01", to: "2026-09-15" }, // far from it
      { from: "2026-10-01", to: "2026-10-31" }, // ends the day before the month
    ]) {
      const counts = await overviewCounts(db, scope, { today, period });
      for (const column of [counts.today, counts.month, counts.period]) expect(Object.keys(column)).not.toHaveLength(0);
      expect(counts.allTime).toEqual(await recount());
      expect(counts.today).toEqual(await recount(today, today));
      expect(counts.month).toEqual(await recount("2026-11-01", today));
      expect(counts.period).toEqual(await recount(period.from, period.to));
      const series = (await db.execute(sql`select to_char(d, 'YYYY-MM-DD') as day,
          (count(*) filter (where ${submissions.status} <> 'draft'))::int as submitted,
          (count(*) filter (where ${submissions.status} in ('rejected', 'conflict', 'failed')))::int as rejected
        from ${submissions}, lateral (select (${submissions.createdAt} at time zone 'Europe/Oslo')::date as d) x
        where ${inArray(submissions.organisationId, scope)} and d between ${period.from}::date and ${period.to}::date
        group by d order by d`)) as unknown as { day: string; submitted: number; rejected: number }[];
      expect(counts.series).toEqual([...series]);
    }
  });
});
