import { describe, expect, it } from "vitest";
import {
  catalogueEntrySchema,
  ERROR_CATALOGUE,
  HINT_RETRIES_EXHAUSTED,
  lookupErrorCode,
  remediationHint,
} from "./error-catalogue";

// Copied by hand from the "Feilkoder" tabs of Skatteetaten/api-dokumentasjon
// docs/api/innrapportering-oppdrag-til-utenlandske-oppdragstakere-api.md and the older (GLD) version
// of docs/api/innrapportering-amelding.md. Do not generate from the catalogue: this must fail if it drifts.
const OAR_MAIN: [code: string, status: number, textNb: string][] = [
  ["OAR_001", 403, "Feil i forbindelse med autentisering"],
  ["OAR_002", 401, "Feil i forbindelse med autorisering"],
  ["OAR_003", 400, "Feil i request"],
  ["OAR_004", 400, "Strukturell feil i tilknyttet dataformat"],
  ["OAR_005", 400, "Feil i forbindelse med validering av payload"],
  ["OAR_006", 500, "Uspesifisert systemfeil"],
  ["OAR_007", 409, "Idempotensnøkkel er benyttet tidligere"],
  ["OAR_008", 404, "Finner ikke forespurt ressurs"],
  ["OAR_009", 405, "HTTP-metode ikke støttet"],
  ["OAR_010", 500, "Uventet feil i et bakenforliggende system"],
];

const OAR_SPEC: [code: string, textNb: string][] = [
  ["OAR_1001", "Ugyldig token"],
  ["OAR_1002", "Ikke autorisert for denne dialogen"],
  ["OAR_1003", "Feil i parametre"],
  ["OAR_1004", "Finner ingen ressurs for denne urlen"],
  ["OAR_1005", "Header mangler"],
  ["OAR_1006", "Accept-header må være av type application/json"],
  ["OAR_1007", "Feil i JSON-innhold"],
  ["OAR_1008", "Content type må være application/json"],
  ["OAR_1009", "Uventet feil i et bakenforliggende system, vennligst prøv igjen senere"],
  ["OAR_1010", "Det finnes ingen forsendelse med denne IDen for denne ordningen"],
  ["OAR_1011", "Tokenet mangler informasjon om systembruker i authorization_details"],
  ["OAR_1012", "Innsendingstype passer ikke overens med om oppdraget eksisterer eller ikke"],
];

const GLD_MAIN: [code: string, status: number, textNb: string][] = [
  ["GLD_001", 500, "Uventet feil på tjenesten"],
  ["GLD_005", 403, "Feil i forbindelse med autorisering"],
  ["GLD_006", 400, "Feil i request"],
  ["GLD_008", 400, "Strukturell feil i tilknyttet dataformat"],
  ["GLD_010", 400, "Feil i forbindelse med validering av payload"],
  ["GLD_011", 400, "Feil i metadata"],
  ["GLD_017", 500, "Uspesifisert systemfeil"],
  ["GLD_019", 409, "Idempotensnøkkel er benyttet tidligere"],
  ["GLD_021", 404, "Finner ikke forespurt ressurs"],
  ["GLD_022", 405, "HTTP-metode ikke støttet"],
];

const GLD_SPEC: [code: string, textNb: string, causeNb: string][] = [
  [
    "GLD_1022",
    "Feil i parametre",
    "Diverse feil med parametre i request. Mer detaljert beskrivelse ligger i melding, sti og angitt verdi dersom det er aktuelt",
  ],
  ["GLD_1023", "Finner ingen ressurs for denne urlen", "Det er ikke noe innhold tilgjengelig på denne URLen"],
  ["GLD_1027", "Inntektsår er ikke støttet", "Det er ikke tillatt å levere på oppgitt inntektsår"],
  ["GLD_1028", "Header mangler", "Påkrevd header er ikke med i requesten"],
  [
    "GLD_1030",
    "Accept-header må være av type application/json",
    "Accept header er feil. APIet har kun støtte for json i response",
  ],
  [
    "GLD_1047",
    "Content type må være application/json",
    "Content-type header er feil. APIet har kun støtte for json i request body",
  ],
];

// Copied by hand from the "Feilkoder" tab of Skatteetaten/api-dokumentasjon
// docs/api/innrapportering-amelding.md (the AMLD version of the page; docs/skatteetaten-contract.md,
// "Error codes"). Do not generate from the catalogue: this must fail if it drifts.
const AMLD_MAIN: [code: string, status: number, textNb: string][] = [
  ["AMLD_001", 500, "Uventet feil på tjenesten"],
  ["AMLD_004", 401, "Feil i forbindelse med autentisering"],
  ["AMLD_005", 403, "Feil i forbindelse med autorisering"],
  ["AMLD_006", 400, "Feil i request"],
  ["AMLD_008", 400, "Strukturell feil i tilknyttet dataformat"],
  ["AMLD_010", 400, "Feil i forbindelse med validering av payload"],
  ["AMLD_011", 400, "Feil i metadata"],
  ["AMLD_017", 500, "Uspesifisert systemfeil"],
  ["AMLD_019", 409, "Idempotensnøkkel er benyttet tidligere"],
  ["AMLD_021", 404, "Finner ikke forespurt ressurs"],
  ["AMLD_022", 405, "HTTP-metode ikke støttet"],
  ["AMLD_023", 500, "Uventet feil i et bakenforliggende system"],
];
/** Text ("Feilområde") and, where it says more than the text, the published "Årsak". */
const AMLD_SPEC: [code: string, textNb: string, causeNb: string | null][] = [
  ["AMLD_1008", "Ugyldig token", null],
  ["AMLD_1015", "Ikke autorisert for denne dialogen", null],
  [
    "AMLD_1022",
    "Feil i parametre",
    "Diverse feil med parametre i request. Mer detaljert beskrivelse ligger i melding, sti og angitt verdi dersom det er aktuelt",
  ],
  ["AMLD_1023", "Finner ingen ressurs for denne urlen", "Det er ikke noe innhold tilgjengelig på denne URLen"],
  ["AMLD_1027", "Inntektsår er ikke støttet", "Det er ikke tillatt å levere på oppgitt inntektsår"],
  ["AMLD_1028", "Header mangler", "Påkrevd header er ikke med i requesten"],
  [
    "AMLD_1030",
    "Accept-header må være av type application/json",
    "Accept header er feil. APIet har kun støtte for json i response",
  ],
  ["AMLD_1032", "Feil i json-innhold", null],
  [
    "AMLD_1047",
    "Content type må være application/json",
    "Content-type header er feil. APIet har kun støtte for json i request body",
  ],
  ["AMLD_1050", "Finner ikke et dokument med denne IDen på denne forsendelsen", null],
  ["AMLD_1051", "Opplysningspliktig i path og i innsending er ulike", null],
  ["AMLD_1052", "Periode (kalendermåned) i path og i innsending er ulike", null],
  ["AMLD_1053", "Uventet feil i et bakenforliggende system, vennligst prøv igjen senere", null],
  ["AMLD_1061", "Det finnes ingen forsendelse med denne IDen for denne ordningen", null],
  ["AMLD_1062", "Oppgavegiver er ikke hovedenhet, og kan derfor ikke rapportere for ordningen", null],
  ["AMLD_1063", "Tokenet mangler informasjon om systembruker i authorization_details", null],
];

const RETRYABLE = [
  "OAR_006",
  "OAR_010",
  "OAR_1009",
  "GLD_001",
  "GLD_017",
  "AMLD_001",
  "AMLD_017",
  "AMLD_023",
  "AMLD_1053",
];

describe("error catalogue", () => {
  it.each(OAR_MAIN)("has OAR main code %s with HTTP %i and the published text", (code, status, textNb) => {
    expect(lookupErrorCode(code)).toMatchObject({ code, api: "oar", level: "main", httpStatus: status, textNb });
  });

  it.each(OAR_SPEC)("has OAR specification code %s with the published text", (code, textNb) => {
    expect(lookupErrorCode(code)).toMatchObject({ code, api: "oar", level: "specification", textNb });
  });

  it.each(GLD_MAIN)("has A-melding main code %s with HTTP %i and the published text", (code, status, textNb) => {
    expect(lookupErrorCode(code)).toMatchObject({ code, api: "amelding", level: "main", httpStatus: status, textNb });
  });

  it.each(GLD_SPEC)(
    "has A-melding specification code %s with the published text and cause",
    (code, textNb, causeNb) => {
      expect(lookupErrorCode(code)).toMatchObject({ code, api: "amelding", level: "specification", textNb, causeNb });
    },
  );

  it.each(AMLD_MAIN)("has AMLD main code %s with HTTP %i and the published text", (code, status, textNb) => {
    expect(lookupErrorCode(code)).toMatchObject({ code, api: "amelding", level: "main", httpStatus: status, textNb });
  });

  it.each(AMLD_SPEC)("has AMLD specification code %s with the published text and cause", (code, textNb, causeNb) => {
    expect(lookupErrorCode(code)).toMatchObject({ code, api: "amelding", level: "specification", textNb, causeNb });
  });

  it("holds exactly the codes of the OAR, GLD and AMLD tables, each once", () => {
    const expected = [
      ...OAR_MAIN.map(([c]) => c),
      ...OAR_SPEC.map(([c]) => c),
      ...GLD_MAIN.map(([c]) => c),
      ...GLD_SPEC.map(([c]) => c),
      ...AMLD_MAIN.map(([c]) => c),
      ...AMLD_SPEC.map(([c]) => c),
    ];
    const codes = ERROR_CATALOGUE.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...expected].sort());
    expect(codes).toHaveLength(66);
  });

  it("keeps the OAR quirk as published: authentication is 403, authorisation is 401", () => {
    expect(lookupErrorCode("OAR_001")).toMatchObject({ httpStatus: 403, category: "authentication" });
    expect(lookupErrorCode("OAR_002")).toMatchObject({ httpStatus: 401, category: "authorisation" });
  });

  it("marks exactly the transient server codes as retryable, with the same key", () => {
    const retryable = ERROR_CATALOGUE.filter((e) => e.retryable).map((e) => e.code);
    expect([...retryable].sort()).toEqual([...RETRYABLE].sort());
    for (const code of RETRYABLE)
      expect(lookupErrorCode(code)).toMatchObject({ category: "server", action: "retry_same_key" });
    for (const e of ERROR_CATALOGUE) if (e.action === "retry_same_key") expect(e.retryable).toBe(true);
  });

  it("never retries 409 idempotency codes: they call for looking up the first call", () => {
    for (const code of ["OAR_007", "GLD_019", "AMLD_019"]) {
      expect(lookupErrorCode(code)).toMatchObject({
        httpStatus: 409,
        category: "idempotency",
        retryable: false,
        action: "investigate_conflict",
      });
      expect(lookupErrorCode(code)?.hintEn).toMatch(/never resend blindly/i);
    }
  });

  it("never retries a 4xx main code", () => {
    for (const e of ERROR_CATALOGUE) {
      if (e.httpStatus !== null && e.httpStatus < 500) expect(e.retryable, e.code).toBe(false);
    }
  });

  it("gives every entry a valid shape, an API matching its prefix and a level matching its number", () => {
    for (const e of ERROR_CATALOGUE) {
      expect(catalogueEntrySchema.safeParse(e).success, e.code).toBe(true);
      expect(e.api, e.code).toBe(e.code.startsWith("OAR_") ? "oar" : "amelding");
      expect(e.level, e.code).toBe(/_\d{3}$/.test(e.code) ? "main" : "specification");
      if (e.level === "main") expect(e.httpStatus, e.code).not.toBeNull();
      expect(e.hintNb).not.toBe(e.hintEn);
    }
  });

  it("gives concrete hints for the codes people most often have to fix", () => {
    expect(lookupErrorCode("OAR_1012")?.hintNb).toMatch(/endring/);
    expect(lookupErrorCode("OAR_1012")?.hintEn).toMatch(/as a change/);
    for (const code of ["OAR_1011", "AMLD_1063"]) {
      expect(lookupErrorCode(code)?.hintEn).toMatch(/authorization_details/);
      expect(lookupErrorCode(code)?.hintEn).toMatch(/system-user setup/);
      expect(lookupErrorCode(code)?.category).toBe("authentication");
    }
    expect(lookupErrorCode("GLD_1027")?.hintEn).toMatch(/income year is not open/i);
    expect(lookupErrorCode("OAR_006")?.hintNb).toMatch(/korrelasjonsid/);
    expect(lookupErrorCode("OAR_006")?.hintEn).toMatch(/same idempotency key/);
  });

  it("looks codes up tolerantly and returns undefined for unknown codes", () => {
    expect(lookupErrorCode(" oar_005 ")?.code).toBe("OAR_005");
    expect(lookupErrorCode("OAR_9999")).toBeUndefined();
    expect(lookupErrorCode("")).toBeUndefined();
  });
});

describe("the catalogue's advice", () => {
  it("has a text and a hint of its own in each language for every code", () => {
    for (const e of ERROR_CATALOGUE) {
      expect(e.textNb, e.code).not.toBe(e.textEn);
      expect(e.hintNb, e.code).not.toBe(e.hintEn);
    }
  });

  it("promises an automatic retry only while retries remain", () => {
    const retried = ERROR_CATALOGUE.filter((e) => e.action === "retry_same_key");
    expect(retried.length).toBeGreaterThan(0);
    for (const e of retried) {
      expect(remediationHint(e, "nb", true)).toBe(e.hintNb);
      expect(remediationHint(e, "nb", false)).toBe(HINT_RETRIES_EXHAUSTED.hintNb);
      expect(remediationHint(e, "en", false)).toBe(HINT_RETRIES_EXHAUSTED.hintEn);
    }
    const rejected = ERROR_CATALOGUE.filter((e) => e.action !== "retry_same_key");
    for (const e of rejected) expect(remediationHint(e, "nb", false)).toBe(e.hintNb);
    expect(HINT_RETRIES_EXHAUSTED.hintNb).not.toMatch(/prøver igjen (automatisk|senere)/);
  });
});
