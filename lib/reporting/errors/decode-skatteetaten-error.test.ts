import { describe, expect, it } from "vitest";
import { decodeSkatteetatenError } from "./decode-skatteetaten-error";
import { summariseDecodedError } from "./summarise-decoded-error";

const KORR = "3f1c2a9e-6a3b-4c1d-9e8f-0a1b2c3d4e5f";
const JSON_CT = "application/json; charset=utf-8";

describe("decodeSkatteetatenError — JSON", () => {
  it("reads the documented body with a spesifisering array", () => {
    const body = JSON.stringify({
      kode: "OAR_005",
      melding: "Feil i forbindelse med validering av payload",
      korrelasjonsid: KORR,
      spesifisering: [
        { kode: "OAR_1012", melding: "Oppdraget finnes allerede", sti: "/innsendingstype", angittVerdi: "NY" },
        { kode: null, melding: "Ugyldig dato", sti: "/oppdrag/startdato", angittVerdi: "2026-13-01" },
      ],
    });
    const d = decodeSkatteetatenError({ status: 400, contentType: JSON_CT, body, api: "oar" });
    expect(d).toMatchObject({
      api: "oar",
      httpStatus: 400,
      code: "OAR_005",
      known: true,
      melding: "Feil i forbindelse med validering av payload",
      korrelasjonsid: KORR,
      category: "validation",
      retryable: false,
      action: "fix_and_resend_new_key",
      bodyFormat: "json",
      raw: body,
    });
    expect(d.entry?.code).toBe("OAR_005");
    expect(d.specifications).toHaveLength(2);
    expect(d.specifications[0]).toMatchObject({
      kode: "OAR_1012",
      sti: "/innsendingstype",
      angittVerdi: "NY",
      known: true,
    });
    expect(d.specifications[0]?.entry?.code).toBe("OAR_1012");
    expect(d.specifications[1]).toMatchObject({
      kode: null,
      melding: "Ugyldig dato",
      sti: "/oppdrag/startdato",
      known: false,
      entry: null,
    });
    expect(d.hintEn).toMatch(/as a change/); // refined by OAR_1012
  });

  it("reads a single feilspesifisering object with English keys and snake_case value", () => {
    const body = JSON.stringify({
      Kode: "GLD_006",
      Melding: "Feil i request",
      Korrelasjonsid: KORR,
      feilspesifisering: {
        code: "GLD_1027",
        message: "Inntektsår 2014 er ikke støttet",
        path: "/leveranse/kalendermaaned",
        angitt_verdi: "2014-01",
      },
    });
    const d = decodeSkatteetatenError({ status: 400, contentType: JSON_CT, body, api: "amelding" });
    expect(d.code).toBe("GLD_006");
    expect(d.korrelasjonsid).toBe(KORR);
    expect(d.specifications).toEqual([
      expect.objectContaining({
        kode: "GLD_1027",
        melding: "Inntektsår 2014 er ikke støttet",
        sti: "/leveranse/kalendermaaned",
        angittVerdi: "2014-01",
        known: true,
      }),
    ]);
    expect(d.category).toBe("validation"); // the known specification refines "request"
    expect(d.hintEn).toMatch(/income year is not open/i);
  });

  it("reads the flat shape with a top-level feilspesifiseringskode, sti and angittVerdi", () => {
    const body = JSON.stringify({
      kode: "AMLD_010",
      melding: "Feil i forbindelse med validering av payload",
      korrelasjonsid: KORR,
      feilspesifiseringskode: "AMLD_1051",
      sti: "/leveranse/opplysningspliktig/norskIdentifikator",
      angittVerdi: 310900125,
    });
    const d = decodeSkatteetatenError({ status: 400, contentType: JSON_CT, body, api: "amelding" });
    expect(d.specifications).toEqual([
      expect.objectContaining({
        kode: "AMLD_1051",
        sti: "/leveranse/opplysningspliktig/norskIdentifikator",
        angittVerdi: "310900125",
        known: true,
      }),
    ]);
  });

  it("reads `errors`, `detaljer` and `spesifiseringer` containers, strings and path maps alike", () => {
    const errors = decodeSkatteetatenError({
      status: 400,
      body: JSON.stringify({
        code: "OAR_004",
        message: "bad",
        errors: [{ code: "OAR_1007", value: { a: 1 } }, "OAR_1003", "fritekst"],
      }),
      api: "oar",
    });
    expect(errors.specifications.map((s) => [s.kode, s.melding, s.angittVerdi])).toEqual([
      ["OAR_1007", null, '{"a":1}'],
      ["OAR_1003", null, null],
      [null, "fritekst", null],
    ]);

    const detaljer = decodeSkatteetatenError({
      status: 400,
      body: JSON.stringify({ kode: "GLD_010", detaljer: { "leveranse.kalendermaaned": ["må være ÅÅÅÅ-MM"] } }),
      api: "amelding",
    });
    expect(detaljer.specifications).toEqual([
      expect.objectContaining({ kode: null, sti: "leveranse.kalendermaaned", melding: "må være ÅÅÅÅ-MM" }),
    ]);

    const many = decodeSkatteetatenError({
      status: 400,
      body: JSON.stringify({
        kode: "GLD_010",
        spesifiseringer: [{ kode: "AMLD_1052", verdi: "2026-10" }, { kode: "AMLD_1051" }],
      }),
      api: "amelding",
    });
    expect(many.specifications.map((s) => s.kode)).toEqual(["AMLD_1052", "AMLD_1051"]);
    expect(many.specifications[0]?.angittVerdi).toBe("2026-10");
  });

  it("finds the error inside a wrapper object", () => {
    const d = decodeSkatteetatenError({
      status: 500,
      body: JSON.stringify({ error: { kode: "GLD_017", melding: "Uspesifisert systemfeil", korrelasjonsid: KORR } }),
      api: "amelding",
    });
    expect(d).toMatchObject({
      code: "GLD_017",
      known: true,
      korrelasjonsid: KORR,
      retryable: true,
      action: "retry_same_key",
    });
  });
});

describe("decodeSkatteetatenError — category, retry and refinement", () => {
  it("makes a 500 retryable through OAR_1009 even under an unknown main code", () => {
    const d = decodeSkatteetatenError({
      status: 500,
      body: JSON.stringify({ kode: "OAR_9999", korrelasjonsid: KORR, spesifisering: [{ kode: "OAR_1009" }] }),
      api: "oar",
    });
    expect(d).toMatchObject({
      code: "OAR_9999",
      known: false,
      entry: null,
      category: "server",
      retryable: true,
      action: "retry_same_key",
    });
  });

  it("reads OAR_1011 under OAR_001 as authentication with the system-user hint", () => {
    const d = decodeSkatteetatenError({
      status: 403,
      body: JSON.stringify({ kode: "OAR_001", spesifisering: [{ kode: "OAR_1011" }] }),
      api: "oar",
    });
    expect(d).toMatchObject({ category: "authentication", retryable: false, action: "fix_credentials_or_access" });
    expect(d.hintEn).toMatch(/system-user setup/);
  });

  it("reads AMLD_1063 under GLD_005 (authorisation) as authentication", () => {
    const d = decodeSkatteetatenError({
      status: 403,
      body: JSON.stringify({ kode: "GLD_005", spesifisering: [{ kode: "AMLD_1063" }] }),
      api: "amelding",
    });
    expect(d.category).toBe("authentication");
  });

  it("keeps the OAR quirk when decoding: 401 OAR_002 is authorisation, 403 OAR_001 authentication", () => {
    expect(decodeSkatteetatenError({ status: 401, body: '{"kode":"OAR_002"}', api: "oar" }).category).toBe(
      "authorisation",
    );
    expect(decodeSkatteetatenError({ status: 403, body: '{"kode":"OAR_001"}', api: "oar" }).category).toBe(
      "authentication",
    );
  });

  it("treats 409 as an idempotency conflict that is never retried", () => {
    const d = decodeSkatteetatenError({
      status: 409,
      body: JSON.stringify({ kode: "OAR_007", korrelasjonsid: KORR }),
      api: "oar",
    });
    expect(d).toMatchObject({ category: "idempotency", retryable: false, action: "investigate_conflict" });
  });

  it("keeps an unknown code and decides from the HTTP status", () => {
    const d = decodeSkatteetatenError({
      status: 400,
      body: JSON.stringify({ kode: "XYZ", melding: "Noe nytt" }),
      api: "amelding",
    });
    expect(d).toMatchObject({
      code: "XYZ",
      known: false,
      entry: null,
      category: "request",
      retryable: false,
      melding: "Noe nytt",
    });
    expect(summariseDecodedError(d, "nb")).toBe("XYZ Noe nytt");

    const server = decodeSkatteetatenError({ status: 503, body: JSON.stringify({ kode: "OAR_9999" }), api: "oar" });
    expect(server).toMatchObject({ code: "OAR_9999", known: false, category: "server", retryable: true });
    expect(summariseDecodedError(server, "en")).toBe("OAR_9999 Unknown error code");
  });

  it("always retries 429 with the same key, even with a known non-retryable code", () => {
    const withCode = decodeSkatteetatenError({
      status: 429,
      contentType: JSON_CT,
      body: JSON.stringify({ kode: "OAR_003", melding: "Feil i request", korrelasjonsid: KORR }),
      api: "oar",
    });
    expect(withCode).toMatchObject({
      code: "OAR_003",
      known: true,
      category: "server",
      retryable: true,
      action: "retry_same_key",
    });
    expect(withCode.hintEn).toMatch(/Retry-After/);

    const bare = decodeSkatteetatenError({
      status: 429,
      contentType: "text/plain",
      body: "Too Many Requests",
      api: "amelding",
    });
    expect(bare).toMatchObject({
      code: null,
      category: "server",
      retryable: true,
      bodyFormat: "text",
      melding: "Too Many Requests",
    });
  });

  it.each([
    [401, "authentication", false],
    [403, "authorisation", false],
    [404, "not_found", false],
    [409, "idempotency", false],
    [400, "request", false],
    [422, "request", false],
    [500, "server", true],
    [502, "server", true],
    [504, "server", true],
  ] as const)("derives HTTP %i without a code as %s (retryable: %s)", (status, category, retryable) => {
    const d = decodeSkatteetatenError({ status, body: "", api: "oar" });
    expect(d).toMatchObject({ code: null, known: false, category, retryable });
  });
});

describe("decodeSkatteetatenError — XML, proxies and empty bodies", () => {
  it("reads an XML error body with namespaces, entities, CDATA and repeated specifications", () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<!-- error -->
<ns2:feil xmlns:ns2="urn:skatteetaten:feil">
  <ns2:kode>OAR_005</ns2:kode>
  <ns2:melding>Feil i forbindelse med validering av payload &amp; &lt;mer&gt; &#248;&#x00E6;</ns2:melding>
  <ns2:korrelasjonsid>${KORR}</ns2:korrelasjonsid>
  <ns2:spesifisering>
    <ns2:kode>OAR_1012</ns2:kode>
    <ns2:sti>/innsendingstype</ns2:sti>
    <ns2:angittVerdi><![CDATA[NY <ny>]]></ns2:angittVerdi>
  </ns2:spesifisering>
  <ns2:spesifisering><ns2:melding>Mangler</ns2:melding><ns2:sti>/oppdrag/beskrivelse</ns2:sti><ns2:angittVerdi/></ns2:spesifisering>
</ns2:feil>`;
    const d = decodeSkatteetatenError({ status: 400, contentType: "application/xml", body, api: "oar" });
    expect(d).toMatchObject({
      bodyFormat: "xml",
      code: "OAR_005",
      known: true,
      melding: "Feil i forbindelse med validering av payload & <mer> øæ",
      korrelasjonsid: KORR,
      category: "validation",
    });
    expect(d.specifications).toEqual([
      expect.objectContaining({ kode: "OAR_1012", sti: "/innsendingstype", angittVerdi: "NY <ny>", known: true }),
      expect.objectContaining({ kode: null, melding: "Mangler", sti: "/oppdrag/beskrivelse", angittVerdi: "" }),
    ]);
  });

  it("reads XML with any root and a wrapper around the specifications", () => {
    const body = `<Error><Code>GLD_006</Code><Message>Feil i request</Message><Korrelasjonsid>${KORR}</Korrelasjonsid>
      <spesifiseringer><spesifisering><kode>GLD_1028</kode><melding>idempotencyKey</melding></spesifisering></spesifiseringer></Error>`;
    const d = decodeSkatteetatenError({ status: 400, contentType: "text/xml", body, api: "amelding" });
    expect(d).toMatchObject({
      bodyFormat: "xml",
      code: "GLD_006",
      melding: "Feil i request",
      korrelasjonsid: KORR,
      action: "contact_support",
    });
    expect(d.specifications).toEqual([
      expect.objectContaining({ kode: "GLD_1028", melding: "idempotencyKey", known: true }),
    ]);
  });

  it("does not choke on broken XML", () => {
    const d = decodeSkatteetatenError({
      status: 500,
      body: "<feil><kode>GLD_001</kode><melding>avbrutt",
      api: "amelding",
    });
    expect(d).toMatchObject({ bodyFormat: "xml", code: "GLD_001", melding: "avbrutt", retryable: true });
  });

  it("treats an HTML 502 page from a proxy as text without a code, retryable, raw kept", () => {
    const body = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;
    const d = decodeSkatteetatenError({ status: 502, contentType: "text/html", body, api: "oar" });
    expect(d).toMatchObject({
      code: null,
      known: false,
      entry: null,
      bodyFormat: "text",
      category: "server",
      retryable: true,
      action: "retry_same_key",
      melding: "502 Bad Gateway",
      korrelasjonsid: null,
      raw: body,
    });
    expect(d.specifications).toEqual([]);
    expect(summariseDecodedError(d, "nb")).toBe("HTTP 502 Feil i mellomledd (Bad Gateway)");
  });

  it("recognises HTML even without a content type", () => {
    const d = decodeSkatteetatenError({
      status: 503,
      body: "<html><body>Service Unavailable</body></html>",
      api: "amelding",
    });
    expect(d).toMatchObject({ bodyFormat: "text", code: null, category: "server", retryable: true });
  });

  it("decodes an empty body from the HTTP status and keeps the raw body", () => {
    const d = decodeSkatteetatenError({ status: 504, contentType: null, body: "  \n", api: "amelding" });
    expect(d).toMatchObject({
      bodyFormat: "empty",
      code: null,
      melding: null,
      korrelasjonsid: null,
      retryable: true,
      raw: "  \n",
    });
    expect(summariseDecodedError(d, "en")).toBe("HTTP 504 Gateway timeout");
  });

  it("treats a body that claims JSON but is not as text", () => {
    const d = decodeSkatteetatenError({ status: 400, contentType: JSON_CT, body: "{kode: OAR_003", api: "oar" });
    expect(d).toMatchObject({ bodyFormat: "text", code: null, category: "request", melding: "{kode: OAR_003" });
  });
});

describe("decodeSkatteetatenError — korrelasjonsid", () => {
  it("prefers the body, then falls back to the response header", () => {
    const fromBody = decodeSkatteetatenError({
      status: 400,
      body: JSON.stringify({ kode: "OAR_003", korrelasjonsid: KORR }),
      api: "oar",
      headers: { korrelasjonsid: "from-header" },
    });
    expect(fromBody.korrelasjonsid).toBe(KORR);

    const fromHeader = decodeSkatteetatenError({
      status: 502,
      body: "",
      api: "oar",
      headers: { Korrelasjonsid: "from-header" },
    });
    expect(fromHeader.korrelasjonsid).toBe("from-header");
  });

  it("accepts correlationId spellings", () => {
    const d = decodeSkatteetatenError({
      status: 500,
      body: JSON.stringify({ code: "GLD_001", correlation_id: KORR }),
      api: "amelding",
    });
    expect(d.korrelasjonsid).toBe(KORR);
  });

  it("does not mistake a request path in a gateway body for a specification", () => {
    const d = decodeSkatteetatenError({
      status: 404,
      body: JSON.stringify({ status: 404, error: "Not Found", message: "No route", path: "/v1/innsending" }),
      api: "amelding",
    });
    expect(d).toMatchObject({ code: null, melding: "No route", specifications: [], category: "not_found" });
  });
});

describe("summariseDecodedError", () => {
  it("shows code and catalogue text in the chosen language", () => {
    const d = decodeSkatteetatenError({
      status: 400,
      body: JSON.stringify({ kode: "OAR_005", melding: "varierer" }),
      api: "oar",
    });
    expect(summariseDecodedError(d, "nb")).toBe("OAR_005 Feil i forbindelse med validering av payload");
    expect(summariseDecodedError(d, "en")).toBe("OAR_005 Payload validation error");
  });

  it("names specification codes after the main code", () => {
    const d = decodeSkatteetatenError({
      status: 403,
      body: JSON.stringify({ kode: "OAR_001", spesifisering: [{ kode: "OAR_1011" }] }),
      api: "oar",
    });
    expect(summariseDecodedError(d, "nb")).toBe("OAR_001 Feil i forbindelse med autentisering (OAR_1011)");
  });

  it("falls back to the specification code when there is no main code", () => {
    const d = decodeSkatteetatenError({
      status: 400,
      body: JSON.stringify({ feilspesifiseringskode: "GLD_1027" }),
      api: "amelding",
    });
    expect(summariseDecodedError(d, "nb")).toBe("GLD_1027 Inntektsår er ikke støttet");
  });

  it("stays short", () => {
    const d = decodeSkatteetatenError({
      status: 400,
      body: JSON.stringify({ kode: "NEW_1", melding: "x".repeat(500) }),
      api: "oar",
    });
    expect(summariseDecodedError(d, "en").length).toBeLessThanOrEqual(160);
  });
});

describe("decodeSkatteetatenError — A-melding's AMLD codes", () => {
  const AMLD = [
    ["AMLD_001", 500],
    ["AMLD_004", 401],
    ["AMLD_005", 403],
    ["AMLD_006", 400],
    ["AMLD_008", 400],
    ["AMLD_010", 400],
    ["AMLD_011", 400],
    ["AMLD_017", 500],
    ["AMLD_019", 409],
    ["AMLD_021", 404],
    ["AMLD_022", 405],
    ["AMLD_023", 500],
  ] as const;
  const AMLD_SPEC = [
    "AMLD_1008",
    "AMLD_1015",
    "AMLD_1022",
    "AMLD_1023",
    "AMLD_1027",
    "AMLD_1028",
    "AMLD_1030",
    "AMLD_1032",
    "AMLD_1047",
    "AMLD_1050",
    "AMLD_1051",
    "AMLD_1052",
    "AMLD_1053",
    "AMLD_1061",
    "AMLD_1062",
    "AMLD_1063",
  ];

  it.each(AMLD)("decodes main code %s as known", (kode, status) => {
    const d = decodeSkatteetatenError({
      status,
      contentType: JSON_CT,
      body: JSON.stringify({ kode, melding: "x", korrelasjonsid: KORR }),
      api: "amelding",
    });
    expect(d).toMatchObject({ code: kode, known: true, korrelasjonsid: KORR });
  });

  it.each(AMLD_SPEC)("decodes specification code %s as known", (spec) => {
    const body = JSON.stringify({
      kode: "AMLD_006",
      melding: "Feil i request",
      korrelasjonsid: KORR,
      spesifisering: [{ kode: spec, melding: "x", sti: null, angittVerdi: null }],
    });
    const d = decodeSkatteetatenError({ status: 400, contentType: JSON_CT, body, api: "amelding" });
    expect(d.specifications[0]).toMatchObject({ kode: spec, known: true });
  });

  it("reads a file upload's status object with its feilliste like a spesifisering", () => {
    const body = JSON.stringify({
      status: "VALIDERING_FEILET",
      id: "019c6663-aeb0-74ae-91e5-c1c64b6b2579",
      feilliste: [
        {
          kode: "AMLD_1032",
          melding: "Feltet må være et heltall",
          sti: "/leveranse/oppgave/betalingsinformasjon/sumArbeidsgiveravgift",
          angittVerdi: "34605",
        },
      ],
      sistOppdatertTidspunkt: null,
    });
    const d = decodeSkatteetatenError({ status: 400, contentType: JSON_CT, body, api: "amelding" });
    expect(d.specifications).toEqual([
      expect.objectContaining({
        kode: "AMLD_1032",
        sti: "/leveranse/oppgave/betalingsinformasjon/sumArbeidsgiveravgift",
        angittVerdi: "34605",
        known: true,
      }),
    ]);
    expect(d.category).toBe("validation");
  });
});
