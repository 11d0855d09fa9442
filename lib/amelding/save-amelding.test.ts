import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, submissions } from "@/lib/db/schema";
import { deliverSubmission } from "@/lib/submissions/engine/deliver";
import { findSubmissionWithHistory } from "@/lib/submissions/queries/submission-history";
import { syntheticFodselsnummer } from "@/lib/testing/amelding-generator";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { connectTestDb, createTestOrganisation, randomOrgnr } from "@/lib/testing/test-db";
import { builderStart } from "./builder-initial";
import { isMeldingsIdUsed } from "./queries";
import { type AmeldingEditor, type SaveAmeldingInput, saveAmelding } from "./save-amelding";

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;
let user: AmeldingEditor;

beforeAll(async () => {
  h = await startEngineHarness(db, { organisations: 2 });
  user = { ...h.user, organisationIds: h.orgs.map((o) => o.id) };
});
afterAll(() => h.close());

const org = () => h.orgs[0]!;
const VIRKSOMHET = randomOrgnr();

/** What the builder sends: the wire shape with amounts as typed. */
function builderValues(overrides: Record<string, unknown> = {}) {
  return {
    kalendermaaned: "2026-10",
    kildesystem: "Innrapportering",
    meldingsId: randomUUID(),
    opplysningspliktig: { norskIdentifikator: org().orgnr },
    oppgave: {
      betalingsinformasjon: {
        sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-10-20", beloep: "7 000" }],
        sumArbeidsgiveravgift: "5 640",
      },
      virksomhet: [
        {
          norskIdentifikator: VIRKSOMHET,
          inntektsmottaker: [
            {
              norskIdentifikator: syntheticFodselsnummer(),
              identifiserendeInformasjon: { navn: "Kari Testesen", foedselsdato: "", ansattnummer: "" },
              inntekt: [
                {
                  fordel: "kontantytelse",
                  utloeserArbeidsgiveravgift: "true",
                  inngaarIGrunnlagForTrekk: "true",
                  beloep: "40 000",
                  loennsinntekt: { beskrivelse: "fastloenn" },
                },
              ],
              forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: "-7000" }],
            },
          ],
          arbeidsgiveravgift: {
            loennOgGodtgjoerelse: [
              {
                beregningskodeForArbeidsgiveravgift: "generelleNaeringer",
                sone: "1",
                avgiftsgrunnlagBeloep: "40000",
                prosentsatsForAvgiftsberegning: "14.1",
              },
            ],
          },
        },
      ],
    },
    spraakForTilbakemelding: "bokmaal",
    ...overrides,
  };
}

function save(input: Partial<SaveAmeldingInput> & { leveranse: Record<string, unknown> }) {
  return db.transaction((tx) => saveAmelding(tx, user, { organisationId: org().id, intent: "submit", ...input }));
}

async function history(id: string) {
  return (await findSubmissionWithHistory(db, id, user.organisationIds))!;
}

/** Submits and delivers to the sandbox over HTTP; returns the accepted submission. */
async function sendAccepted(leveranse: Record<string, unknown>, extra: Partial<SaveAmeldingInput> = {}) {
  const { submissionId } = await save({ leveranse, ...extra });
  expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("accepted");
  return history(submissionId);
}

describe("saving an A-melding from the builder (real PostgreSQL, sandbox over HTTP)", () => {
  it("saves a draft as numbers in the wire shape, without leveringstidspunkt, audited in the same transaction", async () => {
    const values = builderValues({ leveringstidspunkt: "2001-01-01T00:00:00Z" });
    const { submissionId, queued } = await save({ leveranse: values, intent: "draft" });
    expect(queued).toBe(false);
    const s = await history(submissionId);
    expect(s).toMatchObject({ kind: "amelding", status: "draft", subject: "2026-10" });
    const payload = s.versions[0]!.payload as any;
    expect(payload.leveringstidspunkt).toBeUndefined();
    expect(payload.oppgave.betalingsinformasjon).toEqual({
      sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-10-20", beloep: 7000 }],
      sumArbeidsgiveravgift: 5640,
    });
    expect(payload.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0]).toMatchObject({
      beloep: 40000,
      utloeserArbeidsgiveravgift: true,
    });
    expect(payload.oppgave.virksomhet[0].inntektsmottaker[0].identifiserendeInformasjon).toEqual({
      navn: "Kari Testesen",
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, submissionId), eq(auditLog.action, "submission.create_draft")));
    expect(audit).toHaveLength(1);
  });

  it("submits with a leveringstidspunkt set by the server, and the sandbox accepts it", async () => {
    const before = Date.now();
    const values = builderValues({ leveringstidspunkt: "2001-01-01T00:00:00Z" });
    const s = await sendAccepted(values);
    const payload = s.versions[0]!.payload;
    expect(Date.parse(String(payload.leveringstidspunkt))).toBeGreaterThanOrEqual(before - 1000);
    expect(s.receivedIds).toMatchObject({ meldingsId: values.meldingsId });
    // The body on the wire carries decimals as strings, whole kroner as integers.
    const body = JSON.parse(s.attempts[0]!.requestBody);
    expect(body.leveranse.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0].beloep).toBe("40000");
    expect(body.leveranse.oppgave.virksomhet[0].inntektsmottaker[0].forskuddstrekk[0].beloep).toBe(-7000);
    expect(body.leveranse.oppgave.betalingsinformasjon).toEqual({
      sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-10-20", beloep: 7000 }],
      sumArbeidsgiveravgift: 5640,
    });
  });

  it("returns field errors keyed by model path and stores nothing", async () => {
    const values = builderValues();
    const person = values.oppgave.virksomhet[0]!.inntektsmottaker[0]!;
    person.norskIdentifikator = "12345678901";
    values.oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato[0]!.loennsutbetalingsdato =
      "20.10.2026";
    await expect(save({ leveranse: values })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: {
        "oppgave.virksomhet.0.inntektsmottaker.0.norskIdentifikator": ["fnrChecksum"],
        "oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato.0.loennsutbetalingsdato": [
          "dateInvalid",
        ],
      },
    });
    expect(await isMeldingsIdUsed(db, org().id, values.meldingsId)).toBe(false);
  });

  it("refuses a meldingsId used before by the organisation, but not one used by another organisation", async () => {
    const values = builderValues();
    await save({ leveranse: values, intent: "draft" });
    expect(await isMeldingsIdUsed(db, org().id, values.meldingsId)).toBe(true);
    expect(await isMeldingsIdUsed(db, h.orgs[1]!.id, values.meldingsId)).toBe(false);
    await expect(save({ leveranse: values })).rejects.toMatchObject({
      fieldErrors: { meldingsId: ["meldingsIdUsed"] },
    });
  });

  it("keeps a draft's meldingsId when the draft is sent, as the draft's own (never sent) version", async () => {
    const values = builderValues();
    const { submissionId } = await save({ leveranse: values, intent: "draft" });
    await save({
      leveranse: builderValues({ meldingsId: values.meldingsId, kalendermaaned: "2026-09" }),
      submissionId,
    });
    const s = await history(submissionId);
    expect(s).toMatchObject({ status: "queued", subject: "2026-09" });
    expect(s.versions.map((v) => (v.payload as { meldingsId: string }).meldingsId)).toEqual([values.meldingsId]);
  });

  it("refuses an opplysningspliktig other than the organisation and an organisation the user lacks", async () => {
    await expect(
      save({ leveranse: builderValues({ opplysningspliktig: { norskIdentifikator: h.orgs[1]!.orgnr } }) }),
    ).rejects.toMatchObject({ fieldErrors: { "opplysningspliktig.norskIdentifikator": ["organisationMismatch"] } });
    const stranger = await createTestOrganisation(db, null);
    await expect(save({ leveranse: builderValues(), organisationId: stranger.id })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("sends a replacement naming the replaced meldingsId, which the sandbox accepts, and links the two submissions", async () => {
    const original = await sendAccepted(builderValues());
    const originalMeldingsId = (original.versions[0]!.payload as { meldingsId: string }).meldingsId;

    const start = await builderStart(db, user.organisationIds, org().orgnr, { erstatter: original.id });
    expect(start.mode).toBe("replace");
    if (start.mode !== "replace") return;
    expect(start.initial.erstatterMeldingsId).toBe(originalMeldingsId);
    expect(start.initial.meldingsId).not.toBe(originalMeldingsId);
    expect(start.initial.leveringstidspunkt).toBeUndefined();

    // The client cannot choose what is replaced: erstatterMeldingsId comes from the replaced submission.
    const replacement = await sendAccepted(
      { ...start.initial, erstatterMeldingsId: "something-else" },
      { replacesSubmissionId: original.id },
    );
    expect(replacement.replacesSubmissionId).toBe(original.id);
    expect(replacement.versions[0]!.payload.erstatterMeldingsId).toBe(originalMeldingsId);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, replacement.id), eq(auditLog.action, "submission.submit")));
    expect(audit[0]!.details).toMatchObject({ replacesSubmissionId: original.id });

    // Once replaced, the newer message is the one to replace.
    expect(await builderStart(db, user.organisationIds, org().orgnr, { erstatter: original.id })).toEqual({
      mode: "refused",
      reason: "alreadyReplaced",
    });
    await expect(save({ leveranse: builderValues(), replacesSubmissionId: original.id })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "ameldingBuilder.refused.alreadyReplaced",
    });
  });

  it("refuses to replace an A-melding that is not accepted, or something that is not an A-melding", async () => {
    const { submissionId: queued } = await save({ leveranse: builderValues() });
    await expect(save({ leveranse: builderValues(), replacesSubmissionId: queued })).rejects.toMatchObject({
      messageKey: "ameldingBuilder.refused.notAccepted",
    });
    await db.update(submissions).set({ kind: "oar", status: "accepted" }).where(eq(submissions.id, queued));
    await expect(save({ leveranse: builderValues(), replacesSubmissionId: queued })).rejects.toMatchObject({
      messageKey: "ameldingBuilder.refused.notFound",
    });
    expect(await builderStart(db, user.organisationIds, org().orgnr, { erstatter: queued })).toEqual({
      mode: "refused",
      reason: "notFound",
    });
  });

  it("starts the builder on a draft only from an A-melding of the caller's organisations", async () => {
    const { submissionId } = await save({ leveranse: builderValues(), intent: "draft" });
    const start = (utkast: string, organisationIds = user.organisationIds) =>
      builderStart(db, organisationIds, org().orgnr, { utkast });
    expect(await start(submissionId)).toMatchObject({ mode: "edit", submissionId, isDraft: true });
    // Unknown, malformed, or another organisation's: not found (the page answers 404).
    for (const [id, orgs] of [
      [randomUUID(), user.organisationIds],
      ["not-an-id", user.organisationIds],
      [submissionId, [h.orgs[1]!.id]],
    ] as const)
      expect(await start(id, [...orgs]), id).toEqual({ mode: "refused", reason: "notFound" });
    // Exists, but is no longer editable: explained, not hidden.
    await db.update(submissions).set({ status: "queued" }).where(eq(submissions.id, submissionId));
    expect(await start(submissionId)).toEqual({ mode: "refused", reason: "notEditable" });
  });

  it("saves an almost empty draft as it is, and sending it answers every missing field at once", async () => {
    const meldingsId = randomUUID();
    const leveranse = {
      meldingsId,
      opplysningspliktig: { norskIdentifikator: org().orgnr },
      kalendermaaned: "2026-1",
      oppgave: { virksomhet: [{ norskIdentifikator: "", inntektsmottaker: [{ norskIdentifikator: "0212" }] }] },
    };
    const { submissionId, draftToken } = await save({ leveranse, intent: "draft" });
    const s = await history(submissionId);
    expect(s).toMatchObject({ status: "draft", subject: "2026-1" });
    expect(s.versions).toHaveLength(1);
    // As typed: the half-typed month and fødselsnummer are kept for the user to finish.
    expect(s.versions[0]!.payload).toMatchObject({ kalendermaaned: "2026-1", oppgave: leveranse.oppgave });

    const sent = save({ leveranse, submissionId, draftToken });
    await expect(sent).rejects.toMatchObject({ code: "validation" });
    const fieldErrors = await sent.catch((e: { fieldErrors: Record<string, string[]> }) => e.fieldErrors);
    expect(fieldErrors).toMatchObject({
      kalendermaaned: ["kalendermaanedFormat"],
      "oppgave.virksomhet.0.norskIdentifikator": ["required"],
      "oppgave.virksomhet.0.inntektsmottaker.0.norskIdentifikator": ["fnrFormat"],
    });
    expect((await history(submissionId)).status).toBe("draft");
  });

  it("saves a draft over in place (autosave) and refuses a save from a tab holding an older copy", async () => {
    const values = builderValues();
    const first = await save({ leveranse: { ...values, kalendermaaned: "" }, intent: "draft" });
    const second = await save({
      leveranse: { ...values, kalendermaaned: "2026-0" },
      intent: "draft",
      submissionId: first.submissionId,
      draftToken: first.draftToken,
    });
    expect(second.draftToken).not.toBe(first.draftToken);
    // The other tab still holds the first token: nothing it sends is written.
    await expect(
      save({
        leveranse: { ...values, kalendermaaned: "1999-01" },
        intent: "draft",
        submissionId: first.submissionId,
        draftToken: first.draftToken,
      }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "drafts.changedElsewhere" });
    await expect(
      save({ leveranse: values, submissionId: first.submissionId, draftToken: first.draftToken }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "drafts.changedElsewhere" });
    const s = await history(first.submissionId);
    expect(s.versions).toHaveLength(1);
    expect(s).toMatchObject({ status: "draft", subject: "2026-0" });
    expect(s.versions[0]).toMatchObject({ revision: 2, payload: { kalendermaaned: "2026-0" } });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, first.submissionId), eq(auditLog.action, "submission.save_draft")));
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ versionNo: 1, revision: 2 })]);
    // With the current token it is sent.
    await save({ leveranse: values, submissionId: first.submissionId, draftToken: second.draftToken });
    expect((await history(first.submissionId)).status).toBe("queued");
  });

  it("refuses a hostile draft: text beyond the model's bounds or an element the leveranse does not have", async () => {
    await expect(
      save({ leveranse: builderValues({ kildesystem: "x".repeat(256) }), intent: "draft" }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { kildesystem: ["tooLong"] } });
    await expect(save({ leveranse: { ...builderValues(), skjult: { a: 1 } }, intent: "draft" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { skjult: ["structureInvalid"] },
    });
  });

  it("keeps a replacement to the month of the message it replaces", async () => {
    const original = await sendAccepted(builderValues());
    await expect(
      save({ leveranse: builderValues({ kalendermaaned: "2026-11" }), replacesSubmissionId: original.id }),
    ).rejects.toMatchObject({ fieldErrors: { kalendermaaned: ["replacementMonthChanged"] } });
  });
});
