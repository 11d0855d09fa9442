import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveryAttempts, submissions } from "@/lib/db/schema";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { testTranslator } from "@/lib/testing/test-translator";
import { createSubmission } from "../operations/operations";
import { parseSubmissionListFilter } from "./list-filter";
import { toSubmissionPage } from "./list-rows";
import { listSubmissions } from "./list-submissions";

const db = connectTestDb();

describe("listSubmissions (real PostgreSQL)", () => {
  it("pages newest first without gaps or repeats, only within the user's organisations", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const hidden = await createTestOrganisation(db, null);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const c = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "oar",
          subject: `OPP-${i}`,
          payload: testPayload("oar"),
          queue: false,
        }),
      );
      ids.push(c.submissionId);
    }
    await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: hidden.id,
        kind: "oar",
        subject: "SECRET",
        payload: testPayload("oar"),
        queue: false,
      }),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSubmissions(db, [org.id], parseSubmissionListFilter({ cursor }), 3);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it("shows an organisation chosen by `org=` only to a reader of it, with or without free text", async () => {
    const user = await createTestUser(db, "admin");
    const mine = await createTestOrganisation(db, user.id);
    const other = await createTestOrganisation(db, user.id);
    const hidden = await createTestOrganisation(db, null);
    const create = (organisationId: string, subject: string) =>
      db.transaction((tx) =>
        createSubmission(tx, user, { organisationId, kind: "oar", subject, payload: testPayload("oar"), queue: false }),
      );
    const a = await create(mine.id, "OPP-MINE");
    await create(other.id, "OPP-OTHER");
    const h = await create(hidden.id, "OPP-HIDDEN");
    const list = (organisationIds: string[], q: Record<string, string>) =>
      listSubmissions(db, organisationIds, parseSubmissionListFilter(q)).then((r) => r.rows.map((x) => x.id));

    expect(await list([mine.id, other.id], { org: mine.id })).toEqual([a.submissionId]);
    expect(await list([mine.id, other.id], { org: mine.id, q: a.idempotencyKey })).toEqual([a.submissionId]);
    // Another reader's organisation asked for by id: nothing, also through the search.
    expect(await list([mine.id, other.id], { org: hidden.id })).toEqual([]);
    expect(await list([mine.id, other.id], { org: hidden.id, q: h.idempotencyKey })).toEqual([]);
    expect(await list([hidden.id], { org: hidden.id })).toEqual([h.submissionId]);
  });

  it("filters by status, kind, error code and free text over ids, and reports rows in flight", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const a = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-09",
        payload: testPayload("amelding"),
        queue: true,
      }),
    );
    const b = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: "OPP-X",
        payload: testPayload("oar"),
        queue: false,
      }),
    );
    await db
      .update(submissions)
      .set({ status: "rejected", lastErrorCode: "OAR_005" })
      .where(eq(submissions.id, b.submissionId));
    await db.insert(deliveryAttempts).values({
      submissionId: b.submissionId,
      versionId: b.versionId,
      attemptNo: 1,
      idempotencyKey: b.idempotencyKey,
      outcome: "rejected",
      requestMethod: "POST",
      requestUrl: "http://sandbox/oar",
      requestHeaders: {},
      requestBody: "{}",
      korrelasjonsid: "kor-123-abc",
    });
    const list = (q: Record<string, string | string[]>) =>
      listSubmissions(db, [org.id], parseSubmissionListFilter(q)).then((r) => r.rows.map((x) => x.id));

    expect(await list({ status: "rejected" })).toEqual([b.submissionId]);
    expect(await list({ kind: "amelding" })).toEqual([a.submissionId]);
    expect(await list({ code: "oar_005" })).toEqual([b.submissionId]);
    expect(await list({ q: "kor-123-abc" })).toEqual([b.submissionId]);
    expect(await list({ q: a.idempotencyKey })).toEqual([a.submissionId]);
    expect(await list({ q: org.orgnr.replace(/(\d{3})(\d{3})/, "$1 $2 ") })).toHaveLength(2);
    expect(await list({ period: "2026-09", kind: "amelding" })).toEqual([a.submissionId]);
    expect((await listSubmissions(db, [org.id], parseSubmissionListFilter({}))).inFlight).toBe(true);
    expect((await listSubmissions(db, [org.id], parseSubmissionListFilter({ status: "rejected" }))).inFlight).toBe(
      false,
    );
  });

  it("pages through rows that share a timestamp, and reads the time range in Norwegian time", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    // 23:30 and 00:30 Norwegian summer time, either side of midnight between 15 and 16 June.
    const late = new Date("2026-06-15T21:30:00Z");
    const afterMidnight = new Date("2026-06-15T22:30:00Z");
    const same = await db
      .insert(submissions)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          organisationId: org.id,
          kind: "oar" as const,
          subject: `SAME-${i}`,
          createdAt: late,
        })),
      )
      .returning({ id: submissions.id });
    const [next] = await db
      .insert(submissions)
      .values({ organisationId: org.id, kind: "oar", subject: "NEXT-DAY", createdAt: afterMidnight })
      .returning({ id: submissions.id });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSubmissions(db, [org.id], parseSubmissionListFilter({ cursor }), 3);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen)).toEqual(new Set([next!.id, ...same.map((r) => r.id)]));
    expect(seen).toHaveLength(8);

    const ids = (q: Record<string, string>) =>
      listSubmissions(db, [org.id], parseSubmissionListFilter(q)).then((r) => r.rows.map((x) => x.id));
    expect(await ids({ to: "2026-06-15" })).toHaveLength(7);
    expect(await ids({ from: "2026-06-16" })).toEqual([next!.id]);
    expect(await ids({ from: "2026-06-15T23:30", to: "2026-06-15T23:30" })).toHaveLength(7);
    expect(await ids({ from: "2026-06-15T23:31", to: "2026-06-16T00:30" })).toEqual([next!.id]);
  });

  it("shows which A-melding is current for its month once a replacement is accepted", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const create = () =>
      db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "amelding",
          subject: "2026-10",
          payload: testPayload("amelding"),
          queue: false,
        }),
      );
    const original = await create();
    const replacement = await create();
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(eq(submissions.id, original.submissionId));
    await db
      .update(submissions)
      .set({ replacesSubmissionId: original.submissionId })
      .where(eq(submissions.id, replacement.submissionId));
    const rows = async () => {
      const page = toSubmissionPage(
        await listSubmissions(db, [org.id], parseSubmissionListFilter({})),
        testTranslator(),
        "nb",
      );
      return Object.fromEntries(page.rows.map((r) => [r.id, r]));
    };

    // A replacement not (yet) accepted does not take over.
    let byId = await rows();
    expect(byId[original.submissionId]).toMatchObject({ isCurrentAmelding: true, replacedById: null });
    expect(byId[replacement.submissionId]).toMatchObject({
      isCurrentAmelding: false,
      replacesSubmissionId: original.submissionId,
    });

    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(eq(submissions.id, replacement.submissionId));
    byId = await rows();
    expect(byId[original.submissionId]).toMatchObject({
      isCurrentAmelding: false,
      replacedById: replacement.submissionId,
    });
    expect(byId[replacement.submissionId]).toMatchObject({ isCurrentAmelding: true });
  });
});
