import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SafeError } from "@/lib/actions/action-result";
import { auditLog, submissions } from "@/lib/db/schema";
import { deliverSubmission } from "@/lib/submissions/engine/deliver";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { connectTestDb, randomOrgnr } from "@/lib/testing/test-db";
import { type AmeldingEditor, type SaveAmeldingInput, saveAmelding } from "../save-amelding";
import { previousMonthLeveranse } from "./previous-month";
import { checkRulesBeforeSend } from "./rule-gate";

/*
 * The control rules on the server before a send (real PostgreSQL; the previous month delivered
 * to the sandbox over HTTP): an Avvisning-level hit refuses the send unless overridden, the
 * override is audited with the send, and the history rules read only the organisation's own
 * accepted A-melding of the month before.
 */

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;
let user: AmeldingEditor;

beforeAll(async () => {
  h = await startEngineHarness(db, { organisations: 2 });
  user = { ...h.user, organisationIds: h.orgs.map((o) => o.id) };
});
afterAll(() => h.close());

const VIRKSOMHET = randomOrgnr();
function leveranse(org: { orgnr: string }, kalendermaaned: string, seed = 1) {
  return structuredClone(
    generateLeveranse({ opplysningspliktig: org.orgnr, virksomhet: VIRKSOMHET, persons: 3, kalendermaaned, seed }),
  ) as any;
}
function save(org: { id: string }, values: Record<string, unknown>, extra: Partial<SaveAmeldingInput> = {}) {
  return db.transaction((tx) =>
    saveAmelding(tx, user, { organisationId: org.id, intent: "submit", leveranse: values, ...extra }),
  );
}
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeError);
  return error as SafeError;
}
const overrides = (submissionId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, submissionId), eq(auditLog.action, "amelding.rules_overridden")));

describe("checks before sending (real PostgreSQL)", () => {
  it("refuses a send with an Avvisning-level hit, marks the field, and saves nothing", async () => {
    const org = h.orgs[0]!;
    const values = leveranse(org, "2026-03");
    delete values.oppgave.virksomhet[0].inntektsmottaker[1].arbeidsforhold[0].formForAnsettelse;
    const error = await refusal(save(org, values));
    expect(error.messageKey).toBe("ameldingRules.blocked");
    expect(error.fieldErrors).toEqual({
      "oppgave.virksomhet.0.inntektsmottaker.1.arbeidsforhold.0.formForAnsettelse": [
        "ameldingRules.messages.employmentFormMissing",
      ],
    });
    const rows = await db.select().from(submissions).where(eq(submissions.organisationId, org.id));
    expect(rows.filter((r) => r.subject === "2026-03")).toEqual([]);
    // A draft is not a send: it is saved with the finding.
    expect((await save(org, values, { intent: "draft" })).queued).toBe(false);
  });

  it("refuses an override that does not name every blocking rule, or gives no reason", async () => {
    const org = h.orgs[0]!;
    const values = leveranse(org, "2026-04");
    delete values.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold[0].formForAnsettelse;
    const wrongRule = await refusal(
      save(org, values, { ruleOverride: { ruleIds: ["positiveForskuddstrekk"], reason: "Avklart med Skatteetaten" } }),
    );
    expect(wrongRule.messageKey).toBe("ameldingRules.blocked");
    const noReason = await refusal(
      save(org, values, { ruleOverride: { ruleIds: ["employmentFormMissing"], reason: "  ok  " } }),
    );
    expect(noReason.fieldErrors?.["ruleOverride.reason"]).toEqual(["ameldingRules.reasonTooShort"]);
    const rows = await db.select().from(submissions).where(eq(submissions.organisationId, org.id));
    expect(rows.filter((r) => r.subject === "2026-04")).toEqual([]);
  });

  it("sends with the user's override, audited in the same transaction with rules, user and reason", async () => {
    const org = h.orgs[0]!;
    const values = leveranse(org, "2026-05");
    delete values.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold[0].formForAnsettelse;
    const reason = "Ansettelsesformen avklares, sendes før fristen";
    const { submissionId, queued } = await save(org, values, {
      ruleOverride: { ruleIds: ["employmentFormMissing"], reason },
    });
    expect(queued).toBe(true);
    const [entry] = await overrides(submissionId);
    expect(entry).toMatchObject({
      actorId: user.id,
      organisationIds: [org.id],
      details: { rules: ["MAGNET_EDAG-291"], findings: 1, overrideReason: reason },
    });
    // A clean send needs no override and records none.
    const clean = await save(org, leveranse(org, "2026-06"));
    expect(clean.queued).toBe(true);
    expect(await overrides(clean.submissionId)).toEqual([]);
  });

  it("checks a corrected version (resend) the same way", async () => {
    const org = h.orgs[0]!;
    const values = leveranse(org, "2026-07");
    const draft = await save(org, values, { intent: "draft" });
    values.oppgave.virksomhet[0].inntektsmottaker[2].forskuddstrekk[0].beloep = -1;
    delete values.oppgave.virksomhet[0].inntektsmottaker[2].arbeidsforhold[0].formForAnsettelse;
    const error = await refusal(save(org, values, { submissionId: draft.submissionId, draftToken: draft.draftToken }));
    expect(error.messageKey).toBe("ameldingRules.blocked");
  });
});

describe("the history rules read the organisation's previous month", () => {
  it("finds a person who left without an end date and leave not repeated, from the accepted month before only", async () => {
    const [org, other] = [h.orgs[0]!, h.orgs[1]!];
    const september = leveranse(org, "2026-09", 7);
    september.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold[0].permisjon = [
      {
        permisjonId: "P-1",
        startdato: "2026-09-01",
        permisjonsprosent: "100",
        beskrivelse: "permisjonMedForeldrepenger",
      },
    ];
    const sent = await save(org, september);
    expect((await deliverSubmission(h.deps, sent.submissionId)).outcome).toBe("accepted");

    const october = structuredClone(september);
    october.kalendermaaned = "2026-10";
    october.meldingsId = crypto.randomUUID();
    delete october.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold[0].permisjon;
    const gone = october.oppgave.virksomhet[0].inntektsmottaker.splice(2, 1)[0];

    const { hits } = await db.transaction((tx) =>
      checkRulesBeforeSend(tx, { organisationId: org.id, leveranse: october }),
    );
    expect(hits.map((h) => [h.ruleId, h.path])).toEqual([
      ["leftWithoutEndDate", "oppgave.virksomhet.0.inntektsmottaker"],
      ["leaveNotRepeated", "oppgave.virksomhet.0.inntektsmottaker.0.arbeidsforhold.0"],
    ]);
    expect(hits[0]!.params?.person).toContain(gone.identifiserendeInformasjon.navn);
    // Warnings only: the send goes through without an override.
    expect((await save(org, october)).queued).toBe(true);

    // Another organisation's October has no September of its own: nothing to compare.
    const theirs = { ...october, opplysningspliktig: { norskIdentifikator: other.orgnr } };
    expect(await previousMonthLeveranse(db, other.id, "2026-10")).toBeUndefined();
    const { hits: theirHits } = await db.transaction((tx) =>
      checkRulesBeforeSend(tx, { organisationId: other.id, leveranse: theirs }),
    );
    expect(theirHits).toEqual([]);
  });

  it("reads neither a month that was not accepted nor a replaced message", async () => {
    const org = h.orgs[1]!;
    const values = leveranse(org, "2026-11");
    await save(org, values); // queued, never delivered
    expect(await previousMonthLeveranse(db, org.id, "2026-12")).toBeUndefined();

    const january = leveranse(org, "2027-01", 11);
    const first = await save(org, january);
    expect((await deliverSubmission(h.deps, first.submissionId)).outcome).toBe("accepted");
    const replacement = structuredClone(january);
    replacement.meldingsId = crypto.randomUUID();
    replacement.oppgave.virksomhet[0].inntektsmottaker.splice(0, 1);
    const second = await save(org, replacement, { replacesSubmissionId: first.submissionId });
    expect((await deliverSubmission(h.deps, second.submissionId)).outcome).toBe("accepted");
    const read = await previousMonthLeveranse(db, org.id, "2027-02");
    expect(read?.oppgave.virksomhet.flatMap((v: any) => v.inntektsmottaker)).toHaveLength(2);
  });
});
