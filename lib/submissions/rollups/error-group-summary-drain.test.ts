import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { submissions } from "@/lib/db/schema";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { testPayload } from "@/lib/testing/report-fixtures";
import { createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { waitFor } from "@/lib/testing/worker-process";
import { createSubmission } from "../operations/operations";
import { drainErrorGroupSummaryChanges, startErrorGroupSummaryDrain } from "./error-group-summary-drain";

/** Submissions of `organisations` organisations, all rejected with the same code: one error group. */
async function oneGroupInManyOrganisations(db: Db, organisations: number, code: string) {
  const user = await createTestUser(db, "admin");
  const ids: string[] = [];
  for (let i = 0; i < organisations; i++) {
    const org = await createTestOrganisation(db, user.id);
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: `OPP-${i}`,
        payload: testPayload("oar", org.orgnr),
        queue: false,
      }),
    );
    ids.push(submissionId);
  }
  // One statement per organisation, as the engine settles deliveries: one outbox row each.
  for (const id of ids) {
    await db
      .update(submissions)
      .set({ status: "rejected", lastErrorCode: code, lastAttemptAt: new Date() })
      .where(eq(submissions.id, id));
  }
  return ids;
}

const outbox = async (db: Db) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from error_group_summary_changes`))[0]!.n;

const summary = async (db: Db, code: string) =>
  (
    await db.execute<{ submissions: number; organisations: number }>(
      sql`select submissions, organisations from error_group_summaries where kind is null and code = ${code}`,
    )
  )[0];

describe("the drain of error_group_summaries' outbox (real PostgreSQL)", () => {
  it("lets drainers side by side recompute one group in turn, never both at once, and empties the outbox", async () => {
    const isolated = await createIsolatedDatabase();
    try {
      const db = isolated.db;
      const ids = await oneGroupInManyOrganisations(db, 8, "OAR_077");
      expect(await outbox(db)).toBeGreaterThanOrEqual(8);
      // Four drainers, one row a batch, all on the same group: without the drainers' lock per group
      // two would recompute it at once and one would fail on the summaries' unique key.
      const drained = await Promise.all([1, 2, 3, 4].map(() => drainErrorGroupSummaryChanges(db, { batchSize: 1 })));
      expect(drained.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(8);
      expect(await outbox(db)).toBe(0);
      expect(await summary(db, "OAR_077")).toEqual({ submissions: 8, organisations: 8 });

      // Again with changes committed while the drainers run: whatever they pick, a change they did
      // not pick keeps its row, so a last drain gives the recount.
      await Promise.all([
        ...[1, 2, 3].map(() => drainErrorGroupSummaryChanges(db, { batchSize: 1 })),
        db
          .update(submissions)
          .set({ status: "accepted" })
          .where(inArray(submissions.id, ids.slice(0, 3))),
      ]);
      await drainErrorGroupSummaryChanges(db, { batchSize: 100 });
      expect(await outbox(db)).toBe(0);
      expect(await summary(db, "OAR_077")).toEqual({ submissions: 5, organisations: 5 });
    } finally {
      await isolated.close();
    }
  }, 60_000);

  it("runs in the worker at start and every interval, and stops", async () => {
    const isolated = await createIsolatedDatabase();
    try {
      const db = isolated.db;
      const ids = await oneGroupInManyOrganisations(db, 2, "OAR_078");
      const job = startErrorGroupSummaryDrain(db, { batchSize: 10, intervalMs: 50, workerId: "test-worker" });
      try {
        await waitFor("the outbox to be drained at start", async () => (await outbox(db)) === 0);
        expect(await summary(db, "OAR_078")).toEqual({ submissions: 2, organisations: 2 });
        await db.update(submissions).set({ status: "accepted" }).where(eq(submissions.id, ids[0]!));
        await waitFor("the next run to drain the change", async () => (await outbox(db)) === 0);
        expect(await summary(db, "OAR_078")).toEqual({ submissions: 1, organisations: 1 });
      } finally {
        await job.stop();
      }
      // Stopped: a change stays in the outbox.
      await db.update(submissions).set({ status: "accepted" }).where(eq(submissions.id, ids[1]!));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await outbox(db)).toBeGreaterThan(0);
    } finally {
      await isolated.close();
    }
  }, 60_000);
});
