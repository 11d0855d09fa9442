import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Role, submissions } from "@/lib/db/schema";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { checkImportText as checkImport, saveImportText as saveImport } from "@/lib/testing/import-text";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";

/*
 * The control rules in the import (real PostgreSQL): the check step is a dry run that lists the
 * findings and saves nothing; sending a file with an Avvisning-level finding is refused, a draft
 * of it is saved (and sent from the builder, where the override is asked for).
 */

const db = connectTestDb();

describe("control rules in the import", () => {
  let actor: { id: string; email: string; role: Role; organisationIds: string[] };
  let org: { id: string; orgnr: string };

  beforeAll(async () => {
    const user = await createTestUser(db, "admin");
    org = await createTestOrganisation(db, user.id);
    actor = { ...user, organisationIds: [org.id] };
  });

  const fileWithoutEmploymentForm = () => {
    const leveranse = structuredClone(
      generateLeveranse({
        opplysningspliktig: org.orgnr,
        virksomhet: randomOrgnr(),
        persons: 2,
        kalendermaaned: "2026-08",
      }),
    ) as any;
    delete leveranse.oppgave.virksomhet[0].inntektsmottaker[1].arbeidsforhold[0].formForAnsettelse;
    return JSON.stringify({ leveranse });
  };
  const saved = () => db.select().from(submissions).where(eq(submissions.organisationId, org.id));

  it("lists the findings in the check step and saves nothing", async () => {
    const result = await checkImport(db, actor.organisationIds, fileWithoutEmploymentForm());
    expect(result).toMatchObject({
      ok: true,
      rules: {
        total: 1,
        hits: [
          {
            ruleId: "employmentFormMissing",
            skatteetatenCode: "MAGNET_EDAG-291",
            severity: "Avvisning",
            path: "oppgave.virksomhet.0.inntektsmottaker.1.arbeidsforhold.0.formForAnsettelse",
          },
        ],
      },
    });
    expect(await saved()).toEqual([]);
  });

  it("refuses to send a file with an Avvisning-level finding, and saves it as a draft", async () => {
    const text = fileWithoutEmploymentForm();
    expect(await saveImport(db, actor, text, "submit")).toMatchObject({
      ok: false,
      documentErrors: [{ code: "rules_blocked", rules: ["MAGNET_EDAG-291"] }],
    });
    expect(await saved()).toEqual([]);
    expect(await saveImport(db, actor, text, "draft")).toMatchObject({ ok: true, queued: false });
  });
});
