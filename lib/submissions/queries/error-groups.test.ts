import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import {
  type DeliveryAttempt,
  deliveryAttempts,
  organisations,
  type SubmissionStatus,
  submissions,
} from "@/lib/db/schema";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { createSubmission } from "../operations/operations";
import { drainErrorGroupSummaryChanges } from "../rollups/error-group-summary-drain";
import { errorGroupListFilter, listErrorGroups } from "./error-groups";
import { parseSubmissionListFilter } from "./list-filter";
import { listSubmissions } from "./list-submissions";

const db = connectTestDb();

type Ending = {
  status: SubmissionStatus;
  code?: string | null;
  specCodes?: (string | null)[];
  /** The `sti` of each specification entry, in the same order as specCodes. */
  stis?: (string | null)[];
  outcome?: DeliveryAttempt["outcome"];
  at?: string;
  kind?: "oar" | "amelding";
};

/** A submission that ended as described, with the latest attempt as the engine records it. */
async function ended(actor: { id: string; email: string }, organisationId: string, e: Ending, database: Db = db) {
  const db = database;
  const created = await db.transaction((tx) =>
    createSubmission(tx, actor, {
      organisationId,
      kind: e.kind ?? "oar",
      subject: `OPP-${Math.random()}`,
      payload: testPayload(e.kind ?? "oar"),
      queue: false,
    }),
  );
  const at = new Date(e.at ?? "2026-11-20T10:00:00Z");
  await db
    .update(submissions)
    .set({
      status: e.status,
      lastErrorCode: e.code ?? null,
      statusReasonCode: "skatteetaten_message",
      statusReasonParams: { melding: `reason ${e.code ?? e.outcome}` },
      attemptCount: 2,
      lastAttemptAt: at,
    })
    .where(eq(submissions.id, created.submissionId));
  const attempt = (
    attemptNo: number,
    outcome: DeliveryAttempt["outcome"],
    decodedError: Record<string, unknown> | null,
  ) => ({
    // Only the fields the error groups read; a stored decoded error has more.
    submissionId: created.submissionId,
    versionId: created.versionId,
    attemptNo,
    idempotencyKey: created.idempotencyKey,
    outcome,
    requestMethod: "POST",
    requestUrl: "http://sandbox/oar",
    requestHeaders: {},
    requestBody: "{}",
    decodedError: decodedError as DecodedSkatteetatenError | null,
  });
  // An earlier attempt with another specification code must not decide the group.
  await db.insert(deliveryAttempts).values([
    attempt(1, "retryable_error", { code: "OAR_010", specifications: [{ kode: "OAR_1009" }] }),
    attempt(
      2,
      e.outcome ?? (e.status === "failed" ? "retryable_error" : "rejected"),
      e.code === undefined && !e.specCodes
        ? null
        : {
            code: e.code,
            specifications: (e.specCodes ?? []).map((kode, i) => ({ kode, melding: "x", sti: e.stis?.[i] ?? null })),
          },
    ),
  ]);
  return created.submissionId;
}

async function setup() {
  const user = await createTestUser(db, "support");
  const orgA = await createTestOrganisation(db, user.id);
  const orgB = await createTestOrganisation(db, user.id);
  return { user, orgA, orgB };
}

describe("listErrorGroups (real PostgreSQL)", () => {
  it("groups unsuccessful submissions by code and specification code, with counts, organisations and first/last seen", async () => {
    const { user, orgA, orgB } = await setup();
    const a1 = await ended(user, orgA.id, {
      status: "failed",
      code: "OAR_010",
      specCodes: ["OAR_1009"],
      at: "2026-11-01T08:00:00Z",
    });
    const a2 = await ended(user, orgB.id, {
      status: "failed",
      code: "OAR_010",
      specCodes: ["OAR_1009"],
      at: "2026-11-03T08:00:00Z",
    });
    const a3 = await ended(user, orgB.id, {
      status: "failed",
      code: "oar_010",
      specCodes: [null, "oar_1009"],
      at: "2026-11-02T08:00:00Z",
    });
    const b = await ended(user, orgA.id, { status: "failed", code: "OAR_010", specCodes: [] });
    const c = await ended(user, orgA.id, { status: "rejected", code: "OAR_005", specCodes: ["OAR_1040", "OAR_1041"] });
    await ended(user, orgA.id, { status: "accepted" });
    await ended(user, orgA.id, { status: "retrying", code: "OAR_010" });

    const groups = await listErrorGroups(db, [orgA.id, orgB.id]);
    expect(groups.map((g) => [g.status, g.code, g.specCode, g.count])).toEqual([
      ["failed", "OAR_010", "OAR_1009", 3],
      expect.anything(),
      expect.anything(),
    ]);
    expect(groups[0]).toMatchObject({
      cause: null,
      organisationCount: 2,
      organisationNames: [orgA.name, orgB.name].sort(),
      firstSeen: new Date("2026-11-01T08:00:00Z"),
      lastSeen: new Date("2026-11-03T08:00:00Z"),
      retryable: true,
    });
    expect(groups.slice(1).map((g) => [g.status, g.code, g.specCode, g.count, g.retryable])).toEqual(
      expect.arrayContaining([
        ["failed", "OAR_010", null, 1, true],
        ["rejected", "OAR_005", "OAR_1040", 1, false],
      ]),
    );

    // Each group's link shows exactly its members.
    const members = async (i: number) =>
      (await listSubmissions(db, [orgA.id, orgB.id], parseSubmissionListFilter(errorGroupListFilter(groups[i]!)))).rows
        .map((r) => r.id)
        .sort();
    expect(await members(0)).toEqual([a1, a2, a3].sort());
    expect(await members(groups.findIndex((g) => g.code === "OAR_010" && g.specCode === null))).toEqual([b]);
    expect(await members(groups.findIndex((g) => g.code === "OAR_005"))).toEqual([c]);
  });

  it("names the fields of each group's specification entry, with the kind of report they point into", async () => {
    const { user, orgA } = await setup();
    await ended(user, orgA.id, {
      status: "rejected",
      code: "OAR_005",
      specCodes: ["OAR_1040", "OAR_1041"],
      stis: ["/oppdrag/beskrivelse", "/oppdrag/startdato"],
    });
    await ended(user, orgA.id, {
      status: "rejected",
      code: "OAR_005",
      specCodes: [null, "OAR_1040"],
      stis: ["/oppdrag/felt", "/oppdrag/kontraktsverdi"],
    });
    await ended(user, orgA.id, {
      status: "rejected",
      code: "OAR_005",
      specCodes: ["OAR_1040"],
      stis: ["/oppdrag/beskrivelse"],
    });
    await ended(user, orgA.id, {
      status: "rejected",
      code: "AMLD_010",
      specCodes: ["AMLD_1027"],
      kind: "amelding",
      stis: ["/leveranse/kalendermaaned"],
    });
    await ended(user, orgA.id, { status: "failed", code: "OAR_010", specCodes: [] });

    const groups = await listErrorGroups(db, [orgA.id]);
    const fieldsOf = (code: string) => groups.find((g) => g.code === code)?.fields;
    expect(fieldsOf("OAR_005")).toEqual([
      { kind: "oar", sti: "/oppdrag/beskrivelse" },
      { kind: "oar", sti: "/oppdrag/kontraktsverdi" },
    ]);
    expect(fieldsOf("AMLD_010")).toEqual([{ kind: "amelding", sti: "/leveranse/kalendermaaned" }]);
    expect(fieldsOf("OAR_010")).toEqual([]);
  });

  it("keeps an unknown code as its own group and groups failures without a code by their cause", async () => {
    const { user, orgA } = await setup();
    const unknown = await ended(user, orgA.id, { status: "rejected", code: "OAR_999" });
    const timeout = await ended(user, orgA.id, { status: "failed", outcome: "timeout" });
    const dropped = await ended(user, orgA.id, { status: "failed", outcome: "network_error" });
    const token = await ended(user, orgA.id, { status: "failed", outcome: "not_sent" });
    const noCode = await ended(user, orgA.id, {
      status: "failed",
      outcome: "retryable_error",
      code: null,
      specCodes: [],
    });
    // The same failures in an organisation the reader does not have: in neither the groups nor their links.
    const hidden = await createTestOrganisation(db, null);
    await ended(user, hidden.id, { status: "rejected", code: "OAR_999" });
    await ended(user, hidden.id, { status: "failed", outcome: "timeout" });

    const groups = await listErrorGroups(db, [orgA.id]);
    const key = (g: (typeof groups)[number]) => `${g.status}:${g.code ?? g.cause}`;
    expect(Object.fromEntries(groups.map((g) => [key(g), g.count]))).toEqual({
      "rejected:OAR_999": 1,
      "failed:transport": 2,
      "failed:token": 1,
      "failed:no_code": 1,
    });
    expect(groups.find((g) => g.code === "OAR_999")!.latestReason).toEqual({
      code: "skatteetaten_message",
      params: { melding: "reason OAR_999" },
    });
    const members = async (k: string) =>
      (
        await listSubmissions(
          db,
          [orgA.id],
          parseSubmissionListFilter(errorGroupListFilter(groups.find((g) => key(g) === k)!)),
        )
      ).rows
        .map((r) => r.id)
        .sort();
    expect(await members("rejected:OAR_999")).toEqual([unknown]);
    expect(await members("failed:transport")).toEqual([timeout, dropped].sort());
    expect(await members("failed:token")).toEqual([token]);
    expect(await members("failed:no_code")).toEqual([noCode]);
  });

  it("counts only the user's organisations and narrows by kind, organisation and date", async () => {
    const { user, orgA, orgB } = await setup();
    const hidden = await createTestOrganisation(db, null);
    await ended(user, orgA.id, { status: "failed", code: "OAR_006" });
    await ended(user, orgB.id, { status: "failed", code: "OAR_006" });
    await ended(user, hidden.id, { status: "failed", code: "OAR_006" });
    await ended(user, orgA.id, { status: "failed", code: "AMLD_017", kind: "amelding" });

    const counts = async (filter: Parameters<typeof listErrorGroups>[2]) =>
      Object.fromEntries((await listErrorGroups(db, [orgA.id, orgB.id], filter)).map((g) => [g.code, g.count]));
    expect(await counts({})).toEqual({ OAR_006: 2, AMLD_017: 1 });
    expect(await counts({ kind: "amelding" })).toEqual({ AMLD_017: 1 });
    expect(await counts({ org: orgB.id })).toEqual({ OAR_006: 1 });
    expect(await counts({ from: "2999-01-01" })).toEqual({});
    expect(await listErrorGroups(db, [])).toEqual([]);
    expect(Object.fromEntries((await listErrorGroups(db, [hidden.id])).map((g) => [g.code, g.count]))).toEqual({
      OAR_006: 1,
    });
  });

  it("names a group's first three organisations by name and counts the rest, organisations sharing a name once", async () => {
    const { user, orgA } = await setup();
    const code = `OAR_${String(100 + Math.floor(Math.random() * 800))}`;
    const prefix = `Navn ${Math.random().toString(36).slice(2, 8)}`;
    const orgs = [orgA];
    for (let i = 0; i < 5; i++) orgs.push(await createTestOrganisation(db, user.id));
    // Six organisations, five names: "… D" twice.
    const names = ["E", "C", "A", "D", "D", "B"].map((letter) => `${prefix} ${letter}`);
    for (const [i, org] of orgs.entries()) {
      await db.update(organisations).set({ name: names[i]! }).where(eq(organisations.id, org.id));
      await ended(user, org.id, { status: "rejected", code });
      if (i === 1) await ended(user, org.id, { status: "rejected", code, kind: "amelding" });
    }
    const [group] = (
      await listErrorGroups(
        db,
        orgs.map((o) => o.id),
      )
    ).filter((g) => g.code === code);
    expect(group).toMatchObject({
      count: 7,
      organisationCount: 6,
      organisationNames: [`${prefix} A`, `${prefix} B`, `${prefix} C`],
      organisationNameCount: 5,
    });
    // A reader of two of them sees those two only.
    const [narrow] = (await listErrorGroups(db, [orgs[0]!.id, orgs[3]!.id])).filter((g) => g.code === code);
    expect(narrow).toMatchObject({
      count: 2,
      organisationCount: 2,
      organisationNames: [`${prefix} D`, `${prefix} E`],
      organisationNameCount: 2,
    });
  });

  it("gives a reader of every organisation the summaries' groups, the same figures as from each organisation's rows", async () => {
    // Its own database: the summaries serve only a reader of every organisation there is.
    const isolated = await createIsolatedDatabase();
    try {
      const idb = isolated.db;
      const user = await createTestUser(idb, "support");
      const orgs: Awaited<ReturnType<typeof createTestOrganisation>>[] = [];
      for (let i = 0; i < 5; i++) orgs.push(await createTestOrganisation(idb, user.id));
      // No failures: a reader without it sees the same groups, computed from error_group_totals.
      const quiet = await createTestOrganisation(idb, user.id);
      const names = ["C", "A", "B", "A", "D"];
      for (const [i, org] of orgs.entries()) {
        await idb
          .update(organisations)
          .set({ name: `Org ${names[i]}` })
          .where(eq(organisations.id, org.id));
      }
      let minute = 0;
      const fail = (org: number, e: Ending) =>
        ended(user, orgs[org]!.id, { ...e, at: new Date(Date.UTC(2026, 10, 20, 10, minute++)).toISOString() }, idb);
      for (const org of [0, 1, 2, 3, 4])
        await fail(org, { status: "rejected", code: "OAR_005", specCodes: ["OAR_1040"], stis: [`/f${org}`] });
      await fail(1, { status: "rejected", code: "OAR_005", specCodes: ["OAR_1040"], kind: "amelding", stis: ["/g"] });
      await fail(2, { status: "failed", outcome: "timeout" });
      await fail(3, { status: "failed", outcome: "timeout", kind: "amelding" });
      await fail(4, { status: "conflict", code: "OAR_011" });

      const every = [...orgs, quiet].map((o) => o.id);
      const withFailures = orgs.map((o) => o.id);
      // Groups with rows in the outbox (a change may note its group more than once).
      const pending = async () =>
        (
          await idb.execute<{ n: number }>(
            sql`select count(distinct (status, code, spec_code, cause))::int as n from error_group_summary_changes`,
          )
        )[0]!.n;
      // The same groups and figures as the organisations' own rows (the old statement), whether the
      // groups are pending in the outbox, drained, or some of each.
      const expectSameAsEachOrganisation = async () => {
        expect(await listErrorGroups(idb, every)).toEqual(await listErrorGroups(idb, withFailures));
        for (const kind of ["oar", "amelding"] as const) {
          expect(await listErrorGroups(idb, every, { kind })).toEqual(
            await listErrorGroups(idb, withFailures, { kind }),
          );
        }
      };
      const drain = () => drainErrorGroupSummaryChanges(idb, { batchSize: 3 });

      // The writers only noted their groups: nothing drained yet, every group read from the totals.
      expect(await pending()).toBeGreaterThan(0);
      await expectSameAsEachOrganisation();
      expect(await drain()).toBeGreaterThan(0);
      expect(await pending()).toBe(0);
      const fromSummaries = await listErrorGroups(idb, every);
      expect(fromSummaries.find((g) => g.code === "OAR_005")).toMatchObject({
        count: 6,
        organisationCount: 5,
        organisationNames: ["Org A", "Org B", "Org C"],
        organisationNameCount: 4,
        fields: [
          { kind: "amelding", sti: "/g" },
          { kind: "oar", sti: "/f0" },
          { kind: "oar", sti: "/f1" },
        ],
      });
      await expectSameAsEachOrganisation();
      // A reader of some organisations sees only theirs.
      const narrow = await listErrorGroups(idb, [orgs[0]!.id, orgs[2]!.id, quiet.id]);
      expect(narrow.map((g) => [g.code ?? g.cause, g.count, g.organisationCount, g.organisationNames])).toEqual(
        expect.arrayContaining([
          ["OAR_005", 2, 2, ["Org B", "Org C"]],
          ["transport", 1, 1, ["Org B"]],
        ]),
      );
      expect(narrow).toHaveLength(2);

      // One group changed (the triggers note every group of the organisation's day), the others
      // drained: the changed one counted at once, from the totals.
      await fail(0, { status: "conflict", code: "OAR_011" });
      expect(await pending()).toBeGreaterThan(0);
      expect(await pending()).toBeLessThan(fromSummaries.length);
      expect((await listErrorGroups(idb, every)).find((g) => g.code === "OAR_011")).toMatchObject({
        count: 2,
        organisationCount: 2,
      });
      await expectSameAsEachOrganisation();

      // A renamed organisation's new name, at once, and after the drain.
      await idb.update(organisations).set({ name: "Org 0" }).where(eq(organisations.id, orgs[4]!.id));
      expect((await listErrorGroups(idb, every)).find((g) => g.code === "OAR_005")!.organisationNames).toEqual([
        "Org 0",
        "Org A",
        "Org B",
      ]);
      await expectSameAsEachOrganisation();
      await drain();
      expect(await pending()).toBe(0);
      expect((await listErrorGroups(idb, every)).find((g) => g.code === "OAR_005")!.organisationNames).toEqual([
        "Org 0",
        "Org A",
        "Org B",
      ]);
      await expectSameAsEachOrganisation();

      // The reader of every organisation did read the summaries: without them (and nothing pending),
      // no groups; a rebuild (bench/scale-data.ts after a bulk load) restores them and empties the outbox.
      await idb.execute(sql`delete from error_group_summaries`);
      expect(await listErrorGroups(idb, every)).toEqual([]);
      await idb.execute(sql`insert into error_group_summary_changes (status, code) values ('rejected', 'OAR_005')`);
      await idb.execute(sql`select rebuild_submission_rollups()`);
      expect(await pending()).toBe(0);
      await expectSameAsEachOrganisation();
    } finally {
      await isolated.close();
    }
  });

  it("narrows by a time of day, counting exactly the failures the list shows for the same bounds", async () => {
    const { user, orgA } = await setup();
    // Oslo times: 23:30 on the 19th, 10:00 and 16:00 on the 20th, 09:00 on the 21st, 13:00 on the 22nd.
    for (const createdAt of [
      "2026-11-19T22:30:00Z",
      "2026-11-20T09:00:00Z",
      "2026-11-20T15:00:00Z",
      "2026-11-21T08:00:00Z",
      "2026-11-22T12:00:00Z",
    ]) {
      const id = await ended(user, orgA.id, { status: "failed", code: "OAR_006" });
      await db
        .update(submissions)
        .set({ createdAt: new Date(createdAt) })
        .where(eq(submissions.id, id));
    }
    const cases: [Parameters<typeof listErrorGroups>[2], number][] = [
      [{ from: "2026-11-20T11:00", to: "2026-11-21T10:00" }, 2],
      [{ from: "2026-11-20T11:00", to: "2026-11-22" }, 3],
      [{ from: "2026-11-20", to: "2026-11-21T08:59" }, 2],
      [{ from: "2026-11-20T10:00", to: "2026-11-20T10:30" }, 1],
      [{ to: "2026-11-20T00:00" }, 1],
      [{ from: "2026-11-20", to: "2026-11-21" }, 3],
    ];
    for (const [filter, expected] of cases) {
      const groups = await listErrorGroups(db, [orgA.id], filter);
      expect(
        groups.map((g) => g.count),
        JSON.stringify(filter),
      ).toEqual([expected]);
      const listed = await listSubmissions(
        db,
        [orgA.id],
        parseSubmissionListFilter(errorGroupListFilter(groups[0]!, filter)),
      );
      expect(listed.rows, JSON.stringify(filter)).toHaveLength(expected);
    }
  });
});
