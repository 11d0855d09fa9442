import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxSkatteetaten } from "./server";
import {
  BAD_ORGNR,
  expectError,
  fakeVerifyToken,
  ORG_A,
  ORG_B,
  oarRequest,
  postJson,
  send,
  testOarBody,
} from "./test-support";
import type { SandboxSkatteetatenHandle } from "./types";

let sandbox: SandboxSkatteetatenHandle;

beforeAll(async () => {
  sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** A valid body as a mutable object, to break one thing at a time. */
const oarBodyObject = () => testOarBody();
const post = (body: unknown) => postJson(`${sandbox.oarBaseUrl}/innsending`, body);

describe("OAR sandbox: structure (OAR_004 with OAR_1007)", () => {
  it("names each missing object or field with its path", async () => {
    const body = oarBodyObject();
    delete body.oppdrag;
    delete body.oppdragsgiver.navn;
    const error = expectError(await post(body), 400, "OAR_004", "OAR_1007");
    expect(error.spesifisering).toEqual(
      expect.arrayContaining([
        { kode: "OAR_1007", melding: "Påkrevd felt mangler", sti: "/oppdrag", angittVerdi: null },
        { kode: "OAR_1007", melding: "Påkrevd felt mangler", sti: "/oppdragsgiver/navn", angittVerdi: null },
      ]),
    );
    expect(sandbox.processedCount()).toBe(0);
  });

  it("reports wrong types and malformed dates with the given value", async () => {
    const body = oarBodyObject();
    body.oppdrag.kontraktsverdi = 450000;
    body.oppdrag.startdato = "01.11.2026";
    body.vedlegg = "none";
    const error = expectError(await post(body), 400, "OAR_004", "OAR_1007");
    const bySti = Object.fromEntries(error.spesifisering!.map((s) => [s.sti, s.angittVerdi]));
    expect(bySti).toEqual({
      "/oppdrag/kontraktsverdi": "450000",
      "/oppdrag/startdato": "01.11.2026",
      "/vedlegg": "none",
    });
  });

  it("requires an orgnr or a foreign identification for each party, and a known arbeidssted type", async () => {
    const body = oarBodyObject();
    delete body.oppdragstaker.utenlandskIdentifikasjon;
    body.oppdrag.arbeidssted = { type: "HAV" };
    const error = expectError(await post(body), 400, "OAR_004", "OAR_1007");
    expect(error.spesifisering!.map((s) => s.sti)).toEqual([
      "/oppdragstaker/organisasjonsnummer",
      "/oppdrag/arbeidssted/type",
    ]);
  });

  it("refuses a body that is not an object", async () => {
    const error = expectError(await post([1, 2]), 400, "OAR_004", "OAR_1007");
    expect(error.spesifisering?.[0]).toMatchObject({ sti: "/", angittVerdi: "[1,2]" });
  });
});

describe("OAR sandbox: payload validation (OAR_005)", () => {
  it("lists every invalid value with its path and given value", async () => {
    const body = oarBodyObject();
    body.innsendingstype = "NYTT";
    body.oppdragsgiver.organisasjonsnummer = BAD_ORGNR;
    body.oppdrag.startdato = "2027-03-01";
    body.oppdrag.forventetSluttdato = "2027-02-28";
    body.oppdrag.kontraktsverdi = "450 000,00";
    const error = expectError(await post(body), 400, "OAR_005", null);
    expect(error.spesifisering!.map(({ sti, angittVerdi }) => ({ sti, angittVerdi }))).toEqual([
      { sti: "/innsendingstype", angittVerdi: "NYTT" },
      { sti: "/oppdragsgiver/organisasjonsnummer", angittVerdi: BAD_ORGNR },
      { sti: "/oppdrag/forventetSluttdato", angittVerdi: "2027-02-28" },
      { sti: "/oppdrag/kontraktsverdi", angittVerdi: "450 000,00" },
    ]);
    expect(error.spesifisering!.every((s) => s.kode === null && s.melding.length > 0)).toBe(true);
  });

  it("refuses a negative contract value and an invalid oppdragstaker orgnr", async () => {
    const body = oarBodyObject();
    body.oppdrag.kontraktsverdi = "-100.00";
    body.oppdragstaker = { navn: "Norsk UE AS", organisasjonsnummer: "123456789" };
    const error = expectError(await post(body), 400, "OAR_005", null);
    expect(error.spesifisering!.map((s) => s.sti)).toEqual([
      "/oppdragstaker/organisasjonsnummer",
      "/oppdrag/kontraktsverdi",
    ]);
  });
});

describe("OAR sandbox: NY versus ENDRING (OAR_1012)", () => {
  it("accepts NY once per oppdragsreferanse and oppdragsgiver, then only ENDRING", async () => {
    const oppdrag = testOarBody();
    expect((await send(oarRequest(sandbox, oppdrag))).status).toBe(200);

    const again = expectError(await send(oarRequest(sandbox, oppdrag)), 400, "OAR_005", "OAR_1012");
    expect(again.spesifisering?.[0]).toMatchObject({ sti: "/innsendingstype", angittVerdi: "NY" });

    expect((await send(oarRequest(sandbox, { ...oppdrag, innsendingstype: "ENDRING" }))).status).toBe(200);
    expect(sandbox.processedCount({ api: "oar", orgnr: ORG_A })).toBe(2);
  });

  it("refuses ENDRING for an oppdrag that is not registered", async () => {
    const error = expectError(
      await send(oarRequest(sandbox, testOarBody({ innsendingstype: "ENDRING" }))),
      400,
      "OAR_005",
      "OAR_1012",
    );
    expect(error.spesifisering?.[0]).toMatchObject({ sti: "/innsendingstype", angittVerdi: "ENDRING" });
  });

  it("keeps the same oppdragsreferanse apart per oppdragsgiver", async () => {
    const first = testOarBody();
    const other = testOarBody({
      oppdragsreferanse: first.oppdragsreferanse,
      oppdragsgiver: { navn: "Annen Oppdragsgiver AS", organisasjonsnummer: ORG_B },
    });
    expect((await send(oarRequest(sandbox, first))).status).toBe(200);
    expect((await send(oarRequest(sandbox, other))).status).toBe(200);
    expect(sandbox.processedCount({ orgnr: ORG_B })).toBe(1);
  });
});

describe("OAR sandbox: accepted variants", () => {
  it("accepts a foreign oppdragsgiver, a hovedoppdragsgiver and work on the continental shelf", async () => {
    const oppdrag = testOarBody({
      oppdragsgiver: {
        navn: "Nordic Offshore Ltd",
        utenlandskIdentifikasjon: "UK-778899",
        adresseIHjemland: { adresselinje: "1 Dock Road", landkode: "GB" },
        adresseINorge: { adresselinje: "Havnegata 1", postnummer: "4006", poststed: "Stavanger", landkode: "NO" },
        kontaktperson: "Kari Nordmann",
      },
      hovedoppdragsgiver: { navn: "Hoved AS", organisasjonsnummer: ORG_B },
      oppdrag: { ...testOarBody().oppdrag, arbeidssted: { type: "SOKKEL", felt: "Johan Sverdrup" } },
      vedlegg: [{ type: "kontrakt", referanse: "kontrakt.pdf" }],
    });
    const answer = await send(oarRequest(sandbox, oppdrag));
    expect(answer.status).toBe(200);
    expect(sandbox.processed()[0]).toMatchObject({ orgnr: "UK-778899", oppdragsreferanse: oppdrag.oppdragsreferanse });
  });
});
