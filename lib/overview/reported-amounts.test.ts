import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, submissions } from "@/lib/db/schema";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { testLeveranse } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { previousMonth, reportedAmountsByMonth } from "./reported-amounts";

const db = connectTestDb();

/** A leveranse whose betalingsinformasjon states these sums (two payment dates for forskuddstrekk). */
function leveranse(orgnr: string, month: string, trekk: [number, number | string], aga: number | string) {
  const l = testLeveranse(orgnr, orgnr, month);
  l.oppgave.betalingsinformasjon = {
    sumForskuddstrekkPerLoennsutbetalingsdato: [
      { loennsutbetalingsdato: `${month}-10`, beloep: trekk[0] },
      { loennsutbetalingsdato: `${month}-20`, beloep: trekk[1] as number },
    ],
    sumArbeidsgiveravgift: aga as number,
  };
  return l;
}

describe("reported amounts per organisation and month (real PostgreSQL)", () => {
  it("gives each month's current accepted A-melding's sums with the month before, only for the user's organisations", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const other = await createTestOrganisation(db, null);
    const save = async (
      organisationId: string,
      month: string,
      l: ReturnType<typeof leveranse>,
      status: "accepted" | "rejected",
      acceptedAt?: Date,
      replaces?: string,
    ) => {
      const created = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId,
          kind: "amelding",
          subject: month,
          payload: l,
          queue: false,
          ...(replaces ? { replacesSubmissionId: replaces } : {}),
        }),
      );
      await db
        .update(submissions)
        .set({ status, acceptedAt: status === "accepted" ? (acceptedAt ?? new Date()) : null })
        .where(eq(submissions.id, created.submissionId));
      return created.submissionId;
    };
    await save(org.id, "2026-08", leveranse(org.orgnr, "2026-08", [1000, 500], 2000), "accepted");
    const september = await save(
      org.id,
      "2026-09",
      leveranse(org.orgnr, "2026-09", [1200, 300], 2500),
      "accepted",
      new Date("2026-10-04T10:00:00Z"),
    );
    // A replacement accepted later is the month's current message; a rejected one counts for nothing.
    const replacement = await save(
      org.id,
      "2026-09",
      leveranse(org.orgnr, "2026-09", [1300, "400.50"], 2600),
      "accepted",
      new Date("2026-10-06T10:00:00Z"),
      september,
    );
    await save(org.id, "2026-10", leveranse(org.orgnr, "2026-10", [9, 9], 9), "rejected");
    await save(other.id, "2026-09", leveranse(other.orgnr, "2026-09", [5, 5], 5), "accepted");

    const { rows } = await reportedAmountsByMonth(db, [org.id], "2026-09", "2026-10");
    expect(rows).toEqual([
      {
        organisationId: org.id,
        organisationName: org.name,
        month: "2026-09",
        submissionId: replacement,
        forskuddstrekk: 1700.5,
        arbeidsgiveravgift: 2600,
        previous: { forskuddstrekk: 1500, arbeidsgiveravgift: 2000 },
      },
    ]);
    expect((await reportedAmountsByMonth(db, [org.id], "2026-08", "2026-08")).rows).toMatchObject([
      { month: "2026-08", forskuddstrekk: 1500, previous: null },
    ]);

    // A second A-melding for the month that replaces nothing adds to it; the month links to it, the last accepted.
    const addition = await save(
      org.id,
      "2026-09",
      leveranse(org.orgnr, "2026-09", [100, 0], 50),
      "accepted",
      new Date("2026-10-07T10:00:00Z"),
    );
    expect((await reportedAmountsByMonth(db, [org.id], "2026-09", "2026-09")).rows).toMatchObject([
      { month: "2026-09", submissionId: addition, forskuddstrekk: 1800.5, arbeidsgiveravgift: 2650 },
    ]);
  });

  it("gives one page at a time, by organisation name and newest month first, with the total", async () => {
    const user = await createTestUser(db, "admin");
    const tag = randomUUID().slice(0, 6);
    const orgs: { id: string; orgnr: string }[] = [];
    for (const name of ["B", "A", "C"]) {
      const org = await createTestOrganisation(db, user.id);
      await db
        .update(organisations)
        .set({ name: `Beløp ${tag} ${name}` })
        .where(eq(organisations.id, org.id));
      orgs.push(org);
    }
    const accepted = async (org: (typeof orgs)[number], month: string, ft: number) => {
      const created = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "amelding",
          subject: month,
          payload: leveranse(org.orgnr, month, [ft, 0], ft * 2),
          queue: false,
        }),
      );
      await db
        .update(submissions)
        .set({ status: "accepted", acceptedAt: new Date() })
        .where(eq(submissions.id, created.submissionId));
    };
    for (const [i, org] of orgs.entries()) {
      await accepted(org, "2026-08", 100 * i + 1);
      await accepted(org, "2026-09", 100 * i + 2);
      await accepted(org, "2026-10", 100 * i + 3);
    }
    const ids = orgs.map((o) => o.id);
    const page = async (n: number) => {
      const { rows, total } = await reportedAmountsByMonth(db, ids, "2026-09", "2026-10", { page: n, pageSize: 4 });
      return {
        total,
        rows: rows.map((r) => `${r.organisationName.slice(-1)} ${r.month} ${r.previous?.forskuddstrekk}`),
      };
    };
    // Six organisation-months (August is only the month before); B's August is 1, A's 101, C's 201.
    expect(await page(1)).toEqual({
      total: 6,
      rows: ["A 2026-10 102", "A 2026-09 101", "B 2026-10 2", "B 2026-09 1"],
    });
    expect(await page(2)).toEqual({ total: 6, rows: ["C 2026-10 202", "C 2026-09 201"] });
    // Past the last page: no rows, and still the total, so the page can link back.
    expect(await page(3)).toEqual({ total: 6, rows: [] });
  });

  it("counts back over a year's end", () => {
    expect(previousMonth("2027-01")).toBe("2026-12");
    expect(previousMonth("2026-10")).toBe("2026-09");
  });
});
