import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SafeError } from "@/lib/actions/action-result";
import { submissions, submissionVersions } from "@/lib/db/schema";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { saveOppdrag } from "./save-oppdrag";

const db = connectTestDb();

async function setup() {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id);
  const { oppdragsreferanse: _, ...fields } = testOppdrag(org.orgnr);
  return { editor: { ...user, organisationIds: [org.id] }, org, fields };
}

async function payloadOf(submissionId: string) {
  const [row] = await db
    .select({ payload: submissionVersions.payload })
    .from(submissions)
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(eq(submissions.id, submissionId));
  return row?.payload as Record<string, unknown>;
}

describe("saveOppdrag: the change date", () => {
  it("requires it on a change of an accepted oppdrag, keeps it there, and drops it on a new oppdrag", async () => {
    const { editor, org, fields } = await setup();
    const first = await db.transaction((tx) =>
      saveOppdrag(tx, editor, {
        organisationId: org.id,
        intent: "submit",
        fields: { ...fields, endringsdato: "2026-11-20" },
      }),
    );
    expect(await payloadOf(first.submissionId)).not.toHaveProperty("endringsdato");
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(eq(submissions.id, first.submissionId));

    const change = (extra: Record<string, unknown>) =>
      db.transaction((tx) =>
        saveOppdrag(tx, editor, {
          organisationId: org.id,
          intent: "submit",
          oppdragsreferanse: first.oppdragsreferanse,
          fields: { ...fields, ...extra },
        }),
      );
    const refused = await change({}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SafeError);
    expect((refused as SafeError).fieldErrors).toEqual({ endringsdato: ["changeDateRequired"] });
    const changed = await change({ endringsdato: "2026-11-20" });
    expect(await payloadOf(changed.submissionId)).toMatchObject({ endringsdato: "2026-11-20" });
  });
});
