import "server-only";

/**
 * The published Norwegian text ("Feilområde") of every code the sandbox emits, from the code
 * tables of the OAR page and the A-melding page (docs/skatteetaten-contract.md, "Error codes").
 * Kept local so the sandbox has no dependency on the app's error catalogue; clients decode on
 * `kode`, never on this text.
 */
const TEXTS: Record<string, string> = {
  OAR_001: "Feil i forbindelse med autentisering",
  OAR_002: "Feil i forbindelse med autorisering",
  OAR_003: "Feil i request",
  OAR_004: "Strukturell feil i tilknyttet dataformat",
  OAR_005: "Feil i forbindelse med validering av payload",
  OAR_006: "Uspesifisert systemfeil",
  OAR_007: "Idempotensnøkkel er benyttet tidligere",
  OAR_008: "Finner ikke forespurt ressurs",
  OAR_009: "HTTP-metode ikke støttet",
  OAR_010: "Uventet feil i et bakenforliggende system",
  OAR_1001: "Ugyldig token",
  OAR_1002: "Ikke autorisert for denne dialogen",
  OAR_1003: "Feil i parametre",
  OAR_1004: "Finner ingen ressurs for denne urlen",
  OAR_1005: "Header mangler",
  OAR_1006: "Accept-header må være av type application/json",
  OAR_1007: "Feil i JSON-innhold",
  OAR_1008: "Content type må være application/json",
  OAR_1009: "Uventet feil i et bakenforliggende system, vennligst prøv igjen senere",
  OAR_1010: "Det finnes ingen forsendelse med denne IDen for denne ordningen",
  OAR_1011: "Tokenet mangler informasjon om systembruker i authorization_details",
  OAR_1012: "Innsendingstype passer ikke overens med om oppdraget eksisterer eller ikke",
  AMLD_001: "Uventet feil på tjenesten",
  AMLD_004: "Feil i forbindelse med autentisering",
  AMLD_005: "Feil i forbindelse med autorisering",
  AMLD_006: "Feil i request",
  AMLD_008: "Strukturell feil i tilknyttet dataformat",
  AMLD_010: "Feil i forbindelse med validering av payload",
  AMLD_011: "Feil i metadata",
  AMLD_017: "Uspesifisert systemfeil",
  AMLD_019: "Idempotensnøkkel er benyttet tidligere",
  AMLD_021: "Finner ikke forespurt ressurs",
  AMLD_022: "HTTP-metode ikke støttet",
  AMLD_023: "Uventet feil i et bakenforliggende system",
  AMLD_1008: "Ugyldig token",
  AMLD_1015: "Ikke autorisert for denne dialogen",
  AMLD_1022: "Feil i parametre",
  AMLD_1023: "Finner ingen ressurs for denne urlen",
  AMLD_1027: "Inntektsår er ikke støttet",
  AMLD_1028: "Header mangler",
  AMLD_1030: "Accept-header må være av type application/json",
  AMLD_1032: "Feil i json-innhold",
  AMLD_1047: "Content type må være application/json",
  AMLD_1050: "Finner ikke et dokument med denne IDen på denne forsendelsen",
  AMLD_1051: "Opplysningspliktig i path og i innsending er ulike",
  AMLD_1052: "Periode (kalendermåned) i path og i innsending er ulike",
  AMLD_1053: "Uventet feil i et bakenforliggende system, vennligst prøv igjen senere",
  AMLD_1061: "Det finnes ingen forsendelse med denne IDen for denne ordningen",
  AMLD_1062: "Oppgavegiver er ikke hovedenhet, og kan derfor ikke rapportere for ordningen",
  AMLD_1063: "Tokenet mangler informasjon om systembruker i authorization_details",
};

export function errorText(code: string): string {
  return TEXTS[code] ?? "Feil ved behandling av forespørselen";
}
