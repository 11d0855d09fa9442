import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { submissions, submissionVersions } from "@/lib/db/schema";
import { createSubmission, sendCorrectedVersion } from "@/lib/submissions/operations/operations";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { saveImportText as saveImport } from "@/lib/testing/import-text";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";
import { hasPermission } from "./permissions";

const db = connectTestDb();
const forbidden = { code: "forbidden", messageKey: "errors.forbidden" };

/**
 * A corrected version or a replacement gets a new idempotency key: Skatteetaten receives the report
 * again. That needs submission:resend, checked where every path (OAR form, A-melding builder,
 * import) makes one. Support has the submissions but not the permission.
 */
describe("submission:resend is required for every resend (real PostgreSQL)", () => {
  it("is a permission support lacks and admin has", () => {
    expect(hasPermission("support", "submission:resend")).toBe(false);
    expect(hasPermission("admin", "submission:resend")).toBe(true);
  });

  it("refuses a corrected version without it, and keeps the submission as it was", async () => {
    const admin = await createTestUser(db, "admin");
    const support = await createTestUser(db, "support");
    const org = await createTestOrganisation(db, admin.id);
    const created = await db.transaction((tx) =>
      createSubmission(tx, admin, {
        organisationId: org.id,
        kind: "oar",
        subject: "OPP-R1",
        payload: testPayload("oar"),
        queue: true,
      }),
    );
    await db.update(submissions).set({ status: "rejected" }).where(eq(submissions.id, created.submissionId));
    await expect(
      db.transaction((tx) =>
        sendCorrectedVersion(tx, support, created.submissionId, [org.id], "oar", testPayload("oar")),
      ),
    ).rejects.toMatchObject(forbidden);
    expect(
      await db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, created.submissionId)),
    ).toHaveLength(1);
    await db.transaction((tx) =>
      sendCorrectedVersion(tx, admin, created.submissionId, [org.id], "oar", testPayload("oar")),
    );
    expect(
      await db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, created.submissionId)),
    ).toHaveLength(2);
  });

  it("refuses a replacement of an accepted A-melding without it, from the builder's path and from an import", async () => {
    const admin = await createTestUser(db, "admin");
    const support = await createTestUser(db, "support");
    const org = await createTestOrganisation(db, admin.id);
    const original = await db.transaction((tx) =>
      createSubmission(tx, admin, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-10",
        payload: testPayload("amelding", org.orgnr),
        queue: false,
      }),
    );
    await expect(
      db.transaction((tx) =>
        createSubmission(tx, support, {
          organisationId: org.id,
          kind: "amelding",
          subject: "2026-10",
          payload: testPayload("amelding", org.orgnr),
          queue: false,
          replacesSubmissionId: original.submissionId,
        }),
      ),
    ).rejects.toMatchObject(forbidden);

    const leveranse = {
      ...generateLeveranse({ opplysningspliktig: org.orgnr, virksomhet: randomOrgnr(), persons: 1 }),
      erstatterMeldingsId: "earlier-message-1",
    };
    const before = await db.select().from(submissions).where(eq(submissions.organisationId, org.id));
    await expect(
      saveImport(db, { ...support, organisationIds: [org.id] }, JSON.stringify({ leveranse }), "draft"),
    ).rejects.toMatchObject(forbidden);
    expect(await db.select().from(submissions).where(eq(submissions.organisationId, org.id))).toHaveLength(
      before.length,
    );
    expect(
      await saveImport(db, { ...admin, organisationIds: [org.id] }, JSON.stringify({ leveranse }), "draft"),
    ).toMatchObject({ ok: true });
  });
});
