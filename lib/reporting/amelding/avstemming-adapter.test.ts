import { describe, expect, it } from "vitest";
import { AVSTEMMING_LIMITS, avstemmingRequest, readAvstemmingsrapport } from "./avstemming-adapter";

const asked = { orgnr: "310900125", kalendermaaned: "2026-10" };
const report = (overrides: Record<string, unknown> = {}) => ({
  opplysningspliktig: "310900125",
  kalendermaaned: "2026-10",
  opprettetTidspunkt: "2026-11-05T10:00:00Z",
  mottatteMeldinger: [{ meldingsId: "m-1", mottattTidspunkt: "2026-11-03T10:00:00Z" }],
  sumForskuddstrekk: -7000,
  sumArbeidsgiveravgift: 5640,
  inntektsmottaker: [{ norskIdentifikator: "15858810008", sumInntekt: 40000.5, sumForskuddstrekk: -7000 }],
  virksomhet: [{ norskIdentifikator: "310900230", sumArbeidsgiveravgift: 5640 }],
  ...overrides,
});
const read = (body: unknown) => readAvstemmingsrapport(typeof body === "string" ? body : JSON.stringify(body), asked);

describe("the reconciliation report's wire format (docs/reconciliation.md)", () => {
  it("asks for one organisation's month with a POST, JSON headers and the idempotency key where configured", () => {
    const request = avstemmingRequest("https://api.test/v1/", asked, "5f0c6a1e-8f55-4d3c-9a8e-1f2b3c4d5e6f", "header");
    expect(request).toEqual({
      method: "POST",
      url: "https://api.test/v1/avstemmingsrapport",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        idempotencyKey: "5f0c6a1e-8f55-4d3c-9a8e-1f2b3c4d5e6f",
      },
      body: '{"opplysningspliktig":"310900125","kalendermaaned":"2026-10"}',
    });
    const inQuery = avstemmingRequest("https://api.test/v1", asked, "5f0c6a1e-8f55-4d3c-9a8e-1f2b3c4d5e6f", "query");
    expect(inQuery.url).toBe(
      "https://api.test/v1/avstemmingsrapport?idempotencyKey=5f0c6a1e-8f55-4d3c-9a8e-1f2b3c4d5e6f",
    );
  });

  it("reads a report into whole øre, amounts as numbers or decimal text, and ignores fields it does not know", () => {
    const reading = read(
      report({
        sumArbeidsgiveravgift: "5640.00",
        nyttFelt: { noe: true },
        inntektsmottaker: [
          { norskIdentifikator: "15858810008", sumInntekt: "40000.50", sumForskuddstrekk: -7000, ekstra: "x" },
        ],
      }),
    );
    expect(reading).toEqual({
      ok: true,
      report: {
        meldingsIds: ["m-1"],
        persons: [{ id: "15858810008", inntekt: 4_000_050, forskuddstrekk: -700_000 }],
        virksomheter: [{ orgnr: "310900230", arbeidsgiveravgift: 564_000 }],
        totals: { forskuddstrekk: -700_000, arbeidsgiveravgift: 564_000 },
      },
    });
  });

  it.each([
    ["an empty body", ""],
    ["HTML from a proxy", "<html><body>Bad gateway</body></html>"],
    ["an error document", { kode: "AMLD_001", melding: "Uventet feil", korrelasjonsid: "x" }],
    ["a list", [report()]],
    ["a missing list of persons", report({ inntektsmottaker: undefined })],
    ["an amount as a word", report({ sumForskuddstrekk: "mye" })],
    ["an amount with three decimals", report({ sumForskuddstrekk: "1.005" })],
    ["an amount out of range", report({ sumArbeidsgiveravgift: 1e14 })],
    ["an amount of the wrong type", report({ sumArbeidsgiveravgift: true })],
    ["a person without an identifier", report({ inntektsmottaker: [{ sumInntekt: 1, sumForskuddstrekk: 0 }] })],
    [
      "a person listed twice",
      report({
        inntektsmottaker: [
          { norskIdentifikator: "15858810008", sumInntekt: 1, sumForskuddstrekk: 0 },
          { norskIdentifikator: "15858810008", sumInntekt: 2, sumForskuddstrekk: 0 },
        ],
      }),
    ],
    ["another organisation's report", report({ opplysningspliktig: "310900346" })],
    ["another month's report", report({ kalendermaaned: "2026-09" })],
  ])("never reads %s as a report", (_, body) => {
    const reading = read(body);
    expect(reading.ok).toBe(false);
  });

  it("refuses an answer too large, too deep or with too many persons before building it", () => {
    expect(read(" ".repeat(AVSTEMMING_LIMITS.maxBytes + 1))).toEqual({ ok: false, reason: "answer too large" });
    expect(read(`${"[".repeat(50)}${"]".repeat(50)}`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/tooDeep/),
    });
    const many = Array.from({ length: AVSTEMMING_LIMITS.maxPersons + 1 }, (_, i) => ({
      norskIdentifikator: String(i),
      sumInntekt: 1,
      sumForskuddstrekk: 0,
    }));
    expect(read(report({ inntektsmottaker: many })).ok).toBe(false);
  });

  it("does not let a hostile key reach an object's prototype", () => {
    const reading = read(`{"__proto__":{"polluted":true},${JSON.stringify(report()).slice(1)}`);
    expect(reading.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (reading.ok) expect(Object.getPrototypeOf(reading.report)).toBe(Object.prototype);
  });
});
