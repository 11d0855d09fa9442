import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { saveImportText as saveImport } from "@/lib/testing/import-text";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";
import { createLogger, logUnexpectedError } from "./logger";

const db = connectTestDb();

/** A logger writing into memory, configured exactly like the process's. */
function captureLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ destination, level: "debug" }), text: () => lines.join("") };
}

// Each test run gets its own marker, so the trigger never touches another test file's writes.
const marker = `log-test-${randomUUID()}`;

describe("the log holds no personal data when a database write fails", () => {
  beforeAll(async () => {
    // Forces the write of this test's import to fail inside PostgreSQL, as a constraint would,
    // with the failing row in the error's detail as PostgreSQL writes it ("Failing row contains …").
    await db.execute(
      sql.raw(`
        create or replace function log_test_fail_marked_version() returns trigger language plpgsql as $$
        begin
          if new.payload->>'kildesystem' like 'log-test-%' then
            raise exception 'forced failure for a log test' using detail = 'Failing row contains ' || new.payload::text;
          end if;
          return new;
        end $$;
        drop trigger if exists fail_marked_version on submission_versions;
        create trigger fail_marked_version before insert on submission_versions for each row execute function log_test_fail_marked_version();`),
    );
  });
  afterAll(async () => {
    await db.execute(
      sql.raw(
        `drop trigger if exists fail_marked_version on submission_versions; drop function if exists log_test_fail_marked_version();`,
      ),
    );
  });

  it("logs a failing import's error without its fødselsnumre, names or amounts", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const leveranse = {
      ...generateLeveranse({ opplysningspliktig: org.orgnr, virksomhet: randomOrgnr(), persons: 3 }),
      kildesystem: marker,
    };
    const people = leveranse.oppgave.virksomhet.flatMap((v) => v.inntektsmottaker);
    const fnrs = people.map((p) => p.norskIdentifikator as string);
    const names = people
      .map((p) => (p as { identifiserendeInformasjon?: { navn?: string } }).identifiserendeInformasjon?.navn ?? "")
      .filter(Boolean);
    expect(fnrs.length).toBe(3);
    expect(names.length).toBe(3);

    const error = await saveImport(
      db,
      { ...user, organisationIds: [org.id] },
      JSON.stringify({ leveranse }),
      "draft",
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    // What a careless log would print: the database error carries the whole payload in its detail.
    const cause = (error as { cause?: { detail?: string } }).cause;
    expect(cause?.detail).toContain(fnrs[0]);

    const { log, text } = captureLog();
    const reference = logUnexpectedError({ scope: "amelding-import", intent: "draft" }, error, log);
    log.flush();
    const written = text();
    expect(written).toContain(reference);
    expect(written).toContain("forced failure for a log test");
    for (const fnr of fnrs) expect(written).not.toContain(fnr);
    for (const name of names) expect(written).not.toContain(name);
    expect(written).not.toContain(marker);
    // A UUID (the error reference, kept whole on purpose) may hold 11 digits in a row by chance.
    const withoutUuids = written.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>");
    expect(withoutUuids).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
  });

  it("logs a failing save's error without the payload it sent as a query parameter", async () => {
    const user = await createTestUser(db, "admin");
    const org = await createTestOrganisation(db, user.id);
    const leveranse = {
      ...generateLeveranse({ opplysningspliktig: org.orgnr, virksomhet: randomOrgnr(), persons: 2 }),
      kildesystem: marker,
    };
    const fnrs = leveranse.oppgave.virksomhet
      .flatMap((v) => v.inntektsmottaker)
      .map((p) => p.norskIdentifikator as string);
    const error = await db
      .transaction((tx) =>
        createSubmission(tx, user, {
          organisationId: org.id,
          kind: "amelding",
          subject: leveranse.kalendermaaned,
          payload: leveranse,
          queue: false,
        }),
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    // drizzle repeats the parameters (the whole payload) in its message and in `params`.
    expect(String(error)).toContain(fnrs[0]);

    const { log, text } = captureLog();
    logUnexpectedError({ scope: "amelding-save" }, error, log);
    log.flush();
    const written = text();
    expect(written).toContain("forced failure for a log test");
    for (const fnr of fnrs) expect(written).not.toContain(fnr);
    expect(written).not.toContain(marker);
  });

  it("keeps a reference whole when its last group holds eleven digits in a row", () => {
    const { log, text } = captureLog();
    const reference = "c772396b-3030-412e-a558-40629295278a";
    log.error({ reference }, `failed (ref ${reference}) for 01017012345`);
    log.flush();
    const written = text();
    expect(written.split(reference)).toHaveLength(3);
    expect(written).not.toContain("01017012345");
  });

  it("redacts secrets and personal numbers in whatever a caller logs", () => {
    const { log, text } = captureLog();
    log.warn(
      {
        headers: { Authorization: "Bearer abc.def.ghi", "content-type": "application/json" },
        password: "hunter22hunter22",
        nested: {
          deeper: {
            accessToken: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig",
            note: "person 01017012345 and 010170 12345",
          },
        },
        payload: { navn: "Kari Nordmann" },
      },
      "handled 01017012345",
    );
    log.error(new Error("Failed for 01017012345 with token Bearer secret-token-value"));
    log.flush();
    const written = text();
    for (const leaked of [
      "abc.def.ghi",
      "hunter22",
      "eyJhbGci",
      "01017012345",
      "010170 12345",
      "Kari Nordmann",
      "secret-token-value",
    ]) {
      expect(written).not.toContain(leaked);
    }
    expect(written).toContain("application/json");
  });
});
