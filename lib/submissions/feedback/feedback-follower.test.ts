import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getAccessHealth } from "@/lib/access-health/queries";
import { ameldingFeedback, organisationAccessHealth, submissions } from "@/lib/db/schema";
import { createDialogportenEndUserClient } from "@/lib/dialogporten/enduser-client";
import { feedbackRequest, type ParsedFeedback } from "@/lib/reporting/amelding/feedback-adapter";
import { sendRequest } from "@/lib/reporting/send-request";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { testLeveranse } from "@/lib/testing/report-fixtures";
import { connectTestDb } from "@/lib/testing/test-db";
import { deliverSubmission } from "../engine/deliver";
import { createSubmission } from "../operations/operations";
import { type FeedbackFollowerDeps, runFeedbackRound } from "./feedback-follower";
import { claimDueFeedback, findFeedbackForSubmission } from "./feedback-rows";

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;
let deps: FeedbackFollowerDeps;

beforeAll(async () => {
  h = await startEngineHarness(db, { organisations: 2 });
  // Other test files' accepted A-meldinger share the database; a large batch keeps ours in each round.
  deps = { ...h.feedbackDeps, batchSize: 500, dialogMaxChecks: 3 };
});
afterAll(() => h.close());
beforeEach(() => h.skatteetaten.setFeedbackDelay(0));

const orgnr = () => h.orgs[0]!.orgnr;
const virksomhet = () => h.orgs[1]!.orgnr;
const arbeidsforhold = [{ typeArbeidsforhold: "ordinaertArbeidsforhold", arbeidsforholdId: "1" }];

/** Queues and delivers an A-melding to the sandbox; returns the accepted submission's id. */
async function deliverAmelding(leveranse: Record<string, unknown> = testLeveranse(orgnr(), virksomhet())) {
  const { submissionId } = await db.transaction((tx) =>
    createSubmission(tx, h.user, {
      organisationId: h.orgs[0]!.id,
      kind: "amelding",
      subject: String(leveranse.kalendermaaned),
      payload: leveranse,
      queue: true,
    }),
  );
  expect((await deliverSubmission(h.deps, submissionId)).outcome).toBe("accepted");
  return submissionId;
}

const feedbackOf = (submissionId: string) =>
  findFeedbackForSubmission(
    db,
    submissionId,
    h.orgs.map((o) => o.id),
  );

/** Runs rounds until the submission's feedback has been checked `checks` times in all. */
async function checkUntil(submissionId: string, checks: number, followerDeps = deps) {
  for (let round = 0; round < 20; round++) {
    const row = await feedbackOf(submissionId);
    if (row && row.checkCount >= checks) return row;
    if (row)
      await db
        .update(ameldingFeedback)
        .set({ nextCheckAt: sql`now()` })
        .where(eq(ameldingFeedback.submissionId, submissionId));
    await runFeedbackRound(followerDeps);
  }
  throw new Error(`feedback of ${submissionId} was not checked ${checks} times`);
}

describe("feedback follower against the sandbox over HTTP", () => {
  it("waits while Dialogporten has only the submission, then stores the deviations with person and field", async () => {
    h.skatteetaten.setFeedbackDelay("manual");
    const submissionId = await deliverAmelding();
    const [submission] = await db.select().from(submissions).where(eq(submissions.id, submissionId));

    const waiting = await checkUntil(submissionId, 1);
    expect(waiting).toMatchObject({
      status: "waiting",
      dialogId: submission!.receivedIds!.dialogId,
      checkCount: 1,
      lastErrorCode: null,
      document: null,
    });
    expect(waiting.lastCheckedAt).toBeInstanceOf(Date);
    expect(waiting.nextCheckAt.getTime()).toBeGreaterThan(waiting.lastCheckedAt!.getTime());

    h.skatteetaten.releaseFeedback();
    const done = await checkUntil(submissionId, 2);
    expect(done).toMatchObject({ status: "deviations", checkCount: 2, lastErrorCode: null, leaseUntil: null });
    expect(done.receivedAt).toBeInstanceOf(Date);
    expect(done.document).toMatchObject({ tilbakemelding: { behandlingsresultat: "GODKJENT_MED_AVVIK" } });
    const parsed = done.parsed as unknown as ParsedFeedback;
    expect(parsed.deviations).toEqual([
      expect.objectContaining({
        code: "MAGNET_EDAG-219",
        severity: "immediate",
        virksomhet: virksomhet(),
        fieldPath: "oppgave.virksomhet.0.inntektsmottaker.0.arbeidsforhold",
      }),
    ]);
    expect(parsed.sums).toMatchObject({
      sumForskuddstrekk: 7000,
      sumArbeidsgiveravgift: 5640,
      kontonummer: expect.stringMatching(/^\d{11}$/),
    });

    // Settled feedback is not checked again.
    await runFeedbackRound(deps);
    expect((await feedbackOf(submissionId))!.checkCount).toBe(2);
  });

  it("stores ok for a clean A-melding and rejected when Skatteetaten's feedback rejects it", async () => {
    const clean = testLeveranse(orgnr(), virksomhet(), "2026-09");
    Object.assign(clean.oppgave.virksomhet[0]!.inntektsmottaker[0]!, { arbeidsforhold });
    const okId = await deliverAmelding(clean);
    const rejectedId = await deliverAmelding({
      ...testLeveranse(orgnr(), virksomhet(), "2026-08"),
      kildesystem: "lønn-avvisning",
    });
    expect(await checkUntil(okId, 1)).toMatchObject({ status: "ok", parsed: { outcome: "accepted", deviations: [] } });
    const rejected = await checkUntil(rejectedId, 1);
    expect(rejected).toMatchObject({ status: "rejected", parsed: { outcome: "rejected", sums: null } });
    expect((rejected.parsed as unknown as ParsedFeedback).deviations[0]).toMatchObject({
      severity: "rejection",
      fieldPath: "kildesystem",
    });
  });

  it("finds the dialog by searching the party's dialogs when Skatteetaten's answer had no dialogId", async () => {
    const submissionId = await deliverAmelding();
    const [submission] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
    const { dialogId, ...withoutDialog } = submission!.receivedIds!;
    await db.update(submissions).set({ receivedIds: withoutDialog }).where(eq(submissions.id, submissionId));
    expect(await checkUntil(submissionId, 1)).toMatchObject({ status: "deviations", dialogId });
  });

  it("gives up with the reason when the dialog is still not found after the allowed checks", async () => {
    const submissionId = await deliverAmelding();
    const [submission] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
    const unknownDialog = randomUUID();
    await db
      .update(submissions)
      .set({ receivedIds: { ...submission!.receivedIds!, dialogId: unknownDialog } })
      .where(eq(submissions.id, submissionId));

    const first = await checkUntil(submissionId, 1);
    expect(first).toMatchObject({
      status: "waiting",
      lastError: null,
      lastErrorCode: "dialog_not_found",
      lastErrorParams: { dialogId: unknownDialog },
    });
    const last = await checkUntil(submissionId, 3);
    expect(last).toMatchObject({
      status: "error",
      lastErrorCode: "dialog_gave_up",
      lastErrorParams: { checks: 3, cause: { code: "dialog_not_found", params: { dialogId: unknownDialog } } },
    });
  });

  it("keeps waiting and says why while Dialogporten cannot be reached", async () => {
    const submissionId = await deliverAmelding();
    const down = createDialogportenEndUserClient({
      platformUrl: "http://127.0.0.1:9",
      timeoutMs: 1000,
      getToken: async () => "x",
    });
    const unreachable = { ...deps, dialogporten: down };
    const row = await checkUntil(submissionId, 1, unreachable);
    // The network error is the other party's word, kept as a parameter; the sentence is translated.
    expect(row).toMatchObject({
      status: "waiting",
      lastErrorCode: "dialogporten_unreachable",
      lastErrorParams: { detail: expect.any(String) },
    });
    expect(row.nextCheckAt.getTime()).toBeGreaterThan(Date.now());
    expect(await checkUntil(submissionId, 2)).toMatchObject({
      status: "deviations",
      lastErrorCode: null,
      lastErrorParams: null,
    });
  });

  it("gives up after the longest wait with the last problem as a code inside the code", async () => {
    h.skatteetaten.setFeedbackDelay("manual");
    const submissionId = await deliverAmelding();
    await checkUntil(submissionId, 1);
    const down = createDialogportenEndUserClient({
      platformUrl: "http://127.0.0.1:9",
      timeoutMs: 1000,
      getToken: async () => "x",
    });
    const row = await checkUntil(submissionId, 2, { ...deps, dialogporten: down, maxWaitMs: 1 });
    expect(row).toMatchObject({
      status: "error",
      lastErrorCode: "no_feedback_in_time",
      lastErrorParams: { hours: 0, cause: { code: "dialogporten_unreachable" } },
    });
  });

  it("refuses to send the token to a feedback URL outside the configured feedback API", async () => {
    const submissionId = await deliverAmelding();
    const row = await checkUntil(submissionId, 1, {
      ...deps,
      feedbackApiUrl: "https://amelding-tilbakemelding.api.skatteetaten-test.no/v1",
    });
    expect(row).toMatchObject({
      status: "error",
      lastErrorCode: "feedback_outside_api",
      lastErrorParams: {
        origin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        configured: "https://amelding-tilbakemelding.api.skatteetaten-test.no/v1",
      },
    });
  });

  it("lets only one worker lease a due row", async () => {
    h.skatteetaten.setFeedbackDelay("manual");
    const submissionId = await deliverAmelding();
    await runFeedbackRound(deps); // creates the row
    await db
      .update(ameldingFeedback)
      .set({ nextCheckAt: sql`now()`, leaseUntil: null })
      .where(eq(ameldingFeedback.submissionId, submissionId));
    const [a, b] = await Promise.all([
      claimDueFeedback(db, { limit: 500, leaseMs: 60_000 }),
      claimDueFeedback(db, { limit: 500, leaseMs: 60_000 }),
    ]);
    const holders = [a, b].filter((claimed) => claimed.some((r) => r.submissionId === submissionId));
    expect(holders).toHaveLength(1);
  });

  it("records what its calls say about the organisation's access, as a send does, with the check's outcome", async () => {
    const org = h.orgs[0]!;
    // Skatteetaten's feedback API refuses the token (here: one it did not issue), over HTTP.
    const refusedId = await deliverAmelding();
    const refusing = {
      ...deps,
      fetchFeedback: (url: string) =>
        sendRequest(feedbackRequest(url), "not-a-maskinporten-token", { timeoutMs: 5000 }),
    };
    const refused = await checkUntil(refusedId, 1, refusing);
    expect(refused).toMatchObject({ status: "error", lastErrorCode: "feedback_api_http" });
    expect(await getAccessHealth(db, org.id)).toMatchObject({
      state: "refused",
      lastFailureState: "refused",
      lastFailureApi: "amelding",
      lastFailureCode: expect.stringMatching(/^AMLD_/),
    });

    // The next feedback read that works clears it, like the next send that works.
    const okId = await deliverAmelding();
    await db
      .update(organisationAccessHealth)
      .set({ state: "refused" })
      .where(eq(organisationAccessHealth.organisationId, org.id));
    expect(await checkUntil(okId, 1)).toMatchObject({ status: "deviations" });
    expect(await getAccessHealth(db, org.id)).toMatchObject({ state: "ok", lastCallApi: "amelding" });

    // The customer deletes the system user in Altinn: Maskinporten refuses the follower's token (MP-303).
    h.skatteetaten.setFeedbackDelay("manual");
    const revokedId = await deliverAmelding();
    const revoke = await fetch(`${h.altinn.url}/__control/system-users/${org.orgnr}/revoke`, { method: "POST" });
    expect(revoke.status).toBe(200);
    h.tokens.clear();
    const row = await checkUntil(revokedId, 1);
    expect(row).toMatchObject({ lastErrorCode: "token_unavailable", lastErrorParams: { mpCode: "MP-303" } });
    expect(await getAccessHealth(db, org.id)).toMatchObject({
      state: "system_user_revoked",
      lastFailureState: "system_user_revoked",
      lastFailureCode: "MP-303",
    });
  });
});
