import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "./server";
import {
  ameldingRequest,
  BAD_ORGNR,
  expectError,
  fakeVerifyToken,
  ORG_A,
  ORG_B,
  ORG_C,
  postJson,
  send,
  testLeveranse,
} from "./test-support";
import type { SandboxSkatteetatenHandle } from "./types";

let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const postTo = (month: string, orgnr: string, body: unknown) =>
  postJson(`${sandbox.ameldingBaseUrl}/innsending/${month}/${orgnr}`, body);
const post = (leveranse: Record<string, unknown>) => postTo("2026-10", ORG_A, { leveranse });

describe("A-melding sandbox: structure (AMLD_008 with AMLD_1032)", () => {
  it("requires the leveranse object", async () => {
    const error = expectError(await postTo("2026-10", ORG_A, { melding: {} }), 400, "AMLD_008", "AMLD_1032");
    expect(error.spesifisering).toEqual([
      { kode: "AMLD_1032", melding: "Påkrevd felt mangler", sti: "/leveranse", angittVerdi: null },
    ]);
  });

  it("names each missing field, wrong type and malformed month with its path", async () => {
    const leveranse: Record<string, any> = testLeveranse({ kalendermaaned: "2026/10", meldingsId: 17 });
    delete leveranse.opplysningspliktig;
    leveranse.oppgave.virksomhet = [{ inntektsmottaker: [] }, "x"];
    const error = expectError(await post(leveranse), 400, "AMLD_008", "AMLD_1032");
    expect(error.spesifisering!.map(({ sti, angittVerdi }) => ({ sti, angittVerdi }))).toEqual([
      { sti: "/leveranse/kalendermaaned", angittVerdi: "2026/10" },
      { sti: "/leveranse/meldingsId", angittVerdi: "17" },
      { sti: "/leveranse/opplysningspliktig", angittVerdi: null },
      { sti: "/leveranse/oppgave/virksomhet/0/norskIdentifikator", angittVerdi: null },
      { sti: "/leveranse/oppgave/virksomhet/1", angittVerdi: "x" },
    ]);
  });

  it("requires oppgave, and virksomhet to be a list", async () => {
    const noOppgave: Record<string, unknown> = testLeveranse();
    delete noOppgave.oppgave;
    expect(expectError(await post(noOppgave), 400, "AMLD_008", "AMLD_1032").spesifisering?.[0]?.sti).toBe(
      "/leveranse/oppgave",
    );
    const error = expectError(await post(testLeveranse({ oppgave: { virksomhet: {} } })), 400, "AMLD_008", "AMLD_1032");
    expect(error.spesifisering?.[0]).toMatchObject({ sti: "/leveranse/oppgave/virksomhet", angittVerdi: "{}" });
  });
});

describe("A-melding sandbox: payload validation (AMLD_010)", () => {
  it("checks the opplysningspliktig and virksomhet orgnrs with mod-11", async () => {
    const leveranse: Record<string, any> = testLeveranse({ opplysningspliktig: { norskIdentifikator: BAD_ORGNR } });
    leveranse.oppgave.virksomhet[0].norskIdentifikator = "999999998";
    const error = expectError(await postTo("2026-10", BAD_ORGNR, { leveranse }), 400, "AMLD_010", null);
    expect(error.spesifisering!.map(({ sti, angittVerdi }) => ({ sti, angittVerdi }))).toEqual([
      { sti: "/leveranse/opplysningspliktig/norskIdentifikator", angittVerdi: BAD_ORGNR },
      { sti: "/leveranse/oppgave/virksomhet/0/norskIdentifikator", angittVerdi: "999999998" },
    ]);
  });

  it("requires a meldingsId of at most 150 of [0-9a-zA-Z_.-]", async () => {
    const missing: Record<string, unknown> = testLeveranse();
    delete missing.meldingsId;
    expect(expectError(await post(missing), 400, "AMLD_010", null).spesifisering?.[0]).toMatchObject({
      sti: "/leveranse/meldingsId",
      angittVerdi: null,
    });
    const badChars = expectError(await post(testLeveranse({ meldingsId: "melding/1" })), 400, "AMLD_010", null);
    expect(badChars.spesifisering?.[0]).toMatchObject({ sti: "/leveranse/meldingsId", angittVerdi: "melding/1" });
    expectError(await post(testLeveranse({ meldingsId: "a".repeat(151) })), 400, "AMLD_010", null);
    expect((await post(testLeveranse({ meldingsId: "A.b_c-9".padEnd(150, "x") }))).status).toBe(200);
  });

  it("refuses a meldingsId already accepted for the same opplysningspliktig (MAGNET_EDAG-181)", async () => {
    const leveranse = testLeveranse({ meldingsId: "m-2026-10-1" });
    expect((await send(ameldingRequest(sandbox, leveranse))).status).toBe(200);
    const error = expectError(await send(ameldingRequest(sandbox, leveranse)), 400, "AMLD_010", null);
    expect(error.spesifisering?.[0]).toMatchObject({
      kode: null,
      sti: "/leveranse/meldingsId",
      angittVerdi: "m-2026-10-1",
    });
    expect(error.spesifisering?.[0]?.melding).toContain("MAGNET_EDAG-181");

    const otherOrg = testLeveranse({ meldingsId: "m-2026-10-1", opplysningspliktig: { norskIdentifikator: ORG_C } });
    expect((await send(ameldingRequest(sandbox, otherOrg))).status).toBe(200);
  });

  it("accepts erstatterMeldingsId only for an earlier accepted meldingsId", async () => {
    const unknown = expectError(
      await post(testLeveranse({ erstatterMeldingsId: "finnes-ikke" })),
      400,
      "AMLD_010",
      null,
    );
    expect(unknown.spesifisering?.[0]).toMatchObject({
      sti: "/leveranse/erstatterMeldingsId",
      angittVerdi: "finnes-ikke",
    });

    const original = testLeveranse();
    expect((await send(ameldingRequest(sandbox, original))).status).toBe(200);
    const replacement = testLeveranse({ erstatterMeldingsId: original.meldingsId });
    expect((await send(ameldingRequest(sandbox, replacement))).status).toBe(200);
    expect(sandbox.processedCount({ api: "amelding", orgnr: ORG_A })).toBe(2);
  });
});

describe("A-melding sandbox: path against body", () => {
  it("refuses a path orgnr that differs from the opplysningspliktig (AMLD_1051)", async () => {
    const error = expectError(
      await postTo("2026-10", ORG_B, { leveranse: testLeveranse() }),
      400,
      "AMLD_006",
      "AMLD_1051",
    );
    expect(error.spesifisering?.[0]).toMatchObject({
      sti: "/leveranse/opplysningspliktig/norskIdentifikator",
      angittVerdi: ORG_B,
    });
  });

  it("refuses a path month that differs from kalendermaaned (AMLD_1052)", async () => {
    const error = expectError(
      await postTo("2026-09", ORG_A, { leveranse: testLeveranse() }),
      400,
      "AMLD_006",
      "AMLD_1052",
    );
    expect(error.spesifisering?.[0]).toMatchObject({ sti: "/leveranse/kalendermaaned", angittVerdi: "2026-09" });
  });

  it("refuses a malformed path month (AMLD_1022)", async () => {
    const error = expectError(
      await postTo("2026-1", ORG_A, { leveranse: testLeveranse() }),
      400,
      "AMLD_006",
      "AMLD_1022",
    );
    expect(error.spesifisering?.[0]?.angittVerdi).toBe("2026-1");
  });

  it("refuses income years before 2015 and after next year (AMLD_1027)", async () => {
    const tooLate = `${new Date().getFullYear() + 2}-01`;
    for (const month of ["2014-12", tooLate]) {
      const error = expectError(
        await postTo(month, ORG_A, { leveranse: testLeveranse({ kalendermaaned: month }) }),
        400,
        "AMLD_006",
        "AMLD_1027",
      );
      expect(error.spesifisering?.[0]?.angittVerdi).toBe(month);
    }
    const nextYear = `${new Date().getFullYear() + 1}-12`;
    expect((await postTo(nextYear, ORG_A, { leveranse: testLeveranse({ kalendermaaned: nextYear }) })).status).toBe(
      200,
    );
    expect((await postTo("2015-01", ORG_A, { leveranse: testLeveranse({ kalendermaaned: "2015-01" }) })).status).toBe(
      200,
    );
  });
});

describe("A-melding sandbox: JSON types of the published example", () => {
  const example = (file: string) =>
    JSON.parse(readFileSync(new URL(`../../amelding/official-examples/${file}`, import.meta.url), "utf8"));

  it("accepts Skatteetaten's published example of 19 Feb 2026 exactly as published", async () => {
    const { leveranse } = example("amelding-2026-02-19.json");
    const answer = await send(ameldingRequest(sandbox, leveranse));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      dialogId: expect.any(String),
      forsendelseId: expect.any(String),
      meldingsId: leveranse.meldingsId,
    });
  });

  it("takes one choice where the two published versions differ: decimals as strings, so the 17 Feb version's numbers are refused", async () => {
    const { leveranse } = example("amelding-2026-02-17.json");
    const error = expectError(await send(ameldingRequest(sandbox, leveranse)), 400, "AMLD_008", "AMLD_1032");
    const person = "/leveranse/oppgave/virksomhet/0/inntektsmottaker/0";
    expect(error.spesifisering!.map((s) => s.sti)).toEqual(
      expect.arrayContaining([
        `${person}/inntekt/0/beloep`,
        `${person}/arbeidsforhold/0/stillingsprosent`,
        `${person}/fradrag/0/beloep`,
      ]),
    );
  });

  it("refuses a string where a whole-krone integer belongs, and a number where a decimal string belongs", async () => {
    const leveranse = testLeveranse();
    leveranse.oppgave.betalingsinformasjon.sumArbeidsgiveravgift = "5640";
    leveranse.oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato[0].beloep = 7000.5;
    leveranse.oppgave.virksomhet[0].inntektsmottaker[0].forskuddstrekk[0].beloep = "-7000";
    leveranse.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0].beloep = 40000;
    leveranse.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0].utloeserArbeidsgiveravgift = "true";
    const error = expectError(await post(leveranse), 400, "AMLD_008", "AMLD_1032");
    const person = "/leveranse/oppgave/virksomhet/0/inntektsmottaker/0";
    expect(error.spesifisering!.map(({ kode, sti, angittVerdi }) => ({ kode, sti, angittVerdi }))).toEqual([
      {
        kode: "AMLD_1032",
        sti: "/leveranse/oppgave/betalingsinformasjon/sumForskuddstrekkPerLoennsutbetalingsdato/0/beloep",
        angittVerdi: "7000.5",
      },
      { kode: "AMLD_1032", sti: "/leveranse/oppgave/betalingsinformasjon/sumArbeidsgiveravgift", angittVerdi: "5640" },
      { kode: "AMLD_1032", sti: `${person}/inntekt/0/beloep`, angittVerdi: "40000" },
      { kode: "AMLD_1032", sti: `${person}/inntekt/0/utloeserArbeidsgiveravgift`, angittVerdi: "true" },
      { kode: "AMLD_1032", sti: `${person}/forskuddstrekk/0/beloep`, angittVerdi: "-7000" },
    ]);
    expect(sandbox.processedCount()).toBe(0);
  });

  it("requires a payment date and an amount for each forskuddstrekk sum", async () => {
    const leveranse = testLeveranse();
    leveranse.oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato = [
      { beloep: 7000 },
      { loennsutbetalingsdato: "20.10.2026" },
    ];
    const error = expectError(await post(leveranse), 400, "AMLD_008", "AMLD_1032");
    const at = "/leveranse/oppgave/betalingsinformasjon/sumForskuddstrekkPerLoennsutbetalingsdato";
    expect(error.spesifisering!.map((s) => s.sti)).toEqual([
      `${at}/0/loennsutbetalingsdato`,
      `${at}/1/loennsutbetalingsdato`,
      `${at}/1/beloep`,
    ]);
  });
});

describe("A-melding sandbox: size", () => {
  it("refuses a body over 10 MB with 413 and no body (such A-meldinger go through the file-upload API)", async () => {
    const leveranse = testLeveranse({ kildesystem: "x".repeat(10 * 1024 * 1024) });
    const answer = await send(ameldingRequest(sandbox, leveranse));
    expect(answer.status).toBe(413);
    expect(answer.text).toBe("");
    expect(sandbox.processedCount()).toBe(0);
  });
});
