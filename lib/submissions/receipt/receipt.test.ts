import { eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { ameldingFeedback, submissions } from "@/lib/db/schema";
import { formatter } from "@/lib/i18n/format";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";
import { testTranslator } from "@/lib/testing/test-translator";
import { approveSubmission, setFourEyes } from "../four-eyes/four-eyes";
import { createSubmission } from "../operations/operations";
import { findReceiptData } from "./receipt-data";
import { receiptResponse } from "./receipt-pdf";

const db = connectTestDb();

/** The text of every page, as a reader's PDF viewer would extract it. */
async function pdfText(bytes: ArrayBuffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join("\n"));
  }
  return pages.join("\n");
}

describe("the receipt (PDF) of a submission (real PostgreSQL)", () => {
  it("states organisation, period, sums and counts, Skatteetaten's answer, the feedback and who did it, without the persons", async () => {
    const preparer = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, preparer.id);
    const approver = await createTestUser(db, "admin");
    await db.execute(
      `insert into user_organisations (user_id, organisation_id) values ('${approver.id}', '${org.id}')`,
    );
    await db.execute(`update organisations set name = 'Fjordkraft Økonomi og Bærum Lønn AS' where id = '${org.id}'`);
    await db.transaction((tx) => setFourEyes(tx, { ...preparer }, org.id, [org.id], true));
    const leveranse = generateLeveranse({
      opplysningspliktig: org.orgnr,
      virksomhet: randomOrgnr(),
      persons: 3,
      kalendermaaned: "2026-09",
    });
    const created = await db.transaction((tx) =>
      createSubmission(
        tx,
        { ...preparer },
        {
          organisationId: org.id,
          kind: "amelding",
          subject: "2026-09",
          payload: leveranse,
          queue: true,
        },
      ),
    );
    await db.transaction((tx) => approveSubmission(tx, { ...approver }, created.submissionId, [org.id]));
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date(), receivedIds: { forsendelseId: "FS-778899" } })
      .where(eq(submissions.id, created.submissionId));
    const person = leveranse.oppgave.virksomhet[0]!.inntektsmottaker[0]!;
    await db.insert(ameldingFeedback).values({
      submissionId: created.submissionId,
      status: "deviations",
      receivedAt: new Date(),
      parsed: {
        outcome: "accepted_with_deviations",
        statedResult: null,
        meldingsId: null,
        forsendelseId: null,
        processedAt: null,
        sums: {
          sumForskuddstrekk: 12345,
          sumArbeidsgiveravgift: 6789,
          kontonummer: "63450618820",
          kid: "0012345678",
          forfallsdato: null,
        },
        deviations: [
          {
            code: "MAGNET_EDAG-219",
            severity: "immediate",
            message: "Mangler arbeidsforhold",
            person: { identifier: person.norskIdentifikator ?? null, name: "Ola Prøvestad" },
            virksomhet: null,
            sti: null,
            fieldPath: null,
          },
        ],
      },
    });

    const data = await findReceiptData(db, created.submissionId, [org.id]);
    if (!data) throw new Error("not found");
    const response = await receiptResponse(data, testTranslator("nb"), formatter("nb"));
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const text = await pdfText(await response.arrayBuffer());
    for (const expected of [
      "Kvittering for innsending",
      "Fjordkraft Økonomi og Bærum Lønn AS",
      "Periode: 2026-09",
      "Inntektsmottakere: 3",
      "Status: Mottatt",
      "forsendelseId: FS-778899",
      "Øyeblikkelig: MAGNET_EDAG-219: 1 avvik",
      `Forberedt av: Test admin <${preparer.email}>`,
      `Godkjent av: Test admin <${approver.email}>`,
      `Sendt av: Test admin <${approver.email}>`,
      "Laget ",
    ])
      expect(text).toContain(expected);
    // The archive gets sums and counts, not the persons: no name or fødselsnummer from the report or its feedback.
    expect(text).not.toContain("Ola Prøvestad");
    if (person.norskIdentifikator) expect(text).not.toContain(person.norskIdentifikator);
  });

  it("is not found for a submission of an organisation the reader does not have", async () => {
    const user = await createTestUser(db, "admin");
    const mine = await createTestOrganisation(db, user.id);
    const theirs = await createTestOrganisation(db, null);
    const created = await db.transaction((tx) =>
      createSubmission(
        tx,
        { ...user },
        {
          organisationId: theirs.id,
          kind: "amelding",
          subject: "2026-09",
          payload: {},
          queue: false,
        },
      ),
    );
    expect(await findReceiptData(db, created.submissionId, [mine.id])).toBeNull();
    expect(await findReceiptData(db, created.submissionId, [theirs.id])).not.toBeNull();
  });
});
