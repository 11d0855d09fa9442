import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Leveranse } from "@/lib/amelding/leveranse-schema";
import { deliveryAttempts, submissionSearchTerms, submissions, submissionVersions } from "@/lib/db/schema";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { saveImportText } from "@/lib/testing/import-text";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";
import { createSubmission, sendCorrectedVersion } from "../operations/operations";
import { parseSubmissionListFilter } from "../queries/list-filter";
import { listSubmissions, submissionFilterConditions } from "../queries/list-submissions";
import { indexPendingVersions } from "./search-index";
import { chooseSearchStrategy } from "./search-sql";

const db = connectTestDb();

/** A word no other test uses, so a search for it finds only this test's rows. */
const unique = (prefix: string) => `${prefix}${randomUUID().replaceAll("-", "").slice(0, 10)}`;

function leveranseWith(orgnr: string, people: { navn: string }[], month = "2026-09"): Leveranse {
  const leveranse = generateLeveranse({
    opplysningspliktig: orgnr,
    virksomhet: randomOrgnr(),
    persons: people.length,
    kalendermaaned: month,
    seed: Math.floor(Math.random() * 1e9),
  });
  leveranse.oppgave.virksomhet[0]!.inntektsmottaker!.forEach((p, i) => {
    p.identifiserendeInformasjon = { ...p.identifiserendeInformasjon, navn: people[i]!.navn };
  });
  return leveranse;
}

const fnrsOf = (leveranse: Leveranse) =>
  leveranse.oppgave.virksomhet.flatMap((v) => (v.inntektsmottaker ?? []).map((p) => p.norskIdentifikator!));

async function setup() {
  const user = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, user.id);
  return { user, org };
}

const search = async (organisationIds: string[], q: string) =>
  (await listSubmissions(db, organisationIds, parseSubmissionListFilter({ q }))).rows.map((r) => r.id);

/**
 * The list takes a search's newest page from the terms' own created_at and organisation
 * (searchMatches): each submission's terms must carry exactly its values, whichever path wrote them.
 */
async function expectTermsCarryTheirSubmission(submissionIds: string[]) {
  const rows = await db.execute<{ id: string; terms: number; differing: number }>(sql`
    select s.id, count(t.*)::int as terms,
      count(*) filter (where t.created_at is distinct from s.created_at or t.organisation_id is distinct from s.organisation_id)::int as differing
    from submissions s left join submission_search_terms t on t.submission_id = s.id
    where s.id = any(${sql.param(submissionIds)}::uuid[]) group by s.id`);
  expect(rows.length).toBe(submissionIds.length);
  for (const row of rows) expect(row).toMatchObject({ terms: expect.any(Number), differing: 0 });
  expect(rows.every((r) => r.terms > 0)).toBe(true);
}

describe("free-text search of submissions (real PostgreSQL)", () => {
  it("finds an A-melding by an employee's name (any word, as a prefix, any case) and by fødselsnummer exactly", async () => {
    const { user, org } = await setup();
    const family = unique("Prøvestad");
    const leveranse = leveranseWith(org.orgnr, [{ navn: `Ola ${family}` }, { navn: "Kari Annen" }]);
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-09",
        payload: leveranse,
        queue: false,
      }),
    );
    const other = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-08",
        payload: leveranseWith(org.orgnr, [{ navn: "Per Ukjent" }], "2026-08"),
        queue: false,
      }),
    );
    const fnr = fnrsOf(leveranse)[0]!;

    expect(await search([org.id], family)).toEqual([submissionId]);
    expect(await search([org.id], family.slice(0, 8).toUpperCase())).toEqual([submissionId]);
    expect(await search([org.id], `ola ${family.slice(0, 9)}`)).toEqual([submissionId]);
    expect(await search([org.id], fnr)).toEqual([submissionId]);
    expect(await search([org.id], `${fnr.slice(0, 6)} ${fnr.slice(6)}`)).toEqual([submissionId]);
    // Exact only: part of a number finds nothing.
    expect(await search([org.id], fnr.slice(0, 10))).toEqual([]);
    expect(await search([org.id], fnrsOf(leveranseWith(org.orgnr, [{ navn: "x" }]))[0]!)).toEqual([]);
    // The virksomhet's orgnr and the meldingsId.
    expect(await search([org.id], leveranse.oppgave.virksomhet[0]!.norskIdentifikator)).toEqual([submissionId]);
    expect(await search([org.id], leveranse.meldingsId)).toEqual([submissionId]);
    expect((await search([org.id], "per ukjent")).includes(other.submissionId)).toBe(true);
  });

  it("stores no fødselsnummer in the index: no run of 11 digits, none of the numbers", async () => {
    const { user, org } = await setup();
    const leveranse = leveranseWith(org.orgnr, [{ navn: "A B" }, { navn: "C D" }, { navn: "E F" }]);
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-09",
        payload: leveranse,
        queue: false,
      }),
    );
    const terms = await db
      .select({ kind: submissionSearchTerms.kind, term: submissionSearchTerms.term })
      .from(submissionSearchTerms)
      .where(eq(submissionSearchTerms.submissionId, submissionId));
    expect(terms.filter((t) => t.kind === "person_id")).toHaveLength(3);
    for (const { term } of terms) {
      expect(term).not.toMatch(/\d{11}/);
      for (const fnr of fnrsOf(leveranse)) expect(term).not.toContain(fnr);
    }
    const [{ n }] = (await db.execute<{ n: number }>(
      sql`select count(*)::int as n from submission_search_terms where term ~ '[0-9]{11}'`,
    )) as unknown as [{ n: number }];
    expect(n).toBe(0);
  });

  it("never stores an 11-digit number typed into a name or a reference in clear, and still finds it", async () => {
    const { user, org } = await setup();
    const fnr = fnrsOf(leveranseWith(org.orgnr, [{ navn: "X" }]))[0]!;
    const oppdrag = testOppdrag(org.orgnr, {
      oppdragstaker: {
        variant: "utenlandsk",
        navn: `Ola ${fnr} Nordmann`,
        registreringsnummer: fnr,
        adresseHjemland: { adresselinje: "Gatve 1", landkode: "LT" },
      },
    });
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: false,
      }),
    );
    const terms = await db
      .select({ term: submissionSearchTerms.term })
      .from(submissionSearchTerms)
      .where(eq(submissionSearchTerms.submissionId, submissionId));
    for (const { term } of terms) expect(term).not.toMatch(/\d{11}/);
    expect(await search([org.id], fnr)).toEqual([submissionId]);
    expect(await search([org.id], "Nordmann")).toEqual([submissionId]);
  });

  it("finds an oppdrag by an arbeidstaker's name, fødselsnummer (kept as a keyed hash only) and foreign ID", async () => {
    const { user, org } = await setup();
    const fnr = fnrsOf(leveranseWith(org.orgnr, [{ navn: "X" }]))[0]!;
    const worker = unique("Arbeider");
    const foreignId = unique("LT-ID");
    const oppdrag = testOppdrag(org.orgnr, {
      arbeidstakere: [
        {
          navn: `Ola ${worker}`,
          identifikasjon: { variant: "norsk", fodselsnummer: fnr },
          forsteArbeidsdag: "2026-11-02",
        },
        {
          navn: "Jonas Testaitis",
          identifikasjon: {
            variant: "utenlandsk",
            utenlandskIdNummer: foreignId,
            fodselsdato: "1985-04-12",
            landkode: "LT",
          },
          forsteArbeidsdag: "2026-11-02",
        },
      ],
    });
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: oppdrag.oppdragsreferanse,
        payload: oppdrag,
        queue: false,
      }),
    );
    const terms = await db
      .select({ term: submissionSearchTerms.term })
      .from(submissionSearchTerms)
      .where(eq(submissionSearchTerms.submissionId, submissionId));
    for (const { term } of terms) expect(term).not.toContain(fnr);
    expect(await search([org.id], fnr)).toEqual([submissionId]);
    expect(await search([org.id], worker)).toEqual([submissionId]);
    expect(await search([org.id], foreignId)).toEqual([submissionId]);
  });

  it("finds an oppdrag by its contractor's name, contact person, registration number and orgnr", async () => {
    const { user, org } = await setup();
    const contractor = unique("Baltic");
    const contact = unique("Kontakt");
    const oppdrag = testOppdrag(org.orgnr, {
      oppdragstaker: {
        variant: "utenlandsk",
        navn: `${contractor} Steel UAB`,
        registreringsnummer: "LT-998877",
        adresseHjemland: { adresselinje: "Gatve 1", landkode: "LT" },
      },
    });
    const withContact = testOppdrag(org.orgnr, {
      oppdragsgiver: {
        variant: "utenlandsk",
        navn: "Utenlandsk Giver Ltd",
        registreringsnummer: "GB-1",
        adresseHjemland: { adresselinje: "Street 1", landkode: "GB" },
        adresseNorge: { adresselinje: "Gate 1", postnummer: "0150", poststed: "Oslo", landkode: "NO" },
        kontaktperson: `Nora ${contact}`,
      },
    });
    const norwegianContractor = randomOrgnr();
    const byOrgnr = testOppdrag(org.orgnr, {
      oppdragstaker: { variant: "norsk", navn: "Norsk Taker AS", organisasjonsnummer: norwegianContractor },
    });
    const ids = [];
    for (const payload of [oppdrag, withContact, byOrgnr]) {
      const created = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "oar",
          subject: payload.oppdragsreferanse,
          payload,
          queue: false,
        }),
      );
      ids.push(created.submissionId);
    }
    expect(await search([org.id], `${contractor.toLowerCase()} steel`)).toEqual([ids[0]]);
    expect(await search([org.id], "lt-998877")).toEqual([ids[0]]);
    expect(await search([org.id], contact)).toEqual([ids[1]]);
    expect(await search([org.id], norwegianContractor)).toEqual([ids[2]]);
    expect(await search([org.id], oppdrag.oppdragsreferanse)).toEqual([ids[0]]);
  });

  it("finds the same rows probing each submission's terms as collecting the matching ids, and probes only broad queries", async () => {
    const { user, org } = await setup();
    const theirs = await createTestOrganisation(db, null);
    const family = unique("Bredde");
    const create = async (organisationId: string, orgnr: string, navn: string) => {
      const leveranse = leveranseWith(orgnr, [{ navn }]);
      const created = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId,
          kind: "amelding",
          subject: "2026-09",
          payload: leveranse,
          queue: false,
        }),
      );
      return { ...created, leveranse };
    };
    const ours = [
      await create(org.id, org.orgnr, `Kari ${family}`),
      await create(org.id, org.orgnr, `Ola ${family}sen`),
      await create(org.id, org.orgnr, `Per ${family}dal`),
    ];
    const other = await create(org.id, org.orgnr, "Nils Annen");
    await create(theirs.id, theirs.orgnr, `Kari ${family}`);
    const forsendelseId = unique("F");
    await db.update(submissions).set({ receivedIds: { forsendelseId } }).where(eq(submissions.id, other.submissionId));
    const byStrategy = async (q: string, search: "ids" | "probe") =>
      (
        await db
          .select({ id: submissions.id })
          .from(submissions)
          .where(and(...submissionFilterConditions([org.id], { q }, { search })))
      )
        .map((r) => r.id)
        .sort();
    const cases: [string, string[]][] = [
      [family, ours.map((o) => o.submissionId)],
      [`kari ${family}`, [ours[0]!.submissionId]],
      [fnrsOf(ours[1]!.leveranse)[0]!, [ours[1]!.submissionId]],
      [ours[2]!.leveranse.meldingsId, [ours[2]!.submissionId]],
      [org.orgnr, [...ours, other].map((o) => o.submissionId)],
      [forsendelseId, [other.submissionId]],
      [other.submissionId, [other.submissionId]],
      [other.idempotencyKey, [other.submissionId]],
      [unique("Ingen"), []],
    ];
    for (const [q, expected] of cases) {
      expect(await byStrategy(q, "ids")).toEqual([...expected].sort());
      expect(await byStrategy(q, "probe")).toEqual([...expected].sort());
    }
    expect(await chooseSearchStrategy(db, [org.id], family, 3)).toBe("probe");
    expect(await chooseSearchStrategy(db, [org.id], family, 4)).toBe("ids");
    expect(await chooseSearchStrategy(db, [org.id], `kari ${family}`, 3)).toBe("ids");
    // A reader of several organisations: an exact term (orgnr, fødselsnummer) is counted in the
    // reader's organisations only (found by the term, then scoped).
    const third = await createTestOrganisation(db, null);
    const fnr = fnrsOf(ours[1]!.leveranse)[0]!;
    expect(await chooseSearchStrategy(db, [org.id, theirs.id], org.orgnr, 4)).toBe("probe");
    expect(await chooseSearchStrategy(db, [org.id, theirs.id], org.orgnr, 5)).toBe("ids");
    expect(await chooseSearchStrategy(db, [theirs.id, third.id], org.orgnr, 1)).toBe("ids");
    expect(await chooseSearchStrategy(db, [org.id, third.id], fnr, 1)).toBe("probe");
    expect(await chooseSearchStrategy(db, [theirs.id, third.id], fnr, 1)).toBe("ids");
    // The list pages the same way whichever strategy its query gets.
    expect((await search([org.id], family)).sort()).toEqual(ours.map((o) => o.submissionId).sort());
  });

  it("never finds another organisation's submission, whatever the query", async () => {
    const { user, org } = await setup();
    const theirs = await createTestOrganisation(db, null);
    const name = unique("Hemmelig");
    const leveranse = leveranseWith(theirs.orgnr, [{ navn: `Sara ${name}` }]);
    const hidden = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: theirs.id,
        kind: "amelding",
        subject: "2026-09",
        payload: leveranse,
        queue: false,
      }),
    );
    await db
      .update(submissions)
      .set({ receivedIds: { forsendelseId: `F-${name}` } })
      .where(eq(submissions.id, hidden.submissionId));
    for (const q of [name, fnrsOf(leveranse)[0]!, theirs.orgnr, leveranse.meldingsId, `F-${name}`, hidden.submissionId])
      expect(await search([org.id], q)).toEqual([]);
    expect(await search([theirs.id], name)).toEqual([hidden.submissionId]);
  });

  it("finds by forsendelseId, korrelasjonsid, idempotency key and id", async () => {
    const { user, org } = await setup();
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: unique("OPP-"),
        payload: testOppdrag(org.orgnr),
        queue: false,
      }),
    );
    const forsendelseId = unique("F");
    const korrelasjonsid = randomUUID();
    await db
      .update(submissions)
      .set({ receivedIds: { forsendelseId } })
      .where(eq(submissions.id, created.submissionId));
    await db.insert(deliveryAttempts).values({
      submissionId: created.submissionId,
      versionId: created.versionId,
      attemptNo: 1,
      idempotencyKey: created.idempotencyKey,
      requestMethod: "POST",
      requestUrl: "http://x",
      requestHeaders: {},
      requestBody: "{}",
      korrelasjonsid,
      outcome: "rejected",
    });
    for (const q of [forsendelseId, korrelasjonsid, created.idempotencyKey, created.submissionId])
      expect(await search([org.id], q)).toEqual([created.submissionId]);
  });

  it("keeps the index in step with a corrected version, a replacement and an import", async () => {
    const { user, org } = await setup();
    const before = unique("Foer");
    const after = unique("Etter");
    const payload = (navn: string) =>
      testOppdrag(org.orgnr, {
        oppdragsreferanse: "OPP-1",
        oppdragstaker: { variant: "norsk", navn, organisasjonsnummer: randomOrgnr() },
      });
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "oar",
        subject: "OPP-1",
        payload: payload(before),
        queue: false,
      }),
    );
    expect(await search([org.id], before)).toEqual([created.submissionId]);
    await db.transaction((tx) =>
      sendCorrectedVersion(tx, user, created.submissionId, [org.id], "oar", payload(after), { queue: false }),
    );
    expect(await search([org.id], before)).toEqual([]);
    expect(await search([org.id], after)).toEqual([created.submissionId]);
    await expectTermsCarryTheirSubmission([created.submissionId]);

    // A replacement of an accepted A-melding: both messages are found by the person in them.
    const person = unique("Erstatt");
    const original = leveranseWith(org.orgnr, [{ navn: `Lars ${person}` }]);
    const first = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-09",
        payload: original,
        queue: false,
      }),
    );
    await db
      .update(submissions)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(eq(submissions.id, first.submissionId));
    const replacement = {
      ...leveranseWith(org.orgnr, [{ navn: `Lars ${person}` }]),
      erstatterMeldingsId: original.meldingsId,
    };
    const second = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-09",
        payload: replacement,
        queue: false,
        replacesSubmissionId: first.submissionId,
      }),
    );
    expect((await search([org.id], person)).sort()).toEqual([first.submissionId, second.submissionId].sort());
    await expectTermsCarryTheirSubmission([first.submissionId, second.submissionId]);

    // An import: its payload is built by the database, and indexed all the same.
    const imported = unique("Import");
    const file = leveranseWith(org.orgnr, [{ navn: `Maja ${imported}` }], "2026-07");
    const saved = await saveImportText(
      db,
      { ...user, organisationIds: [org.id] },
      JSON.stringify({ leveranse: file }),
      "draft",
    );
    expect(saved).toMatchObject({ ok: true });
    if (!saved.ok) return;
    expect(await search([org.id], imported)).toEqual([saved.submissionId]);
    expect(await search([org.id], fnrsOf(file)[0]!)).toEqual([saved.submissionId]);
    await expectTermsCarryTheirSubmission([saved.submissionId]);
  });

  it("indexes versions saved before the index existed when start-up runs the backfill", async () => {
    const { user, org } = await setup();
    const name = unique("Gammel");
    const leveranse = leveranseWith(org.orgnr, [{ navn: `Emil ${name}` }]);
    const created = await db.transaction((tx) =>
      createSubmission(tx, user, {
        organisationId: org.id,
        kind: "amelding",
        subject: "2026-09",
        payload: leveranse,
        queue: false,
      }),
    );
    // As the migration leaves an earlier version: no terms, no sums, marked pending.
    await db.delete(submissionSearchTerms).where(eq(submissionSearchTerms.submissionId, created.submissionId));
    await db
      .update(submissionVersions)
      .set({ searchIndexed: false, reportedForskuddstrekk: null, reportedArbeidsgiveravgift: null })
      .where(eq(submissionVersions.id, created.versionId));
    expect(await search([org.id], name)).toEqual([]);

    expect(await indexPendingVersions(db)).toBeGreaterThanOrEqual(1);
    expect(await search([org.id], name)).toEqual([created.submissionId]);
    expect(await search([org.id], fnrsOf(leveranse)[0]!)).toEqual([created.submissionId]);
    await expectTermsCarryTheirSubmission([created.submissionId]);
    const [version] = await db.select().from(submissionVersions).where(eq(submissionVersions.id, created.versionId));
    expect(version).toMatchObject({ searchIndexed: true });
    expect(version?.reportedArbeidsgiveravgift).toBe(
      Number(leveranse.oppgave.betalingsinformasjon?.sumArbeidsgiveravgift),
    );
  });

  it("pages a search from its terms exactly as the search condition orders it, with filters, ties and moved rows", async () => {
    const { user, org } = await setup();
    const second = await createTestOrganisation(db, user.id);
    const hidden = await createTestOrganisation(db, null);
    const family = unique("Side");
    const created: string[] = [];
    for (let i = 0; i < 9; i++) {
      const target = [org, second, hidden][i % 3]!;
      const { submissionId } = await db.transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: target.id,
          kind: "amelding",
          subject: "2026-09",
          payload: leveranseWith(target.orgnr, [{ navn: `Kari ${family}${i % 2 ? "sen" : ""}` }]),
          queue: false,
        }),
      );
      created.push(submissionId);
    }
    // Ties in created_at (the keyset then orders by id), statuses to filter by, a row moved back in
    // time and one moved to another organisation the reader cannot see: the terms follow (trigger).
    await db
      .update(submissions)
      .set({ createdAt: new Date("2026-10-01T08:00:00Z") })
      .where(sql`${submissions.id} = any(${sql.param(created.slice(0, 4))}::uuid[])`);
    await db
      .update(submissions)
      .set({ createdAt: new Date("2020-01-01T00:00:00Z"), status: "failed" })
      .where(eq(submissions.id, created[7]!));
    await db.update(submissions).set({ status: "failed" }).where(eq(submissions.id, created[4]!));
    await db.update(submissions).set({ organisationId: hidden.id }).where(eq(submissions.id, created[1]!));
    await expectTermsCarryTheirSubmission(created);

    const readers = [org.id, second.id];
    for (const filter of [{ q: family }, { q: family, status: "failed" }, { q: `kari ${family}sen` }]) {
      const expected = (
        await db
          .select({ id: submissions.id })
          .from(submissions)
          .where(and(...submissionFilterConditions(readers, parseSubmissionListFilter(filter), { search: "ids" })))
          .orderBy(sql`${submissions.createdAt} desc`, sql`${submissions.id} desc`)
      ).map((r) => r.id);
      expect(expected.length).toBeGreaterThan(0);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listSubmissions(db, readers, parseSubmissionListFilter({ ...filter, cursor }), 2);
        paged.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(expected);
    }
    expect(await search(readers, family)).not.toContain(created[1]);
  });
});
