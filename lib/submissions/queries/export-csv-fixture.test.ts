import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/db/schema";
import { deliveryAttempts, organisations, submissions, submissionVersions } from "@/lib/db/schema";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { createTestUser } from "@/lib/testing/test-db";
import { testTranslator } from "@/lib/testing/test-translator";
import { startSubmissionsExport } from "./export-csv";
import { beginSubmissionExport, EXPORT_BATCH_SIZE, submissionExportCursor } from "./export-query";
import { parseSubmissionListFilter } from "./list-filter";

/**
 * The CSV export byte for byte against files written by the export as it was before it was
 * streamed through one cursor (lib/testing/fixtures/submissions-export-*.csv): every column, the
 * quoting, the formula guard, Norwegian times (summer, winter, a UTC evening that is the next
 * Norwegian day) and amounts, the masking, the truncated identifier list, the latest attempt's
 * korrelasjonsid, a submission without a version, and nothing from an organisation not granted.
 */
const FIXTURES = path.join(process.cwd(), "lib/testing/fixtures");
const t = testTranslator();

const ORG_A = "0b9d3a58-0000-4000-8000-00000000000a";
const ORG_B = "0b9d3a58-0000-4000-8000-00000000000b";
const HIDDEN = "0b9d3a58-0000-4000-8000-00000000000c";
const id = (n: number) => `5b1e0000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const versionId = (n: number) => `7e110000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const FNR = ["01017012345", "31129954321"];

function ameldingPayload(orgnr: string, identifiers: string[]) {
  return {
    kalendermaaned: "2026-06",
    opplysningspliktig: { norskIdentifikator: orgnr },
    oppgave: {
      virksomhet: [
        {
          norskIdentifikator: orgnr,
          inntektsmottaker: identifiers.map((norskIdentifikator) => ({ norskIdentifikator })),
        },
      ],
    },
  };
}

let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  const db = iso.db;
  await db.insert(organisations).values([
    { id: ORG_A, orgnr: "310000011", name: 'Fjord & "Fisk"; Regnskap AS' },
    { id: ORG_B, orgnr: "310000022", name: "Ærlig Øl og Å, AS" },
    { id: HIDDEN, orgnr: "310000033", name: "Skjult AS" },
  ]);
  const rows: (typeof submissions.$inferInsert)[] = [
    // Accepted A-melding in summer time, with every id Skatteetaten gave back.
    {
      id: id(1),
      organisationId: ORG_A,
      kind: "amelding",
      subject: "2026-06",
      status: "accepted",
      attemptCount: 2,
      acceptedAt: new Date("2026-07-01T10:00:03.500Z"),
      receivedIds: { forsendelseId: "fs-1", meldingsId: "m;1", dialogId: "d-1" },
      createdAt: new Date("2026-07-01T10:00:00.123456Z"),
    },
    // Rejected with a code the catalogue does not know: Skatteetaten's message, quoting a fødselsnummer.
    {
      id: id(2),
      organisationId: ORG_A,
      kind: "amelding",
      subject: "2026-01",
      status: "rejected",
      attemptCount: 1,
      lastErrorCode: "XYZ_999",
      statusReasonCode: "skatteetaten_message",
      statusReasonParams: { melding: `Ugyldig identifikator ${FNR[0]}; "sjekk"\nlinje 2` },
      createdAt: new Date("2026-01-15T23:30:00Z"),
    },
    // Rejected with a catalogued code, a subject that is a formula, a contractor without orgnr.
    {
      id: id(3),
      organisationId: ORG_B,
      kind: "oar",
      subject: '=HYPERLINK("http://evil";"klikk")',
      status: "rejected",
      attemptCount: 3,
      lastErrorCode: "oar_001",
      createdAt: new Date("2026-03-29T00:59:59Z"),
    },
    // Failed on transport, a subject starting with other formula characters.
    {
      id: id(4),
      organisationId: ORG_B,
      kind: "oar",
      subject: "@SUM(A1)\t-1",
      status: "failed",
      attemptCount: 1,
      statusReasonCode: "timeout",
      statusReasonParams: { seconds: 30 },
      createdAt: new Date("2026-10-25T01:30:00Z"),
    },
    // A draft A-melding of more inntektsmottakere than the export lists.
    {
      id: id(5),
      organisationId: ORG_A,
      kind: "amelding",
      subject: "2026-09",
      status: "draft",
      createdAt: new Date("2026-09-30T22:00:00Z"),
    },
    // No version at all (left join), cancelled.
    {
      id: id(6),
      organisationId: ORG_B,
      kind: "oar",
      subject: "+47 99 99 99 99",
      status: "cancelled",
      statusReasonCode: "cancelled",
      createdAt: new Date("2025-12-31T23:00:00Z"),
    },
    // Another organisation's, never exported.
    {
      id: id(7),
      organisationId: HIDDEN,
      kind: "oar",
      subject: "HIDDEN",
      createdAt: new Date("2026-07-02T10:00:00Z"),
    },
  ];
  await db.insert(submissions).values(rows);
  const many = Array.from(
    { length: 1003 },
    (_, i) => `${String(10_000 + i).padStart(6, "0")}${String(i).padStart(5, "0")}`,
  );
  await db.insert(submissionVersions).values([
    {
      id: versionId(1),
      submissionId: id(1),
      versionNo: 1,
      payload: ameldingPayload("310000011", FNR),
      idempotencyKey: versionId(101),
      reportedForskuddstrekk: 12345.5,
      reportedArbeidsgiveravgift: -20.25,
    },
    {
      id: versionId(2),
      submissionId: id(2),
      versionNo: 1,
      payload: ameldingPayload("310000011", [FNR[1]!]),
      idempotencyKey: versionId(102),
      reportedForskuddstrekk: 0,
      reportedArbeidsgiveravgift: 1000000,
    },
    {
      id: versionId(3),
      submissionId: id(3),
      versionNo: 1,
      payload: { oppdragstaker: { navn: '-Baltic; "Steel" UAB', registreringsnummer: "LT-3004" } },
      idempotencyKey: versionId(103),
    },
    {
      id: versionId(4),
      submissionId: id(4),
      versionNo: 1,
      payload: { oppdragstaker: { navn: `Ola ${FNR[1]}`, organisasjonsnummer: "310000044" } },
      idempotencyKey: versionId(104),
    },
    {
      id: versionId(5),
      submissionId: id(5),
      versionNo: 1,
      payload: ameldingPayload("310000011", many),
      idempotencyKey: versionId(105),
    },
    {
      id: versionId(7),
      submissionId: id(7),
      versionNo: 1,
      payload: { oppdragstaker: { navn: "HIDDEN" } },
      idempotencyKey: versionId(107),
    },
  ]);
  for (const n of [1, 2, 3, 4, 5, 7]) {
    await db
      .update(submissions)
      .set({ currentVersionId: versionId(n) })
      .where(eq(submissions.id, id(n)));
  }
  const attempt = (n: number, attemptNo: number, korrelasjonsid: string | null) => ({
    submissionId: id(n),
    versionId: versionId(n),
    attemptNo,
    idempotencyKey: versionId(100 + n),
    outcome: "rejected" as const,
    requestMethod: "POST",
    requestUrl: "https://sandbox.invalid/innsending",
    requestHeaders: {},
    requestBody: "{}",
    korrelasjonsid,
  });
  await db.insert(deliveryAttempts).values([
    // The latest attempt that has one: attempt 1's, since attempt 2 came back without.
    attempt(1, 1, "k-1-first"),
    attempt(1, 2, null),
    attempt(2, 1, "k-2"),
    attempt(3, 1, "k-3-old"),
    attempt(3, 2, "k-3-new"),
    attempt(3, 3, null),
  ]);
});

afterAll(async () => {
  await iso?.close();
});

async function exportAs(role: Role, query: Record<string, string> = {}) {
  const u = await createTestUser(iso.db, role);
  const user: CurrentUser = { id: u.id, email: u.email, name: "Test", role, organisationIds: [ORG_A, ORG_B] };
  const { stream } = await startSubmissionsExport(iso.db, user, parseSubmissionListFilter(query), { t, locale: "nb" });
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("submissions CSV export, byte for byte (real PostgreSQL)", () => {
  it("masks personal numbers for a manager", async () => {
    expect((await exportAs("manager")).toString("utf8")).toBe(
      await readFile(path.join(FIXTURES, "submissions-export-masked.csv"), "utf8"),
    );
  });

  it("shows them to support, and filters as the list does", async () => {
    expect((await exportAs("support")).toString("utf8")).toBe(
      await readFile(path.join(FIXTURES, "submissions-export-unmasked.csv"), "utf8"),
    );
    const rejected = (await exportAs("support", { status: "rejected", kind: "oar" })).toString("utf8").split("\r\n");
    expect(rejected).toHaveLength(3);
    expect(rejected[1]).toContain(id(3));
  });

  it("reads each row's latest korrelasjonsid from an index alone, not from the attempts' rows", async () => {
    // The lookup runs once per exported row; through the attempts' heap it was half the export's
    // database time at a million rows (docs/benchmarks.md, "List, search and export at 1 000 000 rows").
    const filter = parseSubmissionListFilter({});
    const { until } = await beginSubmissionExport(iso.db, [ORG_A, ORG_B], filter);
    const cursor = await submissionExportCursor(iso.db, [ORG_A, ORG_B], filter, until);
    await iso.db.execute(sql`vacuum analyze delivery_attempts`);
    const connection = await iso.db.$client.reserve();
    try {
      // A table of a few rows is cheapest read whole: make the planner cost what it would at scale.
      await connection.unsafe("set enable_seqscan = off");
      const plan = await connection.unsafe<{ "QUERY PLAN": string }[]>(
        `explain ${cursor.sql.replace(/^declare \S+ no scroll cursor for /, "")}`,
        cursor.params as never[],
      );
      const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(text).toContain("Index Only Scan Backward using delivery_attempts_latest_korrelasjonsid_idx");
    } finally {
      await connection.unsafe("reset all");
      connection.release();
    }
  });

  it("rolls back its cursor's transaction and frees the connection when the client goes away", async () => {
    const bulk = Array.from({ length: EXPORT_BATCH_SIZE * 2 }, (_, i) => ({
      organisationId: ORG_A,
      kind: "oar" as const,
      subject: `BULK-${i}`,
    }));
    await iso.db.insert(submissions).values(bulk);
    const u = await createTestUser(iso.db, "manager");
    const user: CurrentUser = { id: u.id, email: u.email, name: "Test", role: "manager", organisationIds: [ORG_A] };
    const { stream } = await startSubmissionsExport(iso.db, user, parseSubmissionListFilter({}), { t, locale: "nb" });
    const reader = stream.getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch: the cursor is open, and the next batch may be on its way
    // Connections with a transaction open, fetching or waiting (not this query's own).
    const inTransaction = () =>
      iso.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()`,
      );
    expect((await inTransaction())[0]!.n).toBe(1);
    await reader.cancel();
    expect((await inTransaction())[0]!.n).toBe(0);
    // The connection is back in the pool: a pool of 4 still serves 4 queries at once.
    await Promise.all(Array.from({ length: 4 }, () => iso.db.execute(sql`select pg_sleep(0.01)`)));
  });
});
