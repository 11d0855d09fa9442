import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "@/lib/sandbox/skatteetaten/server";
import { fakeVerifyToken } from "@/lib/sandbox/skatteetaten/test-support";
import type { SandboxSkatteetatenHandle } from "@/lib/sandbox/skatteetaten/types";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { type HttpResponse, sendRequest } from "../send-request";
import { ameldingBody } from "./amelding-adapter";
import { createAmeldingUploadAdapter, decodeUploadValidation } from "./filopplasting-adapter";

let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken, uploadValidationDelayMs: 50 });
});
afterAll(() => sandbox.close());

async function send(request: Parameters<typeof sendRequest>[0]): Promise<HttpResponse> {
  const answer = await sendRequest(request, "good-token", { timeoutMs: 10_000 });
  if (answer.kind !== "response") throw new Error(answer.message);
  return answer;
}

const leveranse = (persons = 2) =>
  generateLeveranse({ opplysningspliktig: "310900125", virksomhet: "310900230", persons });
/** The wire body the A-melding adapter builds, which the upload sends as it is. */
const wire = (melding: Record<string, unknown>) => JSON.stringify(ameldingBody(melding));

describe("A-melding file-upload client against the sandbox", () => {
  it("uploads, polls until the upload is ready, and sends it in: once, however often PUT is repeated", async () => {
    const adapter = createAmeldingUploadAdapter({ baseUrl: sandbox.ameldingFilopplastingBaseUrl });
    const melding = leveranse();
    const uploaded = adapter.readStatus((await send(adapter.upload(wire(melding)))).body);
    expect(uploaded).toMatchObject({ status: "LASTER_OPP" });

    let status = uploaded!;
    for (let i = 0; i < 50 && status.status === "LASTER_OPP"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = adapter.readStatus((await send(adapter.status(uploaded!.id))).body)!;
    }
    expect(status).toMatchObject({ status: "KLAR_TIL_INNSENDING", id: uploaded!.id, feilliste: null });

    const first = await send(adapter.submit(status.id));
    const again = await send(adapter.submit(status.id));
    expect(first.status).toBe(200);
    expect(adapter.readAccepted(first.body)).toMatchObject({
      meldingsId: melding.meldingsId,
      forsendelseId: expect.any(String),
    });
    expect(again.body).toBe(first.body);
    expect(sandbox.processed().filter((r) => r.opplastingId === status.id)).toHaveLength(1);
    // The body on the wire is the one the submission endpoint takes: whole kroner as integers.
    expect(sandbox.received("amelding").find((r) => r.opplastingId === status.id)!.body).toMatchObject({
      leveranse: { oppgave: { betalingsinformasjon: { sumArbeidsgiveravgift: expect.any(Number) } } },
    });
  });

  it("decodes a failed validation's feilliste like a rejection, and deletes the upload", async () => {
    const adapter = createAmeldingUploadAdapter({ baseUrl: `${sandbox.ameldingFilopplastingBaseUrl}/` });
    const melding = { ...leveranse(), meldingsId: "ikke gyldig!" };
    const { id } = adapter.readStatus((await send(adapter.upload(wire(melding)))).body)!;
    await new Promise((r) => setTimeout(r, 80));
    const status = adapter.readStatus((await send(adapter.status(id))).body)!;
    expect(status.status).toBe("VALIDERING_FEILET");
    const decoded = decodeUploadValidation(status);
    expect(decoded).toMatchObject({ code: "AMLD_010", known: true, category: "validation", retryable: false });
    expect(decoded.specifications).toEqual([
      expect.objectContaining({ sti: "/leveranse/meldingsId", angittVerdi: "ikke gyldig!" }),
    ]);

    expect((await send(adapter.remove(id))).status).toBe(200);
    expect((await send(adapter.status(id))).status).toBe(404);
  });

  it("reads nothing but a status object as a status", () => {
    const adapter = createAmeldingUploadAdapter({ baseUrl: "http://x.test/v1" });
    const ok = { status: "KLAR_TIL_INNSENDING", id: "a", feilliste: null, sistOppdatertTidspunkt: null };
    expect(adapter.readStatus(JSON.stringify([ok]))).toEqual(ok);
    expect(adapter.readStatus(JSON.stringify(ok))).toEqual(ok);
    const hostileIds = ["..", "a/b", "", "x".repeat(201), "a\u0000"].map((id) => JSON.stringify({ ...ok, id }));
    for (const body of [
      "",
      "<html>",
      "[]",
      JSON.stringify([ok, ok]),
      JSON.stringify({ ...ok, status: "FERDIG" }),
      '{"id":"a"}',
      ...hostileIds,
    ]) {
      expect(adapter.readStatus(body), body).toBeNull();
    }
  });
});
