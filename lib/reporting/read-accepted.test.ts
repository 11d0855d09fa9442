import { describe, expect, it } from "vitest";
import { createAmeldingAdapter } from "./amelding/amelding-adapter";
import { createOarAdapter } from "./oar/oar-adapter";

const amelding = createAmeldingAdapter({ baseUrl: "http://sandbox.invalid/amelding/v1", idempotencyKeyIn: "query" });
const oar = createOarAdapter({ baseUrl: "http://sandbox.invalid/oar/v1", idempotencyKeyIn: "query" });

const UNREADABLE_BODIES = {
  empty: "",
  whitespace: "  \n",
  html: "<html><body><h1>502 Bad Gateway</h1></body></html>",
  "non-JSON text": "OK",
  "JSON null": "null",
  "a JSON string": '"accepted"',
  "a JSON array": '[{"forsendelseId":"f-1"}]',
  "an error body": '{"kode":"GLD_001","melding":"Systemfeil","korrelasjonsid":"k-1"}',
  "a number for an id": '{"dialogId":"d-1","forsendelseId":42,"meldingsId":"m-1"}',
  "an empty id": '{"dialogId":"d-1","forsendelseId":"","meldingsId":"m-1"}',
  "a control character in an id": '{"dialogId":"d-1","forsendelseId":"f\\u0000","meldingsId":"m-1"}',
  "a body of a megabyte": JSON.stringify({
    dialogId: "d-1",
    forsendelseId: "f-1",
    meldingsId: "m-1",
    pad: "x".repeat(1_000_000),
  }),
};

describe("reading a success answer", () => {
  it("reads the A-melding API's three ids, keeping other plain fields", () => {
    expect(
      amelding.readAccepted('{"dialogId":"d-1","forsendelseId":"f-1","meldingsId":"m-1","status":"MOTTATT"}'),
    ).toEqual({
      dialogId: "d-1",
      forsendelseId: "f-1",
      meldingsId: "m-1",
      status: "MOTTATT",
    });
  });

  it("reads OAR's forsendelseId, with the dialogId when there is one", () => {
    expect(oar.readAccepted('{"forsendelseId":"f-1","dialogId":"d-1"}')).toEqual({
      forsendelseId: "f-1",
      dialogId: "d-1",
    });
    expect(oar.readAccepted('{"forsendelseId":"f-1"}')).toEqual({ forsendelseId: "f-1" });
  });

  for (const [what, body] of Object.entries(UNREADABLE_BODIES)) {
    it(`calls ${what} unreadable, for both APIs`, () => {
      expect(amelding.readAccepted(body)).toBe("unreadable");
      expect(oar.readAccepted(body)).toBe("unreadable");
    });
  }

  it("calls an A-melding answer without its meldingsId or dialogId unreadable", () => {
    expect(amelding.readAccepted('{"dialogId":"d-1","forsendelseId":"f-1"}')).toBe("unreadable");
    expect(amelding.readAccepted('{"forsendelseId":"f-1","meldingsId":"m-1"}')).toBe("unreadable");
  });

  it("keeps no field that could reach an object's prototype", () => {
    const ids = oar.readAccepted('{"forsendelseId":"f-1","__proto__":"x","constructor":"y"}');
    expect(ids).toEqual({ forsendelseId: "f-1" });
    expect(Object.getPrototypeOf(ids)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
