import { describe, expect, it } from "vitest";
import { createSubmission, sendCorrectedVersion } from "@/lib/submissions/operations/operations";
import { testOppdrag, testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { listOppdrag } from "./list-oppdrag";
import { parseOppdragListFilter } from "./oppdrag-list-filter";

const db = connectTestDb();

describe("listOppdrag (real PostgreSQL)", () => {
  it("lists contractor, value and period of the current version, filters by them, and pages within the user's organisations", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const hidden = await createTestOrganisation(db, null);
    const create = (organisationId: string, payload: Record<string, unknown>, subject = "OPP") =>
      db.transaction((tx) =>
        createSubmission(tx, user, { organisationId, kind: "oar", subject, payload, queue: false }),
      );
    const base = testOppdrag(org.orgnr);
    const autumn = await create(org.id, {
      ...base,
      oppdragstaker: { ...base.oppdragstaker, navn: "Baltic Steel UAB" },
      oppdrag: {
        ...base.oppdrag,
        startdato: "2026-09-15",
        forventetSluttdato: "2026-10-31",
        kontraktsverdiNok: 450000.5,
      },
    });
    const winter = await create(org.id, {
      ...base,
      oppdragstaker: { ...base.oppdragstaker, navn: "Nordic Welding OÜ" },
      oppdrag: { ...base.oppdrag, startdato: "2026-12-01", forventetSluttdato: "2027-02-28", kontraktsverdiNok: 80000 },
    });
    await create(hidden.id, testPayload("oar", hidden.orgnr));
    await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-10",
        payload: testPayload("amelding", org.orgnr),
        queue: false,
      }),
    );
    const list = (q: Record<string, string | string[]>) =>
      listOppdrag(db, [org.id], parseOppdragListFilter(q)).then((r) => r.rows);

    const all = await list({});
    expect(all.map((r) => [r.id, r.contractorName, Number(r.contractValueNok), r.startDate, r.endDate])).toEqual([
      [winter.submissionId, "Nordic Welding OÜ", 80000, "2026-12-01", "2027-02-28"],
      [autumn.submissionId, "Baltic Steel UAB", 450000.5, "2026-09-15", "2026-10-31"],
    ]);
    // Runs in the month: overlapping its start, its end, or running through it.
    expect((await list({ period: "2026-09" })).map((r) => r.id)).toEqual([autumn.submissionId]);
    expect((await list({ period: "2026-10" })).map((r) => r.id)).toEqual([autumn.submissionId]);
    expect((await list({ period: "2026-11" })).map((r) => r.id)).toEqual([]);
    expect((await list({ period: "2027-01" })).map((r) => r.id)).toEqual([winter.submissionId]);
    expect((await list({ status: ["draft", "failed"] })).map((r) => r.id)).toHaveLength(2);
    expect(await list({ status: "accepted" })).toEqual([]);
    // Another organisation's oppdrag is not listed, even when asked for by id.
    expect(await listOppdrag(db, [org.id], parseOppdragListFilter({ org: hidden.id }))).toMatchObject({ rows: [] });

    // A corrected version moves the columns with it.
    await db.transaction((tx) =>
      sendCorrectedVersion(
        tx,
        { ...user, role: "admin" },
        autumn.submissionId,
        [org.id],
        "oar",
        { ...base, oppdragstaker: { ...base.oppdragstaker, navn: "Baltic Steel Group UAB" } },
        { queue: false },
      ),
    );
    const after = await list({});
    expect(after.find((r) => r.id === autumn.submissionId)).toMatchObject({
      contractorName: "Baltic Steel Group UAB",
      startDate: base.oppdrag.startdato,
    });

    const firstPage = await listOppdrag(db, [org.id], parseOppdragListFilter({}), 1);
    const secondPage = await listOppdrag(
      db,
      [org.id],
      parseOppdragListFilter({ cursor: firstPage.nextCursor ?? "" }),
      1,
    );
    expect([...firstPage.rows, ...secondPage.rows].map((r) => r.id)).toEqual([
      winter.submissionId,
      autumn.submissionId,
    ]);
    expect(secondPage.nextCursor).toBeNull();
  });
});
