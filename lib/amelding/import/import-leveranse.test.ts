import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, type Role, submissions, submissionVersions } from "@/lib/db/schema";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { checkImportText as checkImport, saveImportText as saveImport } from "@/lib/testing/import-text";
import { leveranseToXml } from "@/lib/testing/leveranse-to-xml";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";

const db = connectTestDb();

describe("A-melding import against real PostgreSQL", () => {
  let actor: { id: string; email: string; role: Role; organisationIds: string[] };
  let org: { id: string; orgnr: string; name: string };
  let foreign: { id: string; orgnr: string };

  beforeAll(async () => {
    const user = await createTestUser(db, "admin");
    org = await createTestOrganisation(db, user.id);
    foreign = await createTestOrganisation(db, null);
    actor = { ...user, organisationIds: [org.id] };
  });

  const file = (overrides: Record<string, unknown> = {}, persons = 3) =>
    JSON.stringify({
      leveranse: {
        ...generateLeveranse({
          opplysningspliktig: org.orgnr,
          virksomhet: randomOrgnr(),
          persons,
          kalendermaaned: "2026-09",
        }),
        ...overrides,
      },
    });

  const submissionsOf = (organisationId: string) =>
    db.select().from(submissions).where(eq(submissions.organisationId, organisationId));

  it("summarises a valid file for an organisation the user has", async () => {
    const result = await checkImport(db, actor.organisationIds, leveranseToXml(JSON.parse(file({}, 4)).leveranse));
    expect(result).toMatchObject({
      ok: true,
      format: "xml",
      xmlVersion: "v2_3",
      organisation: { orgnr: org.orgnr, name: org.name },
      summary: { kalendermaaned: "2026-09", opplysningspliktig: org.orgnr, persons: 4 },
    });
  });

  it("refuses a file for an organisation the user has not been granted, as if it did not exist", async () => {
    const text = JSON.stringify({
      leveranse: generateLeveranse({ opplysningspliktig: foreign.orgnr, virksomhet: randomOrgnr(), persons: 1 }),
    });
    const unknown = JSON.stringify({
      leveranse: generateLeveranse({ opplysningspliktig: randomOrgnr(), virksomhet: randomOrgnr(), persons: 1 }),
    });
    const a = await checkImport(db, actor.organisationIds, text);
    const b = await checkImport(db, actor.organisationIds, unknown);
    expect(a).toMatchObject({
      ok: false,
      documentErrors: [{ code: "organisation_not_accessible", orgnr: foreign.orgnr }],
    });
    expect(b).toMatchObject({ ok: false, documentErrors: [{ code: "organisation_not_accessible" }] });
    expect(await saveImport(db, actor, text, "submit")).toMatchObject({ ok: false });
    expect(await submissionsOf(foreign.id)).toHaveLength(0);
  });

  it("saves a draft with its audit entries, and refuses the same meldingsId a second time", async () => {
    const text = file();
    const saved = await saveImport(db, actor, text, "draft");
    expect(saved).toMatchObject({ ok: true, queued: false });
    if (!saved.ok) return;
    const [row] = await db.select().from(submissions).where(eq(submissions.id, saved.submissionId));
    expect(row).toMatchObject({
      kind: "amelding",
      subject: "2026-09",
      status: "draft",
      organisationId: org.id,
      createdBy: actor.id,
    });
    const [version] = await db
      .select()
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, saved.submissionId));
    expect(version!.payload).toMatchObject({
      meldingsId: JSON.parse(text).leveranse.meldingsId,
      kalendermaaned: "2026-09",
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, saved.submissionId));
    expect(audit.map((a) => a.action).sort()).toEqual(["amelding.import", "submission.create_draft"]);
    expect(audit.find((a) => a.action === "amelding.import")!.details).toMatchObject({
      format: "json",
      persons: 3,
      queued: false,
    });

    const before = (await submissionsOf(org.id)).length;
    const again = await saveImport(db, actor, text, "submit");
    expect(again).toMatchObject({
      ok: false,
      groups: [{ person: null, errors: [{ field: "meldingsId", key: "meldingsIdUsed" }] }],
    });
    expect(await submissionsOf(org.id)).toHaveLength(before);
    expect(await checkImport(db, actor.organisationIds, text)).toMatchObject({ ok: false });
  });

  it("answers every error in one pass: field errors, rules across fields and the checks that need the database", async () => {
    const text = file();
    expect(await saveImport(db, actor, text, "draft")).toMatchObject({ ok: true });
    const leveranse = JSON.parse(text).leveranse;
    // A file from a payroll system that leaves leveringstidspunkt out: filled in, as the builder does.
    delete leveranse.leveringstidspunkt;
    const virksomhet = leveranse.oppgave.virksomhet[0];
    virksomhet.inntektsmottaker[0].norskIdentifikator = "12345678901";
    virksomhet.inntektsmottaker[1].inntekt[0].beloep = "abc";
    // The same virksomhet twice: a rule across virksomheter, checked although fields inside fail.
    leveranse.oppgave.virksomhet.push(structuredClone(virksomhet));
    const result = await checkImport(db, actor.organisationIds, JSON.stringify({ leveranse }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.groups.flatMap((g) => g.errors.map((e) => `${e.field} ${e.key}`));
    expect(found).toEqual(
      expect.arrayContaining([
        "meldingsId meldingsIdUsed",
        "oppgave.virksomhet.1.norskIdentifikator duplicateVirksomhet",
        // A person's errors are listed under the person, by their field within it.
        "norskIdentifikator fnrChecksum",
        "inntekt.0.beloep amountInvalid",
      ]),
    );
    expect(found.some((f) => f.startsWith("leveringstidspunkt"))).toBe(false);
    expect(result.errorCount).toBe(found.length + result.documentErrors.length);
  });

  it("takes a file without leveringstidspunkt, filling it in when it is saved", async () => {
    const leveranse = JSON.parse(file()).leveranse;
    delete leveranse.leveringstidspunkt;
    const before = Date.now();
    const saved = await saveImport(db, actor, JSON.stringify({ leveranse }), "draft");
    expect(saved).toMatchObject({ ok: true });
    if (!saved.ok) return;
    const [version] = await db
      .select()
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, saved.submissionId));
    expect(Date.parse(String(version!.payload.leveringstidspunkt))).toBeGreaterThanOrEqual(before - 1000);
  });

  it("queues a submitted file and links a replacement to the accepted message it replaces", async () => {
    const original = await saveImport(db, actor, file(), "submit");
    expect(original).toMatchObject({ ok: true, queued: true });
    if (!original.ok) return;
    expect((await db.select().from(submissions).where(eq(submissions.id, original.submissionId)))[0]!.status).toBe(
      "queued",
    );
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(eq(submissions.id, original.submissionId));
    const [originalVersion] = await db
      .select()
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, original.submissionId));
    const replacement = await saveImport(
      db,
      actor,
      file({ erstatterMeldingsId: (originalVersion!.payload as { meldingsId: string }).meldingsId }),
      "submit",
    );
    expect(replacement).toMatchObject({ ok: true });
    if (!replacement.ok) return;
    const [row] = await db.select().from(submissions).where(eq(submissions.id, replacement.submissionId));
    expect(row!.replacesSubmissionId).toBe(original.submissionId);

    const otherMonth = file({
      erstatterMeldingsId: (originalVersion!.payload as { meldingsId: string }).meldingsId,
      kalendermaaned: "2026-10",
    });
    expect(await checkImport(db, actor.organisationIds, otherMonth)).toMatchObject({
      ok: false,
      groups: [{ person: null, errors: [{ field: "kalendermaaned", key: "replacementMonthChanged" }] }],
    });
  });

  it("saves nothing for a file with errors, and lists them by person", async () => {
    const leveranse = generateLeveranse({
      opplysningspliktig: org.orgnr,
      virksomhet: randomOrgnr(),
      persons: 3,
      kalendermaaned: "2026-08",
    });
    leveranse.oppgave.virksomhet[0]!.inntektsmottaker[2]!.norskIdentifikator = "12345678901";
    const before = (await submissionsOf(org.id)).length;
    const result = await saveImport(db, actor, JSON.stringify({ leveranse }), "submit");
    expect(result).toMatchObject({
      ok: false,
      errorCount: 1,
      personCount: 1,
      groups: [
        {
          person: expect.stringContaining("******78901"),
          virksomhet: leveranse.oppgave.virksomhet[0]!.norskIdentifikator,
        },
      ],
    });
    expect(await submissionsOf(org.id)).toHaveLength(before);
    const drafts = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, org.id), eq(submissions.subject, "2026-08")));
    expect(drafts).toHaveLength(0);
  });
});
