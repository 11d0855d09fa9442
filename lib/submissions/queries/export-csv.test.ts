import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/db/schema";
import { auditLog, organisations, submissions } from "@/lib/db/schema";
import nb from "@/lib/i18n/messages/nb.json";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { parseCsvRecords } from "@/lib/testing/parse-csv";
import { testOppdrag, testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { testTranslator } from "@/lib/testing/test-translator";
import { createSubmission } from "../operations/operations";
import { startSubmissionsExport } from "./export-csv";
import { EXPORT_BATCH_SIZE } from "./export-query";
import { parseSubmissionListFilter } from "./list-filter";

const db = connectTestDb();
const t = testTranslator();
const H = nb.history.csv;

async function asUser(role: Role, organisationIds: string[]): Promise<CurrentUser> {
  const u = await createTestUser(db, role);
  return { id: u.id, email: u.email, name: `Test ${role}`, role, organisationIds };
}

async function exportCsv(user: CurrentUser, query: Record<string, string> = {}) {
  const { rowCount, stream } = await startSubmissionsExport(db, user, parseSubmissionListFilter(query), {
    t,
    locale: "nb",
  });
  return { rowCount, rows: parseCsvRecords(await new Response(stream).text()) };
}

/** One organisation with more submissions than one batch of the export's cursor, an A-melding with two fødselsnumre and awkward text. */
async function seed() {
  const admin = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, admin.id);
  const hidden = await createTestOrganisation(db, null);
  // One statement: every row gets the same created_at, so paging must not rely on time alone.
  const bulk = await db
    .insert(submissions)
    .values(
      Array.from({ length: EXPORT_BATCH_SIZE + 7 }, (_, i) => ({
        organisationId: org.id,
        kind: "oar" as const,
        subject: `BULK-${i}`,
      })),
    )
    .returning({ id: submissions.id });
  const leveranse = generateLeveranse({
    opplysningspliktig: org.orgnr,
    virksomhet: org.orgnr,
    persons: 2,
    seed: Math.floor(Math.random() * 1e6),
  });
  const fnr = leveranse.oppgave.virksomhet[0]!.inntektsmottaker.map((m) => m.norskIdentifikator!);
  const amelding = await db.transaction((tx) =>
    createSubmission(tx, admin, {
      organisationId: org.id,
      kind: "amelding",
      subject: "2026-10",
      payload: leveranse,
      queue: false,
    }),
  );
  await db
    .update(submissions)
    .set({
      status: "rejected",
      lastErrorCode: "XYZ_999",
      statusReasonCode: "skatteetaten_message",
      statusReasonParams: { melding: `Ugyldig identifikator ${fnr[0]}; "sjekk"\nlinje 2` },
    })
    .where(eq(submissions.id, amelding.submissionId));
  const formula = '=HYPERLINK("http://evil";"klikk")';
  const oar = await db.transaction((tx) =>
    createSubmission(tx, admin, {
      organisationId: org.id,
      kind: "oar",
      subject: formula,
      payload: testOppdrag(org.orgnr),
      queue: false,
    }),
  );
  await db.transaction((tx) =>
    createSubmission(tx, admin, {
      organisationId: hidden.id,
      kind: "oar",
      subject: "HIDDEN",
      payload: testPayload("oar"),
      queue: false,
    }),
  );
  return { org, hidden, bulk, fnr, amelding, oar, formula, leveranse };
}

describe("submissions CSV export (real PostgreSQL)", () => {
  it("streams every row of a set larger than one batch, only from the user's organisations, masked for a manager", async () => {
    const s = await seed();
    const manager = await asUser("manager", [s.org.id]);
    const { rowCount, rows } = await exportCsv(manager);

    const expected = new Set([...s.bulk.map((b) => b.id), s.amelding.submissionId, s.oar.submissionId]);
    expect(rows).toHaveLength(expected.size);
    expect(rowCount).toBe(expected.size);
    expect(new Set(rows.map((r) => r[H.id]))).toEqual(expected);
    expect(rows.some((r) => r[H.subject] === "HIDDEN")).toBe(false);

    const a = rows.find((r) => r[H.id] === s.amelding.submissionId)!;
    expect(a[H.kind]).toBe("A-melding");
    expect(a[H.status]).toBe("Avvist");
    expect(a[H.inntektsmottakere]).toBe("2");
    expect(a[H.inntektsmottakerIds]).toBe(s.fnr.map((n) => `******${n.slice(6)}`).join(", "));
    expect(a[H.errorText]).toBe(`Ugyldig identifikator ******${s.fnr[0]!.slice(6)}; "sjekk"\nlinje 2`);
    // Relative to wherever the app is opened, never a host name the server guessed.
    expect(a[H.link]).toBe(`/innsendinger/${s.amelding.submissionId}`);
    expect(JSON.stringify(rows)).not.toContain(s.fnr[0]);
    expect(JSON.stringify(rows)).not.toContain(s.fnr[1]);

    const o = rows.find((r) => r[H.id] === s.oar.submissionId)!;
    expect(o[H.subject]).toBe(`'${s.formula}`);
    expect(o[H.oppdragstaker]).toBe("Baltic Steel UAB");
    expect(o[H.oppdragstakerId]).toBe("LT-3004");
    expect(o[H.orgnr]).toBe(s.org.orgnr);
  });

  it("carries the A-melding's reported sums in the locale's number format, and finds by employee name", async () => {
    const s = await seed();
    const manager = await asUser("manager", [s.org.id]);
    const { rows } = await exportCsv(manager, { q: "testesen" });
    expect(rows.map((r) => r[H.id])).toEqual([s.amelding.submissionId]);
    const betaling = s.leveranse.oppgave.betalingsinformasjon!;
    const trekk = betaling.sumForskuddstrekkPerLoennsutbetalingsdato!.reduce((n, d) => n + Number(d.beloep), 0);
    const nbAmount = (n: number) => n.toFixed(2).replace(".", ",");
    expect(rows[0]![H.forskuddstrekk]).toBe(nbAmount(trekk));
    expect(rows[0]![H.arbeidsgiveravgift]).toBe(nbAmount(Number(betaling.sumArbeidsgiveravgift)));
    const { rows: oar } = await exportCsv(manager, { q: "baltic steel" });
    expect(oar.map((r) => r[H.id])).toEqual([s.oar.submissionId]);
    expect(oar[0]![H.forskuddstrekk]).toBe("");
  });

  it("shows support the identifiers unmasked, and applies the list's filters", async () => {
    const s = await seed();
    const support = await asUser("support", [s.org.id]);
    const { rows } = await exportCsv(support, { kind: "amelding" });
    expect(rows.map((r) => r[H.id])).toEqual([s.amelding.submissionId]);
    expect(rows[0]![H.inntektsmottakerIds]).toBe(s.fnr.join(", "));

    // An organisation the user has not been granted gives nothing, even when asked for by id.
    const { rows: none, rowCount } = await exportCsv(support, { org: s.hidden.id });
    expect(none).toEqual([]);
    expect(rowCount).toBe(0);
  });

  it("records the export with its filter and row count before the first byte, in its own transaction", async () => {
    const s = await seed();
    const manager = await asUser("manager", [s.org.id]);
    const { stream, rowCount } = await startSubmissionsExport(
      db,
      manager,
      parseSubmissionListFilter({ org: s.org.id, status: "rejected" }),
      {
        t,
        locale: "nb",
      },
    );
    // Written already, though nothing has been read yet.
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, manager.id), eq(auditLog.action, "submissions.exported")));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.organisationId).toBe(s.org.id);
    expect(entries[0]!.details).toMatchObject({
      rowCount: 1,
      personalDataMasked: true,
      filter: { org: s.org.id, status: ["rejected"] },
    });
    expect(rowCount).toBe(1);
    await stream.cancel();
  });
});

describe("CSV export with a read replica (DATABASE_READ_URL)", () => {
  it("reads its rows from the replica and writes its audit entry to the primary", async () => {
    const replica = await createIsolatedDatabase();
    try {
      const admin = await createTestUser(db, "admin");
      const org = await createTestOrganisation(db, admin.id);
      await db.insert(submissions).values({ organisationId: org.id, kind: "oar", subject: "ON-PRIMARY" });
      // The replica holds the same organisation with a row the primary lacks (as a replica a moment
      // ahead or behind would): what the export lists shows where it read.
      await replica.db.insert(organisations).values({ id: org.id, orgnr: org.orgnr, name: org.name });
      await replica.db.insert(submissions).values({ organisationId: org.id, kind: "oar", subject: "ON-REPLICA" });
      const user: CurrentUser = {
        id: admin.id,
        email: admin.email,
        name: "Test",
        role: "admin",
        organisationIds: [org.id],
      };

      const { stream } = await startSubmissionsExport(db, user, parseSubmissionListFilter({}), {
        t,
        locale: "nb",
        readDb: replica.db,
      });
      const text = await new Response(stream).text();
      expect(text).toContain("ON-REPLICA");
      expect(text).not.toContain("ON-PRIMARY");
      const audited = (db: typeof replica.db) =>
        db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(eq(auditLog.action, "submissions.exported"), eq(auditLog.actorId, admin.id)));
      expect(await audited(db)).toHaveLength(1);
      expect(await audited(replica.db)).toHaveLength(0);
    } finally {
      await replica.close();
    }
  });
});
