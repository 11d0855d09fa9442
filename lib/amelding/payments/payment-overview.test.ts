import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ameldingFeedback, submissions } from "@/lib/db/schema";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { testLeveranse } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { getPaymentOverview, paymentWindow } from "./payment-overview";

const db = connectTestDb();

describe("the payment overview (real PostgreSQL)", () => {
  it("lists forskuddstrekk per salary date and arbeidsgiveravgift per term from the month's current accepted A-melding, with KID, for the user's organisations only", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const other = await createTestOrganisation(db, null);
    const save = async (
      organisationId: string,
      orgnr: string,
      trekk: number[],
      aga: number,
      acceptedAt: Date,
      replacesSubmissionId?: string,
    ) => {
      const l = testLeveranse(orgnr, orgnr, "2026-10");
      l.oppgave.betalingsinformasjon = {
        sumForskuddstrekkPerLoennsutbetalingsdato: trekk.map((beloep, i) => ({
          loennsutbetalingsdato: `2026-10-${String(10 + i * 10).padStart(2, "0")}`,
          beloep,
        })),
        sumArbeidsgiveravgift: aga,
      };
      const { submissionId } = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId,
          kind: "amelding",
          subject: "2026-10",
          payload: l,
          queue: false,
          ...(replacesSubmissionId ? { replacesSubmissionId } : {}),
        }),
      );
      await db.update(submissions).set({ status: "accepted", acceptedAt }).where(eq(submissions.id, submissionId));
      return submissionId;
    };
    const original = await save(org.id, org.orgnr, [1000], 500, new Date("2026-11-02T10:00:00Z"));
    // Its replacement, accepted later, takes its place: the original counts no more.
    const current = await save(org.id, org.orgnr, [1200, 800], 2500, new Date("2026-11-04T10:00:00Z"), original);
    await db.insert(ameldingFeedback).values({
      submissionId: current,
      status: "ok",
      parsed: {
        outcome: "accepted",
        statedResult: "GODKJENT",
        deviations: [],
        sums: {
          sumForskuddstrekk: 2000,
          sumArbeidsgiveravgift: 2500,
          kontonummer: "63450618536",
          kid: "2026103109",
          forfallsdato: null,
        },
        meldingsId: null,
        forsendelseId: null,
        processedAt: null,
      },
    });
    await save(other.id, other.orgnr, [9], 9, new Date("2026-11-03T10:00:00Z"));

    const items = await getPaymentOverview(
      db,
      [org.id],
      { fra: "2026-10", til: "2026-10" },
      new Date("2026-11-20T10:00:00Z"),
    );
    expect(items.map((i) => [i.kind, i.loennsutbetalingsdato, i.dueDate, i.amount, i.state, i.kid])).toEqual([
      // Saturday 10 October → Monday 12 October; Tuesday 20 October → Wednesday 21.
      ["forskuddstrekk", "2026-10-10", "2026-10-12", 1200, "overdue", "2026103109"],
      ["forskuddstrekk", "2026-10-20", "2026-10-21", 800, "overdue", "2026103109"],
      // Term 5 (September–October) is due 15 November, a Sunday → Monday 16 November.
      ["arbeidsgiveravgift", null, "2026-11-16", 2500, "overdue", "2026103109"],
    ]);
    expect(new Set(items.map((i) => i.submissionId))).toEqual(new Set([current]));
    const early = await getPaymentOverview(
      db,
      [org.id],
      { fra: "2026-10", til: "2026-10" },
      new Date("2026-11-16T08:00:00Z"),
    );
    expect(early.map((i) => i.state)).toEqual(["overdue", "overdue", "due_today"]);

    // A second A-melding for the month that replaces nothing is owed beside it (they add up).
    const second = await save(org.id, org.orgnr, [300], 100, new Date("2026-11-05T10:00:00Z"));
    const both = await getPaymentOverview(db, [org.id], { fra: "2026-10", til: "2026-10" }, new Date("2026-11-20"));
    expect(new Set(both.map((i) => i.submissionId))).toEqual(new Set([current, second]));
    expect(both.reduce((sum, i) => sum + i.amount, 0)).toBe(1200 + 800 + 2500 + 300 + 100);
    expect(await getPaymentOverview(db, [], { fra: "2026-10", til: "2026-10" })).toEqual([]);
  });

  it("bounds the window to 24 months and orders it, whatever the query string says", () => {
    expect(paymentWindow({}, "2026-11-30")).toEqual({ fra: "2026-09", til: "2026-11" });
    expect(paymentWindow({ fra: "2026-11", til: "2026-01" }, "2026-11-30")).toEqual({ fra: "2026-01", til: "2026-11" });
    expect(paymentWindow({ fra: "2020-01", til: "2026-11" }, "2026-11-30")).toEqual({ fra: "2024-12", til: "2026-11" });
  });
});
