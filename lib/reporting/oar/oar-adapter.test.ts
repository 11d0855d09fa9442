import { describe, expect, it } from "vitest";
import { stiToModelPath } from "@/lib/field-location/model-path";
import { testArbeidstakere, testOppdrag } from "@/lib/testing/report-fixtures";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
import { createOarAdapter, OAR_INNSENDINGSTYPE } from "./oar-adapter";
import type { Oppdrag } from "./oppdrag-model";

const oppdrag: Oppdrag = testOppdrag("310900125", { oppdragsreferanse: "OPP-1" });

describe("OAR adapter", () => {
  const adapter = createOarAdapter({ baseUrl: "http://127.0.0.1:4102/oar/v1", idempotencyKeyIn: "query" });

  it("marks a first report as new and a report of a known oppdrag as a change", () => {
    const first = JSON.parse(
      adapter.buildRequest(oppdrag, { idempotencyKey: "k", orgnr: "310900125", existsAtSkatteetaten: false }).body,
    );
    const change = { ...oppdrag, endringsdato: "2026-11-20" };
    const again = JSON.parse(
      adapter.buildRequest(change, { idempotencyKey: "k", orgnr: "310900125", existsAtSkatteetaten: true }).body,
    );
    expect(first.innsendingstype).toBe(OAR_INNSENDINGSTYPE.new);
    expect(first).not.toHaveProperty("endringsdato");
    expect(again).toMatchObject({ innsendingstype: OAR_INNSENDINGSTYPE.change, endringsdato: "2026-11-20" });
    // A new report never carries a change date, even if the payload has one.
    const asNew = JSON.parse(
      adapter.buildRequest(change, { idempotencyKey: "k", orgnr: "310900125", existsAtSkatteetaten: false }).body,
    );
    expect(asNew).not.toHaveProperty("endringsdato");
  });

  it("refuses to build a change without its change date", () => {
    expect(() =>
      adapter.buildRequest(oppdrag, { idempotencyKey: "k", orgnr: "310900125", existsAtSkatteetaten: true }),
    ).toThrow(/endringsdato/);
  });

  it("writes each arbeidstaker with one identification, the first day and the last day once known", () => {
    const fnr = syntheticFodselsnummer();
    const withWorkers: Oppdrag = {
      ...oppdrag,
      arbeidstakere: testArbeidstakere(fnr),
    };
    const body = JSON.parse(
      adapter.buildRequest(withWorkers, { idempotencyKey: "k", orgnr: "310900125", existsAtSkatteetaten: false }).body,
    );
    expect(body.arbeidstakere).toEqual([
      { navn: "Ola Testmann", foedselsEllerDNummer: fnr, foersteArbeidsdag: "2026-11-02" },
      {
        navn: "Jonas Testaitis",
        utenlandskIdentifikasjon: { identifikasjonsnummer: "LT-778", foedselsdato: "1985-04-12", land: "LT" },
        foersteArbeidsdag: "2026-11-02",
        sisteArbeidsdag: "2026-12-20",
      },
    ]);
    expect(
      JSON.parse(adapter.buildRequest(oppdrag, { idempotencyKey: "k", orgnr: "1", existsAtSkatteetaten: false }).body)
        .arbeidstakere,
    ).toEqual([]);
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
    expect(stiToModelPath("oar", "/arbeidstakere/0/foedselsEllerDNummer")).toBe(
      "arbeidstakere.0.identifikasjon.fodselsnummer",
    );
    expect(stiToModelPath("oar", "/arbeidstakere/2/utenlandskIdentifikasjon/land")).toBe(
      "arbeidstakere.2.identifikasjon.landkode",
    );
    expect(stiToModelPath("oar", "/arbeidstakere/1/sisteArbeidsdag")).toBe("arbeidstakere.1.sisteArbeidsdag");
  });
});
