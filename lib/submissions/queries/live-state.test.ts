import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ameldingFeedback, submissions } from "@/lib/db/schema";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { createSubmission } from "../operations/operations";
import { livePollInterval, submissionLiveStateSchema } from "./live-state";
import { findSubmissionLiveState } from "./submission-history";

const db = connectTestDb();

/* The state the submission page polls (app/api/submissions/[id]) and when it polls. */
describe("a submission's live state", () => {
  let user: { id: string; email: string };
  let organisationId: string;
  let otherOrganisationId: string;
  beforeAll(async () => {
    user = await createTestUser(db, "admin");
    organisationId = (await createTestOrganisation(db, user.id)).id;
    otherOrganisationId = (await createTestOrganisation(db, (await createTestUser(db, "admin")).id)).id;
  });

  it("is read only within the caller's organisations, fits the route's output schema, and follows the feedback of an accepted A-melding", async () => {
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId,
        kind: "amelding",
        subject: "2026-10",
        payload: testPayload("amelding"),
        queue: false,
      }),
    );
    expect(await findSubmissionLiveState(db, submissionId, [otherOrganisationId])).toBeNull();
    expect(await findSubmissionLiveState(db, submissionId, [])).toBeNull();

    const draft = await findSubmissionLiveState(db, submissionId, [organisationId]);
    expect(submissionLiveStateSchema.parse(draft)).toEqual(draft);
    expect(draft).toMatchObject({
      kind: "amelding",
      status: "draft",
      attempts: 0,
      lastAttemptOutcome: null,
      feedback: null,
    });
    expect(livePollInterval(draft!)).toBe(false);

    await db.update(submissions).set({ status: "sending" }).where(eq(submissions.id, submissionId));
    expect(livePollInterval((await findSubmissionLiveState(db, submissionId, [organisationId]))!)).toBe(1500);

    // Accepted, no feedback row yet: the feedback is awaited.
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: sql`now()` })
      .where(eq(submissions.id, submissionId));
    const accepted = (await findSubmissionLiveState(db, submissionId, [organisationId]))!;
    expect(livePollInterval(accepted)).toBe(4000);

    await db
      .insert(ameldingFeedback)
      .values({ submissionId, status: "waiting", checkCount: 2, lastCheckedAt: new Date() });
    const checked = (await findSubmissionLiveState(db, submissionId, [organisationId]))!;
    expect(checked.feedback).toMatchObject({ status: "waiting", checkCount: 2 });
    // A new check changes the state, so the open page re-renders with its time.
    expect(checked).not.toEqual(accepted);

    await db.update(ameldingFeedback).set({ status: "ok" }).where(eq(ameldingFeedback.submissionId, submissionId));
    expect(livePollInterval((await findSubmissionLiveState(db, submissionId, [organisationId]))!)).toBe(false);
  });
});
