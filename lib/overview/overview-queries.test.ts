import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { submissions } from "@/lib/db/schema";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import { listSubmissions } from "@/lib/submissions/queries/list-submissions";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { countSubmissionsByStatus, dailySubmissionSeries } from "./overview-queries";

const db = connectTestDb();

async function seed() {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id);
  const other = await createTestOrganisation(db, null);
  const make = async (
    organisationId: string,
    status: "draft" | "accepted" | "rejected" | "failed",
    createdAt: string,
  ) => {
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId,
        kind: "oar",
        subject: `OPP-${createdAt}`,
        payload: testPayload("oar"),
        queue: false,
      }),
    );
    await db
      .update(submissions)
      .set({ status, createdAt: new Date(createdAt) })
      .where(eq(submissions.id, submissionId));
    return submissionId;
  };
  // 23:30 UTC on 31 Oct is 00:30 on 1 Nov in Oslo: it belongs to November.
  await make(org.id, "accepted", "2026-10-31T23:30:00Z");
  await make(org.id, "rejected", "2026-11-01T09:00:00Z");
  await make(org.id, "failed", "2026-11-02T09:00:00Z");
  await make(org.id, "draft", "2026-11-02T10:00:00Z");
  await make(org.id, "accepted", "2026-10-15T10:00:00Z");
  await make(other.id, "rejected", "2026-11-01T09:00:00Z");
  return { org };
}

describe("overview figures (real PostgreSQL)", () => {
  it("count exactly the rows the linked list shows, by Norwegian date, within the user's organisations", async () => {
    const { org } = await seed();
    const filter = parseSubmissionListFilter({ from: "2026-11-01", to: "2026-11-30" });
    const counts = await countSubmissionsByStatus(db, [org.id], filter);
    expect(counts).toEqual({ accepted: 1, rejected: 1, failed: 1, draft: 1 });

    for (const [status, n] of Object.entries(counts)) {
      const page = await listSubmissions(
        db,
        [org.id],
        parseSubmissionListFilter({ from: "2026-11-01", to: "2026-11-30", status }),
      );
      expect(page.rows).toHaveLength(n);
    }
  });

  it("gives submissions and rejections per day, drafts not counted as sent", async () => {
    const { org } = await seed();
    const series = await dailySubmissionSeries(db, [org.id], "2026-11-01", "2026-11-30");
    expect([...series].sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: "2026-11-01", submitted: 2, rejected: 1 },
      { day: "2026-11-02", submitted: 1, rejected: 1 },
    ]);
    expect(await dailySubmissionSeries(db, [], "2026-11-01", "2026-11-30")).toEqual([]);
  });
});
