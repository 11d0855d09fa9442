import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
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

    expect(
      (await send(oarRequest(sandbox, { ...oppdrag, innsendingstype: "ENDRING", endringsdato: "2026-11-20" }))).status,
    ).toBe(200);
    expect(sandbox.processedCount({ api: "oar", orgnr: ORG_A })).toBe(2);
  });

  it("refuses ENDRING for an oppdrag that is not registered", async () => {
    const error = expectError(
      await send(oarRequest(sandbox, testOarBody({ innsendingstype: "ENDRING", endringsdato: "2026-11-20" }))),
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

describe("OAR sandbox: arbeidstakere and the change date (docs/skatteetaten-contract.md, OAR)", () => {
  const fnr = syntheticFodselsnummer();
  const norsk = { navn: "Ola Testmann", foedselsEllerDNummer: fnr, foersteArbeidsdag: "2026-11-02" };
  const utenlandsk = {
    navn: "Jonas Testaitis",
    utenlandskIdentifikasjon: { identifikasjonsnummer: "LT-778", foedselsdato: "1985-04-12", land: "LT" },
    foersteArbeidsdag: "2026-11-02",
    sisteArbeidsdag: "2026-12-20",
  };

  it("accepts the documented shape: either identification, a first day and an optional last day", async () => {
    expect((await post(testOarBody({ arbeidstakere: [norsk, utenlandsk] }))).status).toBe(200);
    expect((await post(testOarBody({ arbeidstakere: [] }))).status).toBe(200);
  });

  it("refuses a missing list, both or neither identification, unknown fields and bad dates (OAR_004)", async () => {
    const body = oarBodyObject();
    delete body.arbeidstakere;
    expect(expectError(await post(body), 400, "OAR_004", "OAR_1007").spesifisering?.[0]).toMatchObject({
      sti: "/arbeidstakere",
    });
    const error = expectError(
      await post(
        testOarBody({
          arbeidstakere: [
            { ...norsk, utenlandskIdentifikasjon: utenlandsk.utenlandskIdentifikasjon },
            { navn: "Uten Id", foersteArbeidsdag: "2026-11-02" },
            { ...norsk, startdato: "2026-11-02" },
            { ...utenlandsk, foersteArbeidsdag: "02.11.2026", utenlandskIdentifikasjon: { land: "LT" } },
            "Ola",
          ],
        }),
      ),
      400,
      "OAR_004",
      "OAR_1007",
    );
    expect(error.spesifisering!.map((s) => s.sti)).toEqual([
      "/arbeidstakere/0/foedselsEllerDNummer",
      "/arbeidstakere/1/foedselsEllerDNummer",
      "/arbeidstakere/2/startdato",
      "/arbeidstakere/3/utenlandskIdentifikasjon/identifikasjonsnummer",
      "/arbeidstakere/3/utenlandskIdentifikasjon/foedselsdato",
      "/arbeidstakere/3/foersteArbeidsdag",
      "/arbeidstakere/4",
    ]);
  });

  it("refuses an invalid fødselsnummer without echoing it, a bad country and a last day before the first (OAR_005)", async () => {
    const wrong = `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;
    const response = await post(
      testOarBody({
        arbeidstakere: [
          { ...norsk, foedselsEllerDNummer: wrong },
          { ...utenlandsk, utenlandskIdentifikasjon: { ...utenlandsk.utenlandskIdentifikasjon, land: "Litauen" } },
          { ...utenlandsk, sisteArbeidsdag: "2026-11-01" },
        ],
      }),
    );
    const error = expectError(response, 400, "OAR_005", null);
    expect(error.spesifisering!.map((s) => [s.sti, s.angittVerdi])).toEqual([
      ["/arbeidstakere/0/foedselsEllerDNummer", null],
      ["/arbeidstakere/1/utenlandskIdentifikasjon/land", "Litauen"],
      ["/arbeidstakere/2/sisteArbeidsdag", "2026-11-01"],
    ]);
    expect(response.text).not.toContain(wrong);
  });

  it("requires the change date on ENDRING and refuses it on NY (OAR_005)", async () => {
    const first = testOarBody();
    expect((await post(first)).status).toBe(200);
    const missing = expectError(await post({ ...first, innsendingstype: "ENDRING" }), 400, "OAR_005", null);
    expect(missing.spesifisering?.[0]).toMatchObject({ sti: "/endringsdato", angittVerdi: null });
    const onNew = expectError(await post(testOarBody({ endringsdato: "2026-11-20" })), 400, "OAR_005", null);
    expect(onNew.spesifisering?.[0]).toMatchObject({ sti: "/endringsdato", angittVerdi: "2026-11-20" });
    const badDate = expectError(
      await post({ ...first, innsendingstype: "ENDRING", endringsdato: "20.11.2026" }),
      400,
      "OAR_004",
      "OAR_1007",
    );
    expect(badDate.spesifisering?.[0]).toMatchObject({ sti: "/endringsdato" });
    expect((await post({ ...first, innsendingstype: "ENDRING", endringsdato: "2026-11-20" })).status).toBe(200);
  });
});
