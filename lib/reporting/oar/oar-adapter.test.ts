import { describe, expect, it } from "vitest";
import { stiToModelPath } from "@/lib/field-location/model-path";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { createOarAdapter, OAR_INNSENDINGSTYPE } from "./oar-adapter";
import type { Oppdrag } from "./oppdrag-model";

const oppdrag: Oppdrag = testOppdrag("310900125", { oppdragsreferanse: "OPP-1" });

describe("OAR adapter", () => {
  const adapter = createOarAdapter({ baseUrl: "http://127.0.0.1:4102/oar/v1", idempotencyKeyIn: "query" });

  it("marks a first report as new and a report of a known oppdrag as a change", () => {
    const first = JSON.parse(
      adapter.buildRequest(oppdrag, { idempotencyKey: "k", orgnr: "310900125", existsAtSkatteetaten: false }).body,
    );
    const again = JSON.parse(
      adapter.buildRequest(oppdrag, { idempotencyKey: "k", orgnr: "310900125", existsAtSkatteetaten: true }).body,
    );
    expect(first.innsendingstype).toBe(OAR_INNSENDINGSTYPE.new);
    expect(again.innsendingstype).toBe(OAR_INNSENDINGSTYPE.change);
  });

  it("sends JSON with the idempotency key and the contract value as a decimal string", () => {
    const req = adapter.buildRequest(oppdrag, {
      idempotencyKey: "abc",
      orgnr: "310900125",
      existsAtSkatteetaten: false,
    });
    expect(req.url).toBe("http://127.0.0.1:4102/oar/v1/innsending?idempotencyKey=abc");
    expect(req.headers["Content-Type"]).toBe("application/json");
    const body = JSON.parse(req.body);
    expect(body.oppdrag.kontraktsverdi).toBe("450000.00");
    expect(body.oppdragstaker).toEqual({
      navn: "Baltic Steel UAB",
      utenlandskIdentifikasjon: "LT-3004",
      adresseIHjemland: { adresselinje: "Gatve 1", landkode: "LT" },
    });
  });
});

describe("an OAR sti as a model path", () => {
  it("maps Skatteetaten's paths to the form's field names", () => {
    expect(stiToModelPath("oar", "/oppdrag/kontraktsverdi")).toBe("oppdrag.kontraktsverdiNok");
    expect(stiToModelPath("oar", "/oppdragstaker/utenlandskIdentifikasjon")).toBe("oppdragstaker.registreringsnummer");
    expect(stiToModelPath("oar", "oppdragsgiver.organisasjonsnummer")).toBe("oppdragsgiver.organisasjonsnummer");
    expect(stiToModelPath("oar", "$.vedlegg[1].referanse")).toBe("vedlegg.1.referanse");
  });
});
