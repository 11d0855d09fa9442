import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "./server";
import { call, expectError, fakeVerifyToken, ORG_A, testLeveranse } from "./test-support";
import type { SandboxSkatteetatenHandle } from "./types";

let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  // The validation result shows at once, so a test polls once.
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken, uploadValidationDelayMs: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const base = () => sandbox.ameldingFilopplastingBaseUrl;
const upload = (leveranse: Record<string, unknown>, token?: string) =>
  call(`${base()}/opplastinger`, { body: JSON.stringify({ leveranse }), token });
const status = (id: string, token?: string) => call(`${base()}/opplastinger/${id}`, { method: "GET", token });
const submit = (id: unknown, token?: string) =>
  call(`${base()}/innsending`, { method: "PUT", body: JSON.stringify({ id }), token });
const remove = (id: string, token?: string) => call(`${base()}/opplastinger/${id}`, { method: "DELETE", token });

describe("A-melding file-upload sandbox: the published flow", () => {
  it("uploads (LASTER_OPP), reports KLAR_TIL_INNSENDING, and sends in once however often PUT is repeated", async () => {
    const leveranse = testLeveranse();
    const uploaded = await upload(leveranse);
    expect(uploaded.status).toBe(200);
    expect(uploaded.json).toEqual({
      status: "LASTER_OPP",
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      feilliste: null,
      sistOppdatertTidspunkt: null,
    });
    const id: string = uploaded.json.id;

    const polled = await status(id);
    expect(polled.status).toBe(200);
    expect(polled.json).toEqual([
      { status: "KLAR_TIL_INNSENDING", id, feilliste: null, sistOppdatertTidspunkt: expect.any(String) },
    ]);

    const sent = await submit(id);
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({
      dialogId: expect.any(String),
      forsendelseId: expect.any(String),
      meldingsId: leveranse.meldingsId,
    });
    const again = await submit(id);
    expect(again.text).toBe(sent.text);
    expect(sandbox.processed()).toEqual([
      expect.objectContaining({ api: "amelding", orgnr: ORG_A, idempotencyKey: null, opplastingId: id }),
    ]);
    expect(sandbox.received("amelding")[0]!.body).toEqual({ leveranse });
  });

  it("takes no idempotency key: uploading the same file twice makes two uploads", async () => {
    const leveranse = testLeveranse();
    const first = (await upload(leveranse)).json.id;
    const second = (await upload(leveranse)).json.id;
    expect(first).not.toBe(second);
  });

  it("reports VALIDERING_FEILET with feilliste entries like an error body's, and refuses to send it in", async () => {
    const leveranse = testLeveranse({ meldingsId: "ikke gyldig!" });
    leveranse.oppgave.betalingsinformasjon.sumArbeidsgiveravgift = "5640";
    const id = (await upload(leveranse)).json.id;
    const typed = (await status(id)).json[0];
    expect(typed).toMatchObject({ status: "VALIDERING_FEILET", id });
    expect(typed.feilliste).toEqual([
      {
        kode: "AMLD_1032",
        sti: "/leveranse/oppgave/betalingsinformasjon/sumArbeidsgiveravgift",
        angittVerdi: "5640",
        melding: expect.any(String),
      },
    ]);

    leveranse.oppgave.betalingsinformasjon.sumArbeidsgiveravgift = 5640;
    const invalidId = (await upload(leveranse)).json.id;
    expect((await status(invalidId)).json[0].feilliste).toEqual([
      {
        kode: null,
        sti: "/leveranse/meldingsId",
        angittVerdi: "ikke gyldig!",
        melding: expect.stringContaining("MeldingsId"),
      },
    ]);
    const refused = expectError(await submit(invalidId), 400, "AMLD_006", "AMLD_1022");
    expect(refused.spesifisering?.[0]?.melding).toContain("VALIDERING_FEILET");
    expect(sandbox.processedCount()).toBe(0);
  });

  it("shows LASTER_OPP until validation has run, and will not send an upload before then", async () => {
    const slow = await startSandboxSkatteetaten({
      port: 0,
      verifyToken: fakeVerifyToken,
      uploadValidationDelayMs: 60_000,
    });
    try {
      const id = (
        await call(`${slow.ameldingFilopplastingBaseUrl}/opplastinger`, {
          body: JSON.stringify({ leveranse: testLeveranse() }),
        })
      ).json.id;
      expect((await call(`${slow.ameldingFilopplastingBaseUrl}/opplastinger/${id}`, { method: "GET" })).json).toEqual([
        { status: "LASTER_OPP", id, feilliste: null, sistOppdatertTidspunkt: null },
      ]);
      const early = await call(`${slow.ameldingFilopplastingBaseUrl}/innsending`, {
        method: "PUT",
        body: JSON.stringify({ id }),
      });
      expectError(early, 400, "AMLD_006", "AMLD_1022");
      expect(slow.processedCount()).toBe(0);
    } finally {
      await slow.close();
    }
  });

  it("deletes an upload (200 without a body); a deleted or unknown upload is not found", async () => {
    const id = (await upload(testLeveranse())).json.id;
    const deleted = await remove(id);
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe("");
    expectError(await status(id), 404, "AMLD_021", "AMLD_1023");
    expectError(await remove(id), 404, "AMLD_021", "AMLD_1023");
    expectError(await submit(id), 404, "AMLD_021", null);
  });

  it("keeps an upload that was sent in: it cannot be deleted", async () => {
    const id = (await upload(testLeveranse())).json.id;
    expect((await submit(id)).status).toBe(200);
    expectError(await remove(id), 400, "AMLD_006", "AMLD_1022");
  });
});

describe("A-melding file-upload sandbox: checks", () => {
  it("takes an A-melding over 10 MB, which the submission endpoint refuses", async () => {
    const large = testLeveranse({ kildesystem: "x".repeat(11 * 1024 * 1024) });
    const id = (await upload(large)).json.id;
    expect((await status(id)).json[0].status).toBe("KLAR_TIL_INNSENDING");
    expect((await submit(id)).status).toBe(200);
  });

  it("shows an upload only to the organisation whose system user made it", async () => {
    const id = (await upload(testLeveranse())).json.id;
    expectError(await status(id, "good-token-b"), 404, "AMLD_021", "AMLD_1023");
    expectError(await submit(id, "good-token-b"), 404, "AMLD_021", null);
    expect(sandbox.processedCount()).toBe(0);
  });

  it("answers in the file-upload API's published codes", async () => {
    expectError(await upload(testLeveranse(), "garbage"), 401, "AMLD_004", "AMLD_1008");
    expectError(await upload(testLeveranse(), "no-systemuser"), 401, "AMLD_004", "AMLD_1063");
    expectError(await call(`${base()}/opplastinger`, { body: "{" }), 400, "AMLD_008", "AMLD_1032");
    expectError(
      await call(`${base()}/opplastinger`, { body: "{}", headers: { "Content-Type": "text/plain" } }),
      400,
      "AMLD_006",
      "AMLD_1047",
    );
    expectError(await status(randomUUID(), undefined), 404, "AMLD_021", "AMLD_1023");
    expectError(await call(`${base()}/opplastinger`, { method: "GET" }), 405, "AMLD_022", null);
    expectError(await submit(42), 400, "AMLD_008", "AMLD_1032");
    // A system error on this API is AMLD_017: its table has no AMLD_001.
    sandbox.setFaults([{ api: "amelding", kind: "status" }]);
    expectError(await upload(testLeveranse()), 500, "AMLD_017");
  });
});
