import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { auditLog, submissions, submissionVersions } from "@/lib/db/schema";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { leveranseToXml } from "@/lib/testing/leveranse-to-xml";
import { connectTestDb, createTestOrganisation, createTestUser, randomOrgnr } from "@/lib/testing/test-db";
import { answerImport } from "./answer-import";
import { importAnswerSchema } from "./import-result";

// Before any module reads the configuration: a short wait for a turn, and a small heap for the import process.
vi.hoisted(() => {
  process.env.IMPORT_WAIT_SECONDS = "0.5";
  process.env.IMPORT_MEMORY_MB = "64";
});

const db = connectTestDb();

/* The import route's handler against real PostgreSQL, with the import process as in the app. */
describe("answering an import request", () => {
  let user: CurrentUser;
  let org: { id: string; orgnr: string };

  beforeAll(async () => {
    const created = await createTestUser(db, "admin");
    org = await createTestOrganisation(db, created.id);
    user = { ...created, name: "Test admin", role: "admin", organisationIds: [org.id] };
  });

  const leveranse = (persons = 2) =>
    JSON.parse(
      JSON.stringify(
        generateLeveranse({
          opplysningspliktig: org.orgnr,
          virksomhet: randomOrgnr(),
          persons,
          kalendermaaned: "2026-07",
        }),
      ),
    );
  /** The answer as the route sends it: its body through the route's output schema (which throws on a mismatch). */
  const post = async (
    body: BodyInit,
    intent: "check" | "draft" | "submit" = "check",
    headers: Record<string, string> = {},
  ) => {
    const answered = await answerImport(
      new Request("http://localhost/api/amelding/import", {
        method: "POST",
        body,
        headers,
        duplex: "half",
      } as RequestInit),
      {
        intent,
        user,
        db,
      },
    );
    return Response.json(importAnswerSchema.parse(answered.body), {
      status: answered.status,
      headers: answered.headers,
    });
  };
  const submissionCount = async () =>
    (await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.organisationId, org.id))).length;

  it("checks and saves a valid file, the payload stored as the normalised leveranse with its audit entries", async () => {
    // Large enough that its payload reaches the database in several parts.
    const l = leveranse(2500);
    const text = JSON.stringify({ leveranse: l });
    const checked = await post(text);
    expect(checked.status).toBe(200);
    expect(await checked.json()).toMatchObject({
      ok: true,
      format: "json",
      summary: { persons: 2500, meldingsId: l.meldingsId },
    });

    const saved = await post(leveranseToXml(l), "draft");
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as { ok: true; submissionId: string };
    const [version] = await db
      .select()
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, body.submissionId));
    expect(version!.payload).toEqual(l);
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, body.submissionId));
    expect(audit.map((a) => a.action).sort()).toEqual(["amelding.import", "submission.create_draft"]);
  });

  const hostile: [string, () => string, Record<string, unknown>][] = [
    [
      "a __proto__ key",
      () => `{"leveranse":${JSON.stringify(leveranse()).replace("{", '{"__proto__":{"polluted":true},')}}`,
      { reason: "forbiddenKey", path: ["leveranse", "__proto__"] },
    ],
    [
      "a constructor key deep inside",
      () => JSON.stringify({ leveranse: { ...leveranse(), oppgave: { constructor: { prototype: { x: 1 } } } } }),
      { reason: "forbiddenKey" },
    ],
    [
      "nesting 100 000 levels deep",
      () => `{"leveranse":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      { reason: "tooDeep", line: 1 },
    ],
    [
      "U+0000 escaped in a name",
      () => JSON.stringify({ leveranse: leveranse() }).replace('"navn":"', '"navn":"\\u0000'),
      { reason: "nulCharacter", path: expect.arrayContaining(["navn"]) },
    ],
    [
      "U+0000 written raw",
      () => JSON.stringify({ leveranse: leveranse() }).replace('"navn":"', '"navn":"\u0000'),
      { reason: "nulCharacter", line: 1 },
    ],
    [
      "an amount with an exponent",
      () => JSON.stringify({ leveranse: leveranse() }).replace(/"beloep":(-?\d+(\.\d+)?)/, '"beloep":4e4'),
      { reason: "numberNotDecimal" },
    ],
    [
      "an XML DOCTYPE with entities",
      () =>
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><melding>&lol2;</melding>`,
      { reason: "doctype", line: 1 },
    ],
    [
      "an XML element with 100 000 attributes",
      () => `<melding ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(" ")}/>`,
      { reason: "tooManyAttributes", limit: 32 },
    ],
    [
      "XML nested 10 000 levels deep",
      () => `<melding>${"<a>".repeat(10_000)}${"</a>".repeat(10_000)}</melding>`,
      { reason: "tooDeep" },
    ],
    [
      "&#0; in XML",
      () => leveranseToXml(leveranse()).replace("<ns2:navn>", "<ns2:navn>&#0;"),
      { reason: "nulCharacter" },
    ],
  ];

  for (const [name, file, expected] of hostile) {
    it(`refuses ${name} with 422 and a clear reason, on submit too, saving nothing`, async () => {
      const before = await submissionCount();
      for (const intent of ["check", "submit"] as const) {
        const response = await post(file(), intent);
        expect(response.status).toBe(422);
        expect(await response.json()).toMatchObject({
          ok: false,
          documentErrors: [{ code: "input_refused", ...expected }],
        });
      }
      expect(await submissionCount()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it("names the person of an error group as the caller's role may see them, decided on the server", async () => {
    const l = leveranse(1);
    const person = l.oppgave.virksomhet[0].inntektsmottaker[0];
    person.inntekt[0].beloep = "mye";
    const fnr: string = person.norskIdentifikator;
    const name: string = person.identifiserendeInformasjon.navn;
    const headingOf = async (response: Response) => {
      const body = (await response.json()) as { groups: { person: string | null }[] };
      expect(JSON.stringify(body)).not.toContain(fnr);
      return body.groups.find((g) => g.person !== null)?.person;
    };
    // An admin (personal_data:read_unmasked) sees the birth date part, as on every other page.
    expect(await headingOf(await post(JSON.stringify({ leveranse: l })))).toBe(`${name} (${fnr.slice(0, 6)}·····)`);
    // A role without it gets the masked form.
    const asManager = await answerImport(
      new Request("http://localhost/api/amelding/import", {
        method: "POST",
        body: JSON.stringify({ leveranse: l }),
        duplex: "half",
      } as RequestInit),
      { intent: "check", user: { ...user, role: "manager" }, db },
    );
    expect(await headingOf(Response.json(importAnswerSchema.parse(asManager.body)))).toBe(
      `${name} (******${fnr.slice(6)})`,
    );
  });

  it("refuses a declared body over 50 MB with 413 before reading it", async () => {
    const response = await post("{}", "check", { "content-length": String(51 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ documentErrors: [{ code: "too_large", maxMegabytes: 50 }] });
  });

  it("answers 'busy' when the import slots stay taken longer than a request may wait", async () => {
    let finishUpload!: () => void;
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ leveranse: leveranse() })));
        finishUpload = () => controller.close();
      },
    });
    const first = post(slow);
    await new Promise((r) => setTimeout(r, 100));
    const second = await post(JSON.stringify({ leveranse: leveranse() }));
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("30");
    expect(await second.json()).toMatchObject({ documentErrors: [{ code: "busy" }] });
    finishUpload();
    expect((await first).status).toBe(200);
  });

  it("refuses a file whose checking needs more memory than an import may use, and the server goes on", async () => {
    // Within every bound of the text (under 4 million values), but 1.9 million objects take more than a 64 MB heap.
    const response = await post(`{"leveranse":{"x":[${`{"a":0},`.repeat(1_900_000)}{}]}}`);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ documentErrors: [{ code: "too_complex" }] });
    expect((await post(JSON.stringify({ leveranse: leveranse() }))).status).toBe(200);
  });
});
