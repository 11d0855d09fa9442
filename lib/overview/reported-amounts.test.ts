import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { submissions } from "@/lib/db/schema";
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

    const rows = await reportedAmountsByMonth(db, [org.id], "2026-09", "2026-10");
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
    expect(await reportedAmountsByMonth(db, [org.id], "2026-08", "2026-08")).toMatchObject([
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
    expect(await reportedAmountsByMonth(db, [org.id], "2026-09", "2026-09")).toMatchObject([
      { month: "2026-09", submissionId: addition, forskuddstrekk: 1800.5, arbeidsgiveravgift: 2650 },
    ]);
  });

  it("counts back over a year's end", () => {
    expect(previousMonth("2027-01")).toBe("2026-12");
    expect(previousMonth("2026-10")).toBe("2026-09");
  });
});
