import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "./server";
import { ameldingRequest, BAD_ORGNR, expectError, fakeVerifyToken, ORG_A, ORG_B, ORG_C, postJson, send, testLeveranse } from "./test-support";
import type { SandboxSkatteetatenHandle } from "./types";

let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const postTo = (month: string, orgnr: string, body: unknown) => postJson(`${sandbox.ameldingBaseUrl}/innsending/${month}/${orgnr}`, body);
const post = (leveranse: Record<string, unknown>) => postTo("2026-10", ORG_A, { leveranse });

describe("A-melding sandbox: structure (GLD_008)", () => {
  it("requires the leveranse object", async () => {
    const error = expectError(await postTo("2026-10", ORG_A, { melding: {} }), 400, "GLD_008", null);
    expect(error.spesifisering).toEqual([{ kode: null, melding: "Påkrevd felt mangler", sti: "/leveranse", angittVerdi: null }]);
  });

  it("names each missing field, wrong type and malformed month with its path", async () => {
    const leveranse: Record<string, any> = testLeveranse({ kalendermaaned: "2026/10", meldingsId: 17 });
    delete leveranse.opplysningspliktig;
    leveranse.oppgave.virksomhet = [{ inntektsmottaker: [] }, "x"];
    const error = expectError(await post(leveranse), 400, "GLD_008", null);
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
    expect(expectError(await post(noOppgave), 400, "GLD_008", null).spesifisering?.[0]?.sti).toBe("/leveranse/oppgave");
    const error = expectError(await post(testLeveranse({ oppgave: { virksomhet: {} } })), 400, "GLD_008", null);
    expect(error.spesifisering?.[0]).toMatchObject({ sti: "/leveranse/oppgave/virksomhet", angittVerdi: "{}" });
  });
});

describe("A-melding sandbox: payload validation (GLD_010)", () => {
  it("checks the opplysningspliktig and virksomhet orgnrs with mod-11", async () => {
    const leveranse: Record<string, any> = testLeveranse({ opplysningspliktig: { norskIdentifikator: BAD_ORGNR } });
    leveranse.oppgave.virksomhet[0].norskIdentifikator = "999999998";
    const error = expectError(await postTo("2026-10", BAD_ORGNR, { leveranse }), 400, "GLD_010", null);
    expect(error.spesifisering!.map(({ sti, angittVerdi }) => ({ sti, angittVerdi }))).toEqual([
      { sti: "/leveranse/opplysningspliktig/norskIdentifikator", angittVerdi: BAD_ORGNR },
      { sti: "/leveranse/oppgave/virksomhet/0/norskIdentifikator", angittVerdi: "999999998" },
    ]);
  });

  it("requires a meldingsId of at most 150 of [0-9a-zA-Z_.-]", async () => {
    const missing: Record<string, unknown> = testLeveranse();
    delete missing.meldingsId;
    expect(expectError(await post(missing), 400, "GLD_010", null).spesifisering?.[0]).toMatchObject({ sti: "/leveranse/meldingsId", angittVerdi: null });
    const badChars = expectError(await post(testLeveranse({ meldingsId: "melding/1" })), 400, "GLD_010", null);
    expect(badChars.spesifisering?.[0]).toMatchObject({ sti: "/leveranse/meldingsId", angittVerdi: "melding/1" });
    expectError(await post(testLeveranse({ meldingsId: "a".repeat(151) })), 400, "GLD_010", null);
    expect((await post(testLeveranse({ meldingsId: "A.b_c-9".padEnd(150, "x") }))).status).toBe(200);
  });

  it("refuses a meldingsId already accepted for the same opplysningspliktig (MAGNET_EDAG-181)", async () => {
    const leveranse = testLeveranse({ meldingsId: "m-2026-10-1" });
    expect((await send(ameldingRequest(sandbox, leveranse))).status).toBe(200);
    const error = expectError(await send(ameldingRequest(sandbox, leveranse)), 400, "GLD_010", null);
    expect(error.spesifisering?.[0]).toMatchObject({ kode: null, sti: "/leveranse/meldingsId", angittVerdi: "m-2026-10-1" });
    expect(error.spesifisering?.[0]?.melding).toContain("MAGNET_EDAG-181");

    const otherOrg = testLeveranse({ meldingsId: "m-2026-10-1", opplysningspliktig: { norskIdentifikator: ORG_C } });
    expect((await send(ameldingRequest(sandbox, otherOrg))).status).toBe(200);
  });

  it("accepts erstatterMeldingsId only for an earlier accepted meldingsId", async () => {
    const unknown = expectError(await post(testLeveranse({ erstatterMeldingsId: "finnes-ikke" })), 400, "GLD_010", null);
    expect(unknown.spesifisering?.[0]).toMatchObject({ sti: "/leveranse/erstatterMeldingsId", angittVerdi: "finnes-ikke" });

    const original = testLeveranse();
    expect((await send(ameldingRequest(sandbox, original))).status).toBe(200);
    const replacement = testLeveranse({ erstatterMeldingsId: original.meldingsId });
    expect((await send(ameldingRequest(sandbox, replacement))).status).toBe(200);
    expect(sandbox.processedCount({ api: "amelding", orgnr: ORG_A })).toBe(2);
  });
});

describe("A-melding sandbox: path against body", () => {
  it("refuses a path orgnr that differs from the opplysningspliktig (AMLD_1051)", async () => {
    const error = expectError(await postTo("2026-10", ORG_B, { leveranse: testLeveranse() }), 400, "GLD_006", "AMLD_1051");
    expect(error.spesifisering?.[0]).toMatchObject({ sti: "/leveranse/opplysningspliktig/norskIdentifikator", angittVerdi: ORG_B });
  });

  it("refuses a path month that differs from kalendermaaned (AMLD_1052)", async () => {
    const error = expectError(await postTo("2026-09", ORG_A, { leveranse: testLeveranse() }), 400, "GLD_006", "AMLD_1052");
    expect(error.spesifisering?.[0]).toMatchObject({ sti: "/leveranse/kalendermaaned", angittVerdi: "2026-09" });
  });

  it("refuses a malformed path month (GLD_1022)", async () => {
    const error = expectError(await postTo("2026-1", ORG_A, { leveranse: testLeveranse() }), 400, "GLD_006", "GLD_1022");
    expect(error.spesifisering?.[0]?.angittVerdi).toBe("2026-1");
  });

  it("refuses income years before 2015 and after next year (GLD_1027)", async () => {
    const tooLate = `${new Date().getFullYear() + 2}-01`;
    for (const month of ["2014-12", tooLate]) {
      const error = expectError(await postTo(month, ORG_A, { leveranse: testLeveranse({ kalendermaaned: month }) }), 400, "GLD_006", "GLD_1027");
      expect(error.spesifisering?.[0]?.angittVerdi).toBe(month);
    }
    const nextYear = `${new Date().getFullYear() + 1}-12`;
    expect((await postTo(nextYear, ORG_A, { leveranse: testLeveranse({ kalendermaaned: nextYear }) })).status).toBe(200);
    expect((await postTo("2015-01", ORG_A, { leveranse: testLeveranse({ kalendermaaned: "2015-01" }) })).status).toBe(200);
  });
});
