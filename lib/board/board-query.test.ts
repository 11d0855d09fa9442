import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ameldingFeedback,
  type FeedbackStatus,
  organisations,
  type SubmissionStatus,
  submissions,
} from "@/lib/db/schema";
import type { FeedbackSeverity, ParsedFeedback } from "@/lib/reporting/amelding/feedback-adapter";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { BOARD_STATES, type BoardFilter, parseBoardFilter } from "./board-filter";
import { getBoard } from "./board-query";

const db = connectTestDb();
let creator: { id: string; email: string };

/** 29 December 2026 in Oslo: December's deadline (5 January) is 4 working days away, 1 January being a holiday. */
const NOW = new Date("2026-12-29T10:00:00Z");
const filter = (params: Record<string, string | string[]> = {}): BoardFilter => parseBoardFilter(params);

function oarPayload(options: { oarStart?: string; oar?: Record<string, unknown> }) {
  const payload = testPayload("oar") as { oppdrag: Record<string, unknown> };
  return {
    ...payload,
    oppdrag: { ...payload.oppdrag, ...(options.oarStart ? { startdato: options.oarStart } : {}) },
    ...options.oar,
  };
}

/** An A-melding (or oppdrag) as the delivery engine leaves it. */
async function submission(
  organisationId: string,
  subject: string,
  status: SubmissionStatus,
  options: {
    acceptedAt?: string;
    createdAt?: string;
    replaces?: string;
    kind?: "amelding" | "oar";
    oarStart?: string;
    /** More of the oppdrag: arbeidstakere, a change date. */
    oar?: Record<string, unknown>;
  } = {},
) {
  const kind = options.kind ?? "amelding";
  const { submissionId } = await createSubmission(db, creator, {
    organisationId,
    kind,
    subject,
    payload: kind === "oar" ? oarPayload(options) : { ...testPayload("amelding"), kalendermaaned: subject },
    queue: false,
  });
  await db
    .update(submissions)
    .set({
      status,
      acceptedAt: options.acceptedAt ? new Date(options.acceptedAt) : null,
      replacesSubmissionId: options.replaces ?? null,
      ...(options.createdAt ? { createdAt: new Date(options.createdAt) } : {}),
    })
    .where(eq(submissions.id, submissionId));
  return submissionId;
}

async function feedback(submissionId: string, status: FeedbackStatus, severities: FeedbackSeverity[] = []) {
  const parsed: ParsedFeedback = {
    outcome: status === "rejected" ? "rejected" : severities.length ? "accepted_with_deviations" : "accepted",
    statedResult: null,
    deviations: severities.map((severity) => ({
      code: "MAGNET_EDAG-219",
      severity,
      message: null,
      person: null,
      virksomhet: null,
      sti: null,
      fieldPath: null,
    })),
    sums: null,
    meldingsId: null,
    forsendelseId: null,
    processedAt: null,
  };
  await db.insert(ameldingFeedback).values({ submissionId, status, parsed: status === "waiting" ? null : parsed });
}

async function organisationAddedOn(grantTo: string, createdAt: string) {
  const org = await createTestOrganisation(db, grantTo);
  await db
    .update(organisations)
    .set({ createdAt: new Date(createdAt) })
    .where(eq(organisations.id, org.id));
  return org;
}

describe("getBoard (real PostgreSQL)", () => {
  let viewer: { id: string };
  let a: { id: string; name: string };
  let late: { id: string };
  let foreign: { id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const user = await createTestUser(db, "admin");
    creator = user;
    viewer = user;
    a = await organisationAddedOn(user.id, "2025-06-01T08:00:00Z");
    late = await organisationAddedOn(user.id, "2026-09-01T08:00:00Z");
    const stranger = await createTestUser(db, "admin");
    foreign = await organisationAddedOn(stranger.id, "2025-06-01T08:00:00Z");

    ids.rejected = await submission(a.id, "2026-11", "rejected");
    ids.deviations = await submission(a.id, "2026-10", "accepted", { acceptedAt: "2026-11-05T08:00:00Z" });
    await feedback(ids.deviations, "deviations", ["immediate", "guideline", "guideline"]);
    ids.clean = await submission(a.id, "2026-09", "accepted", { acceptedAt: "2026-10-05T08:00:00Z" });
    await feedback(ids.clean, "ok");
    const original = await submission(a.id, "2026-08", "accepted", { acceptedAt: "2026-09-04T08:00:00Z" });
    await feedback(original, "deviations", ["immediate"]);
    ids.replacement = await submission(a.id, "2026-08", "accepted", {
      acceptedAt: "2026-09-20T08:00:00Z",
      replaces: original,
    });
    await feedback(ids.replacement, "ok");
    ids.waiting = await submission(a.id, "2026-07", "accepted", { acceptedAt: "2026-08-05T08:00:00Z" });
    await feedback(ids.waiting, "waiting");
    ids.sending = await submission(a.id, "2026-06", "queued");
    // May: accepted, then a replacement sent later was rejected: work outstanding on the replacement.
    const may = await submission(a.id, "2026-05", "accepted", {
      acceptedAt: "2026-06-05T08:00:00Z",
      createdAt: "2026-06-04T08:00:00Z",
    });
    await feedback(may, "ok");
    ids.failedReplacement = await submission(a.id, "2026-05", "failed", {
      createdAt: "2026-06-20T08:00:00Z",
      replaces: may,
    });
    // April: rejected first, accepted afterwards: the rejection is behind it.
    await submission(a.id, "2026-04", "rejected", { createdAt: "2026-05-01T08:00:00Z" });
    ids.april = await submission(a.id, "2026-04", "accepted", {
      createdAt: "2026-05-04T08:00:00Z",
      acceptedAt: "2026-05-05T08:00:00Z",
    });
    await feedback(ids.april, "ok");
    // February: only a draft; March: nothing at all. Both past their deadline.
    ids.draft = await submission(a.id, "2026-02", "draft");
    // January: Avvisning in the feedback.
    ids.avvisning = await submission(a.id, "2026-01", "accepted", { acceptedAt: "2026-02-05T08:00:00Z" });
    await feedback(ids.avvisning, "rejected", ["rejection"]);
    // A cancelled A-melding is no work done and none outstanding.
    await submission(a.id, "2025-12", "cancelled");
    // OAR: work started 1 December (deadline 15 December, passed) and 20 December (deadline 3 January, due).
    await submission(a.id, "oppdrag-1", "draft", { kind: "oar", oarStart: "2026-12-01" });
    await submission(a.id, "oppdrag-2", "rejected", { kind: "oar", oarStart: "2026-12-20" });
    // Cancelled: owes nothing, though its start date has passed.
    await submission(a.id, "oppdrag-4", "cancelled", { kind: "oar", oarStart: "2026-12-01" });
    await submission(a.id, "oppdrag-3", "accepted", {
      kind: "oar",
      oarStart: "2026-12-01",
      acceptedAt: "2026-12-02T08:00:00Z",
    });
    // A change of oppdrag-3 not yet accepted: its start is covered by the accepted report; its change
    // (10 December, deadline 24 December, passed) and a new arbeidstaker's first day (18 December,
    // deadline 1 January, due) are not.
    await submission(a.id, "oppdrag-3", "draft", {
      kind: "oar",
      oarStart: "2026-12-01",
      oar: {
        endringsdato: "2026-12-10",
        arbeidstakere: [
          {
            navn: "Ola Testmann",
            identifikasjon: {
              variant: "utenlandsk",
              utenlandskIdNummer: "LT-1",
              fodselsdato: "1980-01-01",
              landkode: "LT",
            },
            forsteArbeidsdag: "2026-12-18",
          },
        ],
      },
    });

    await submission(foreign.id, "2026-11", "rejected");
  });

  const rowOf = (board: Awaited<ReturnType<typeof getBoard>>, id: string) => board.rows.find((r) => r.id === id)!;
  const cellOf = (board: Awaited<ReturnType<typeof getBoard>>, id: string, month: string) =>
    rowOf(board, id).cells.find((c) => c.kalendermaaned === month)!;

  it("derives every state of an organisation-month", async () => {
    const board = await getBoard(db, [a.id, late.id], viewer, filter(), { now: NOW });
    const state = (month: string) => cellOf(board, a.id, month).state;
    expect(board.months.map((m) => m.kalendermaaned)).toEqual([
      "2027-01",
      "2026-12",
      "2026-11",
      "2026-10",
      "2026-09",
      "2026-08",
      "2026-07",
      "2026-06",
      "2026-05",
      "2026-04",
      "2026-03",
      "2026-02",
      "2026-01",
      "2025-12",
    ]);
    expect(state("2027-01")).toBe("not_due");
    expect(state("2026-12")).toBe("not_sent");
    expect(state("2026-11")).toBe("rejected");
    expect(state("2026-10")).toBe("deviations");
    expect(state("2026-09")).toBe("accepted");
    expect(state("2026-08")).toBe("replaced");
    expect(state("2026-07")).toBe("awaiting_feedback");
    expect(state("2026-06")).toBe("sending");
    expect(state("2026-05")).toBe("rejected");
    expect(state("2026-04")).toBe("accepted");
    expect(state("2026-03")).toBe("overdue");
    expect(state("2026-02")).toBe("overdue");
    expect(state("2026-01")).toBe("deviations");
    expect(state("2025-12")).toBe("overdue");
    // Added in September: months whose deadline passed before then were reported elsewhere.
    expect(cellOf(board, late.id, "2026-03").state).toBe("not_tracked");
    expect(cellOf(board, late.id, "2026-09").state).toBe("overdue");
  });

  it("points each cell at the submission to act on and counts deviations by severity", async () => {
    const board = await getBoard(db, [a.id], viewer, filter(), { now: NOW });
    const cell = (month: string) => cellOf(board, a.id, month);
    expect(cell("2026-11").submissionId).toBe(ids.rejected);
    expect(cell("2026-05").submissionId).toBe(ids.failedReplacement);
    expect(cell("2026-08").submissionId).toBe(ids.replacement);
    expect(cell("2026-06").submissionId).toBe(ids.sending);
    expect(cell("2026-02")).toMatchObject({ submissionId: null, draftId: ids.draft });
    expect(cell("2026-10")).toMatchObject({
      submissionId: ids.deviations,
      avvisning: 0,
      oyeblikkelig: 1,
      retningslinje: 2,
    });
    expect(cell("2026-01")).toMatchObject({ submissionId: ids.avvisning, avvisning: 1, oyeblikkelig: 0 });
    // The replaced original's Øyeblikkelig no longer counts.
    expect(cell("2026-08")).toMatchObject({ oyeblikkelig: 0 });
  });

  it("counts working days to the deadline without weekends and holidays", async () => {
    const board = await getBoard(db, [a.id], viewer, filter(), { now: NOW });
    // 30 and 31 December, (1 January is a holiday, 2–3 a weekend), 4 and 5 January.
    expect(board.months.find((m) => m.kalendermaaned === "2026-12")).toEqual({
      kalendermaaned: "2026-12",
      deadline: "2027-01-05",
      workingDaysLeft: 4,
    });
    expect(board.months.find((m) => m.kalendermaaned === "2026-11")!.workingDaysLeft).toBe(-1);
  });

  it("counts OAR obligations due and overdue (14 days after the work starts, an arbeidstaker's first day, a change)", async () => {
    const board = await getBoard(db, [a.id], viewer, filter(), { now: NOW });
    expect(rowOf(board, a.id)).toMatchObject({ oarDue: 2, oarOverdue: 2 });
  });

  it("shows only the caller's organisations", async () => {
    const board = await getBoard(db, [a.id, late.id], viewer, filter(), { now: NOW });
    expect(board.rows.map((r) => r.id).sort()).toEqual([a.id, late.id].sort());
    expect(board.total).toBe(2);
    const none = await getBoard(db, [], viewer, filter(), { now: NOW });
    expect(none.rows).toEqual([]);
  });

  it("filters by state, owner and text, and sorts by risk", async () => {
    const both = [a.id, late.id];
    const sending = await getBoard(db, both, viewer, filter({ state: "sending" }), { now: NOW });
    expect(sending.rows.map((r) => r.id)).toEqual([a.id]);
    const text = await getBoard(db, both, viewer, filter({ q: a.name.slice(-6) }), { now: NOW });
    expect(text.rows.map((r) => r.id)).toEqual([a.id]);
    const likeIsLiteral = await getBoard(db, both, viewer, filter({ q: "%" }), { now: NOW });
    expect(likeIsLiteral.rows).toEqual([]);

    await db.update(organisations).set({ ownerUserId: viewer.id }).where(eq(organisations.id, late.id));
    const mine = await getBoard(db, both, viewer, filter({ owner: "mine" }), { now: NOW });
    expect(mine.rows.map((r) => r.id)).toEqual([late.id]);
    expect(mine.rows[0]!.owner).toEqual({ id: viewer.id, name: "Test admin" });
    const unowned = await getBoard(db, both, viewer, filter({ owner: "none" }), { now: NOW });
    expect(unowned.rows.map((r) => r.id)).toEqual([a.id]);

    // By name (only the page's cells are derived): the same states as by risk.
    const byName = await getBoard(db, both, viewer, filter({ sort: "name" }), { now: NOW });
    expect(rowOf(byName, a.id).cells).toEqual(
      rowOf(await getBoard(db, both, viewer, filter(), { now: NOW }), a.id).cells,
    );
    expect(cellOf(byName, late.id, "2026-03").state).toBe("not_tracked");

    // `a` has December 2025 overdue; `late` has nothing before September: `a` is at more risk.
    const risk = await getBoard(db, both, viewer, filter(), { now: NOW });
    expect(risk.rows.map((r) => r.id)).toEqual([a.id, late.id]);
    expect(rowOf(risk, a.id).riskDeadline).toBe("2026-01-05");
    expect(rowOf(risk, late.id).riskDeadline).toBe("2026-09-07");
  });

  it("keeps each organisation-month's facts as a recount gives them, as submissions and feedback change", async () => {
    // June: sent, now accepted; September: its feedback replaced by one with Øyeblikkelig.
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date("2026-07-03T08:00:00Z") })
      .where(eq(submissions.id, ids.sending!));
    await db
      .update(ameldingFeedback)
      .set({ status: "deviations", parsed: null })
      .where(eq(ameldingFeedback.submissionId, ids.clean!));
    const board = await getBoard(db, [a.id], viewer, filter(), { now: NOW });
    expect(cellOf(board, a.id, "2026-06")).toMatchObject({ state: "awaiting_feedback", submissionId: ids.sending });
    expect(cellOf(board, a.id, "2026-09").state).toBe("deviations");

    const facts = () =>
      db.execute(sql`select * from board_month_facts where organisation_id in (${a.id}, ${late.id})
        order by organisation_id, kalendermaaned`);
    const maintained = [...(await facts())];
    await db.execute(sql`select refresh_board_month_facts(array_agg(organisation_id), array_agg(subject))
      from (select distinct organisation_id, subject from submissions
            where kind = 'amelding' and organisation_id in (${a.id}, ${late.id})) k`);
    expect([...(await facts())]).toEqual(maintained);
    expect(maintained.length).toBe(10);
  });

  it("ranks and filters by state from the kept timelines exactly as the cells say, as submissions change", async () => {
    // A third organisation: sending a replacement of a month accepted with Øyeblikkelig (serious),
    // and a month rejected in the future window.
    const third = await organisationAddedOn(viewer.id, "2025-01-01T08:00:00Z");
    const accepted = await submission(third.id, "2026-10", "accepted", { acceptedAt: "2026-11-04T08:00:00Z" });
    await feedback(accepted, "deviations", ["immediate"]);
    await submission(third.id, "2026-10", "queued", { createdAt: "2026-11-20T08:00:00Z", replaces: accepted });
    await submission(third.id, "2027-01", "rejected");
    const all = [a.id, late.id, third.id];

    const check = async (step: string) => {
      // By name, the cells are derived from the facts month by month (not from the timelines).
      const cells = await getBoard(db, all, viewer, filter({ sort: "name" }), { now: NOW });
      const months = new Map(cells.months.map((m) => [m.kalendermaaned, m.deadline]));
      for (const state of BOARD_STATES) {
        const expected = cells.rows.filter((r) => r.cells.some((c) => c.state === state)).map((r) => r.id);
        const filtered = await getBoard(db, all, viewer, filter({ state, sort: "name" }), { now: NOW });
        expect(
          filtered.rows.map((r) => r.id),
          `${step}: state=${state}`,
        ).toEqual(expected);
      }
      const risk = await getBoard(db, all, viewer, filter(), { now: NOW });
      const expectedRisk = cells.rows.map((r) => {
        const outstanding = r.cells
          .filter((c) => c.state === "overdue" || c.state === "not_sent" || c.state === "rejected")
          .map((c) => months.get(c.kalendermaaned)!)
          .sort();
        const serious = r.cells.filter(
          (c) => c.state === "rejected" || c.avvisning > 0 || c.oyeblikkelig > 0 || c.state === "deviations",
        ).length;
        return { id: r.id, name: r.name, riskDeadline: outstanding[0] ?? null, serious };
      });
      expect(
        risk.rows.map((r) => ({ id: r.id, riskDeadline: r.riskDeadline })),
        `${step}: risk order`,
      ).toEqual(
        expectedRisk
          .sort(
            (x, y) =>
              (x.riskDeadline ?? "9999").localeCompare(y.riskDeadline ?? "9999") ||
              y.serious - x.serious ||
              x.name.localeCompare(y.name),
          )
          .map((r) => ({ id: r.id, riskDeadline: r.riskDeadline })),
      );
    };
    await check("seeded");

    // Changes: November's rejection resent and accepted clean; March sent and in flight; the
    // third organisation's future rejection cancelled.
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date("2026-12-01T08:00:00Z") })
      .where(eq(submissions.id, ids.rejected!));
    await submission(a.id, "2026-03", "sending");
    await db
      .update(submissions)
      .set({ status: "cancelled" })
      .where(and(eq(submissions.organisationId, third.id), eq(submissions.subject, "2027-01")));
    await check("after changes");

    const timelines = () =>
      db.execute(sql`select * from board_organisation_timelines where organisation_id in (${a.id}, ${late.id}, ${third.id})
        order by organisation_id`);
    const maintained = [...(await timelines())];
    await db.execute(sql`select refresh_board_organisation_timelines(array[${a.id}, ${late.id}, ${third.id}]::uuid[])`);
    expect([...(await timelines())]).toEqual(maintained);
    // `late` has no A-melding at all: no timeline (every month reads as "-").
    expect(maintained.length).toBe(2);
  });
});
