import { z } from "zod";

/**
 * Every error code the two Skatteetaten reporting APIs are known to return, with what it means
 * for the person who has to act on it.
 *
 * Sources (docs/skatteetaten-contract.md, "Error codes"): the "Feilkoder" tabs of the OAR page
 * and the A-melding page in Skatteetaten/api-dokumentasjon. `textNb` (the published "Feilområde")
 * and `httpStatus` of main codes are copied verbatim, including the OAR quirk that OAR_001
 * (autentisering) is 403 and OAR_002 (autorisering) is 401. Do not "fix" it.
 * - OAR_*: the OAR page.
 * - AMLD_*: the A-melding page today (also the file-upload page's subset); `causeNb` is the
 *   published "Årsak" where it says more than the text.
 * - GLD_*: the A-melding page before it renamed its codes to AMLD; kept so older answers and
 *   stored attempts still decode.
 *
 * Specification codes (feilspesifiseringskoder) have no published HTTP status; `httpStatus` is
 * the status they usually arrive with, or null.
 *
 * Decode on the code, never on the text: Skatteetaten's `melding` varies.
 */

export const reportingApiSchema = z.enum(["oar", "amelding"]);
export type ReportingApi = z.infer<typeof reportingApiSchema>;

/** "main" = feilkode, "specification" = feilspesifiseringskode. */
export const errorLevelSchema = z.enum(["main", "specification"]);
export type ErrorLevel = z.infer<typeof errorLevelSchema>;

export const errorCategorySchema = z.enum([
  "authentication",
  "authorisation",
  "request",
  "validation",
  "idempotency",
  "not_found",
  "server",
]);
export type ErrorCategory = z.infer<typeof errorCategorySchema>;

/**
 * What should happen next:
 * - retry_same_key: transient or unknown outcome; the system sends the same body again with the
 *   SAME idempotency key (the API answers a repeat with the first response, processes it once).
 * - fix_and_resend_new_key: the content is wrong; a corrected version is a NEW call with a NEW key.
 * - investigate_conflict: 409, the key was used before with another body; look up the first call.
 * - fix_credentials_or_access: Maskinporten client, scope, system user or Altinn rights.
 * - contact_support: nothing in the reported data to fix; the integration itself (or
 *   Skatteetaten) must be looked at — the hint says by whom.
 */
export const errorActionSchema = z.enum([
  "retry_same_key",
  "fix_and_resend_new_key",
  "investigate_conflict",
  "fix_credentials_or_access",
  "contact_support",
]);
export type ErrorAction = z.infer<typeof errorActionSchema>;

export const catalogueEntrySchema = z.object({
  code: z.string().regex(/^(OAR|GLD|AMLD)_\d{3,4}$/),
  api: reportingApiSchema,
  level: errorLevelSchema,
  httpStatus: z.number().int().min(400).max(599).nullable(),
  /** Published Norwegian text ("Feilområde"), verbatim. */
  textNb: z.string().min(1),
  textEn: z.string().min(1),
  /** The published "Årsak" column of a specification code, verbatim, where it says more than the text; otherwise null. */
  causeNb: z.string().min(1).nullable(),
  category: errorCategorySchema,
  retryable: z.boolean(),
  action: errorActionSchema,
  hintNb: z.string().min(1),
  hintEn: z.string().min(1),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

// ---------------------------------------------------------------------------------------------
// Shared remediation hints
// ---------------------------------------------------------------------------------------------

const HINT_RETRY = {
  hintNb:
    "Utfallet er ukjent. Systemet prøver igjen automatisk med samme idempotensnøkkel og samme innhold, så innsendingen behandles bare én gang. Vedvarer feilen, kontakt Skatteetaten og oppgi korrelasjonsid-en.",
  hintEn:
    "The outcome is unknown. The system retries automatically with the same idempotency key and the same body, so the submission is processed only once. If it persists, contact Skatteetaten and quote the korrelasjonsid.",
} as const;

const HINT_RETRY_BACKEND = {
  hintNb:
    "Et system bak Skatteetatens API svarte ikke som ventet, og utfallet er ukjent. Systemet prøver igjen senere med samme idempotensnøkkel og samme innhold. Vedvarer feilen, kontakt Skatteetaten og oppgi korrelasjonsid-en.",
  hintEn:
    "A system behind Skatteetaten's API failed and the outcome is unknown. The system retries later with the same idempotency key and the same body. If it persists, contact Skatteetaten and quote the korrelasjonsid.",
} as const;

const HINT_CONFLICT = {
  hintNb:
    "Idempotensnøkkelen er brukt før med et annet innhold. Ikke send på nytt i blinde: slå opp hva det første kallet med denne nøkkelen førte til (se innsendingsloggen), og avgjør så om det trengs en ny innsending med ny nøkkel.",
  hintEn:
    "The idempotency key was used before with a different body. Never resend blindly: look up what the first call with this key did (see the submission log), then decide whether a new submission with a new key is needed.",
} as const;

const HINT_INTEGRATION_FAULT_NB =
  "Dette er en feil i selve integrasjonen, ikke i opplysningene, og det hjelper ikke å sende det samme på nytt. Meld fra til dem som drifter Innrapportering, med korrelasjonsid-en.";
const HINT_INTEGRATION_FAULT_EN =
  "This is a fault in the integration itself, not in the reported data, and resending the same call will not help. Report it to whoever runs Innrapportering, with the korrelasjonsid.";

const HINT_SYSTEM_USER = {
  hintNb:
    "Maskinporten-tokenet mangler authorization_details for en systembruker. Sjekk systembrukeroppsettet for organisasjonen: at systembrukeren er opprettet og godkjent i Altinn, og at tokenet bestilles for systembrukerens eier (eget organisasjonsnummer, ikke kundens).",
  hintEn:
    "The Maskinporten token lacks authorization_details for a system user. Check the system-user setup for the organisation: that the system user exists and is approved in Altinn, and that the token is requested for the system user's owner (your own organisation number, not the client's).",
} as const;

const HINT_INVALID_TOKEN = {
  hintNb:
    "Tilgangstokenet er ugyldig eller utløpt. Sjekk Maskinporten-klienten (klient-ID, nøkkel som ikke er utløpt, riktig miljø test/produksjon) og at serverens klokke går riktig. Send på nytt når tilgangen er rettet.",
  hintEn:
    "The access token is invalid or expired. Check the Maskinporten client (client id, a key that has not expired, the right environment test/production) and that the server clock is correct. Send again once access is fixed.",
} as const;

const HINT_DIALOG = {
  hintNb:
    "Systembrukeren har ikke tilgang til denne dialogen i Dialogporten. Sjekk at oppslaget gjelder en innsending for organisasjonen systembrukeren representerer.",
  hintEn:
    "The system user has no access to this Dialogporten dialog. Check that the lookup concerns a submission of the organisation the system user represents.",
} as const;

const oarAuthorisationHint = {
  hintNb:
    "Tokenet ble godtatt, men gir ikke tilgang. Sjekk at Maskinporten-klienten har scopet skatteetaten:innrapporteringoppdragtilutenlandske, og at systembrukeren for organisasjonen har rettigheten ske-innrapportering-oppdragsregisteret i Altinn.",
  hintEn:
    "The token was accepted but grants no access. Check that the Maskinporten client has the scope skatteetaten:innrapporteringoppdragtilutenlandske and that the organisation's system user has the right ske-innrapportering-oppdragsregisteret in Altinn.",
} as const;

const ameldingAuthorisationHint = {
  hintNb:
    "Tokenet ble godtatt, men gir ikke tilgang. Sjekk at Maskinporten-klienten har scopet skatteetaten:innrapporteringamelding, at systembrukeren har rettigheten ske-innrapportering-amelding i Altinn, og at opplysningspliktig er en organisasjon systembrukeren kan rapportere for.",
  hintEn:
    "The token was accepted but grants no access. Check that the Maskinporten client has the scope skatteetaten:innrapporteringamelding, that the system user has the right ske-innrapportering-amelding in Altinn, and that the opplysningspliktig is an organisation the system user may report for.",
} as const;

const ameldingAuthenticationHint = {
  hintNb:
    "Skatteetaten godtok ikke tilgangstokenet. Sjekk Maskinporten-klienten (klient-ID, nøkkel, miljø test/produksjon) og at tokenet er bestilt med scopet skatteetaten:innrapporteringamelding for en systembruker.",
  hintEn:
    "Skatteetaten did not accept the access token. Check the Maskinporten client (client id, key, test/production environment) and that the token is requested with the scope skatteetaten:innrapporteringamelding for a system user.",
} as const;

const HINT_REQUEST = {
  hintNb:
    "Forespørselen er feil, for eksempel en parameter eller header. Se melding, sti og angitt verdi for detaljer. En rettet forespørsel er et nytt kall med ny idempotensnøkkel.",
  hintEn:
    "The request is wrong, for example a parameter or header. See melding, sti and angitt verdi for details. A corrected request is a new call with a new idempotency key.",
} as const;

const HINT_PARAMETERS = {
  hintNb:
    "En parameter i forespørselen er feil, for eksempel idempotensnøkkelen (må være en UUID), organisasjonsnummeret eller kalendermåneden i URL-en. Se sti og angitt verdi, rett og send som et nytt kall med ny idempotensnøkkel.",
  hintEn:
    "A request parameter is wrong, for example the idempotency key (must be a UUID), the organisation number or the calendar month in the URL. See sti and angitt verdi, fix it and send as a new call with a new idempotency key.",
} as const;

const HINT_METHOD = {
  hintNb: `API-et støtter ikke HTTP-metoden som ble brukt. ${HINT_INTEGRATION_FAULT_NB}`,
  hintEn: `The API does not support the HTTP method used. ${HINT_INTEGRATION_FAULT_EN}`,
} as const;

const HINT_HEADER_MISSING = {
  hintNb: `En påkrevd header mangler (se melding og sti), for eksempel idempotencyKey. ${HINT_INTEGRATION_FAULT_NB}`,
  hintEn: `A required header is missing (see melding and sti), for example idempotencyKey. ${HINT_INTEGRATION_FAULT_EN}`,
} as const;

const HINT_ACCEPT = {
  hintNb: `Accept-headeren må være application/json; API-et svarer bare med JSON. ${HINT_INTEGRATION_FAULT_NB}`,
  hintEn: `The Accept header must be application/json; the API answers only in JSON. ${HINT_INTEGRATION_FAULT_EN}`,
} as const;

const HINT_CONTENT_TYPE = {
  hintNb: `Content-Type-headeren må være application/json; API-et tar bare imot JSON. ${HINT_INTEGRATION_FAULT_NB}`,
  hintEn: `The Content-Type header must be application/json; the API accepts only JSON bodies. ${HINT_INTEGRATION_FAULT_EN}`,
} as const;

const HINT_JSON = {
  hintNb:
    "Innholdet er ikke gyldig JSON, eller et felt har feil type. Se sti og angitt verdi, rett innholdet og send på nytt som et nytt kall med ny idempotensnøkkel.",
  hintEn:
    "The body is not valid JSON, or a field has the wrong type. See sti and angitt verdi, fix the content and send it again as a new call with a new idempotency key.",
} as const;

const oarNotFoundHint = {
  hintNb:
    "Ressursen finnes ikke. Sjekk at base-URL og sti for OAR-API-et er riktig konfigurert for miljøet (test eller produksjon), og at ID-en det spørres etter stemmer.",
  hintEn:
    "The resource does not exist. Check that the OAR API's base URL and path are configured correctly for the environment (test or production), and that the requested id is right.",
} as const;

const ameldingNotFoundHint = {
  hintNb:
    "Ressursen finnes ikke. Sjekk at base-URL og sti for A-melding-API-et er riktig konfigurert for miljøet (test eller produksjon), og at ID-en det spørres etter stemmer.",
  hintEn:
    "The resource does not exist. Check that the A-melding API's base URL and path are configured correctly for the environment (test or production), and that the requested id is right.",
} as const;

const ameldingStructureHint = {
  hintNb:
    "A-meldingen følger ikke dataformatet (feil struktur, ukjent felt eller feil type). Se sti og angitt verdi, rett leveransen og send en ny a-melding med ny idempotensnøkkel.",
  hintEn:
    "The A-melding does not follow the data format (wrong structure, unknown field or wrong type). See sti and angitt verdi, fix the leveranse and send a new A-melding with a new idempotency key.",
} as const;

const ameldingValidationHint = {
  hintNb:
    "A-meldingen ble avvist av valideringen hos Skatteetaten. Se melding, sti og angitt verdi, rett opplysningene og send en ny a-melding med ny meldingsId og ny idempotensnøkkel (med erstatterMeldingsId hvis den erstatter en godtatt melding).",
  hintEn:
    "Skatteetaten's validation rejected the A-melding. See melding, sti and angitt verdi, fix the data and send a new A-melding with a new meldingsId and a new idempotency key (with erstatterMeldingsId if it replaces an accepted message).",
} as const;

const ameldingMetadataHint = {
  hintNb:
    "Metadata i leveransen er feil, for eksempel meldingsId, kalendermaaned, kildesystem eller leveringstidspunkt. Se sti og angitt verdi, rett og send på nytt som et nytt kall med ny idempotensnøkkel.",
  hintEn:
    "The leveranse metadata is wrong, for example meldingsId, kalendermaaned, kildesystem or leveringstidspunkt. See sti and angitt verdi, fix it and send again as a new call with a new idempotency key.",
} as const;

const incomeYearHint = {
  hintNb:
    "Inntektsåret er ikke åpent for innrapportering (året følger av kalendermåneden). Sjekk kalendermaaned i a-meldingen og i URL-en; er den riktig, kan meldingen først sendes når Skatteetaten tar imot dette inntektsåret.",
  hintEn:
    "The income year is not open for reporting (the year follows from the calendar month). Check kalendermaaned in the A-melding and in the URL; if it is right, the message can only be sent once Skatteetaten accepts that income year.",
} as const;

const ameldingForsendelseHint = {
  hintNb:
    "Skatteetaten finner ingen forsendelse med denne ID-en. Sjekk ID-en og at oppslaget går mot samme miljø (test eller produksjon) som innsendingen. Kom innsendingen aldri fram, må a-meldingen sendes på nytt.",
  hintEn:
    "Skatteetaten finds no forsendelse with this id. Check the id and that the lookup goes to the same environment (test or production) as the submission. If the submission never arrived, the A-melding must be sent again.",
} as const;

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

export const ERROR_CATALOGUE = [
  // ----- OAR, feilkoder (Innrapportering oppdrag til utenlandske oppdragstakere API) -----
  {
    code: "OAR_001",
    api: "oar",
    level: "main",
    httpStatus: 403, // published as 403 although it is authentication — keep as published
    textNb: "Feil i forbindelse med autentisering",
    textEn: "Authentication error",
    causeNb: null,
    category: "authentication",
    retryable: false,
    action: "fix_credentials_or_access",
    hintNb:
      "Skatteetaten godtok ikke tilgangstokenet. Sjekk Maskinporten-klienten (klient-ID, nøkkel, miljø test/produksjon) og at tokenet er bestilt med scopet skatteetaten:innrapporteringoppdragtilutenlandske for en systembruker. Se også feilspesifiseringskoden.",
    hintEn:
      "Skatteetaten did not accept the access token. Check the Maskinporten client (client id, key, test/production environment) and that the token is requested with the scope skatteetaten:innrapporteringoppdragtilutenlandske for a system user. See also the specification code.",
  },
  {
    code: "OAR_002",
    api: "oar",
    level: "main",
    httpStatus: 401, // published as 401 although it is authorisation — keep as published
    textNb: "Feil i forbindelse med autorisering",
    textEn: "Authorisation error",
    causeNb: null,
    category: "authorisation",
    retryable: false,
    action: "fix_credentials_or_access",
    ...oarAuthorisationHint,
  },
  {
    code: "OAR_003",
    api: "oar",
    level: "main",
    httpStatus: 400,
    textNb: "Feil i request",
    textEn: "Error in the request",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...HINT_REQUEST,
  },
  {
    code: "OAR_004",
    api: "oar",
    level: "main",
    httpStatus: 400,
    textNb: "Strukturell feil i tilknyttet dataformat",
    textEn: "Structural error in the data format",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    hintNb:
      "Oppdraget følger ikke dataformatet (feil struktur, ukjent felt, feil type eller ugyldig JSON). Se sti og angitt verdi, rett oppdraget og send det på nytt med ny idempotensnøkkel.",
    hintEn:
      "The oppdrag does not follow the data format (wrong structure, unknown field, wrong type or invalid JSON). See sti and angitt verdi, fix the oppdrag and send it again with a new idempotency key.",
  },
  {
    code: "OAR_005",
    api: "oar",
    level: "main",
    httpStatus: 400,
    textNb: "Feil i forbindelse med validering av payload",
    textEn: "Payload validation error",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    hintNb:
      "Oppdraget ble avvist av valideringen hos Skatteetaten. Se melding, sti og angitt verdi for hvert felt, rett opplysningene og send på nytt som en ny innsending med ny idempotensnøkkel.",
    hintEn:
      "Skatteetaten's validation rejected the oppdrag. See melding, sti and angitt verdi for each field, fix the data and send again as a new submission with a new idempotency key.",
  },
  {
    code: "OAR_006",
    api: "oar",
    level: "main",
    httpStatus: 500,
    textNb: "Uspesifisert systemfeil",
    textEn: "Unspecified system error",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY,
  },
  {
    code: "OAR_007",
    api: "oar",
    level: "main",
    httpStatus: 409,
    textNb: "Idempotensnøkkel er benyttet tidligere",
    textEn: "Idempotency key has been used before",
    causeNb: null,
    category: "idempotency",
    retryable: false,
    action: "investigate_conflict",
    ...HINT_CONFLICT,
  },
  {
    code: "OAR_008",
    api: "oar",
    level: "main",
    httpStatus: 404,
    textNb: "Finner ikke forespurt ressurs",
    textEn: "Requested resource not found",
    causeNb: null,
    category: "not_found",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...oarNotFoundHint,
  },
  {
    code: "OAR_009",
    api: "oar",
    level: "main",
    httpStatus: 405,
    textNb: "HTTP-metode ikke støttet",
    textEn: "HTTP method not supported",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_METHOD,
  },
  {
    code: "OAR_010",
    api: "oar",
    level: "main",
    httpStatus: 500,
    textNb: "Uventet feil i et bakenforliggende system",
    textEn: "Unexpected error in a backend system",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY_BACKEND,
  },

  // ----- OAR, feilspesifiseringskoder -----
  {
    code: "OAR_1001",
    api: "oar",
    level: "specification",
    httpStatus: 403,
    textNb: "Ugyldig token",
    textEn: "Invalid token",
    causeNb: null,
    category: "authentication",
    retryable: false,
    action: "fix_credentials_or_access",
    ...HINT_INVALID_TOKEN,
  },
  {
    code: "OAR_1002",
    api: "oar",
    level: "specification",
    httpStatus: 401,
    textNb: "Ikke autorisert for denne dialogen",
    textEn: "Not authorised for this dialog",
    causeNb: null,
    category: "authorisation",
    retryable: false,
    action: "fix_credentials_or_access",
    ...HINT_DIALOG,
  },
  {
    code: "OAR_1003",
    api: "oar",
    level: "specification",
    httpStatus: 400,
    textNb: "Feil i parametre",
    textEn: "Error in parameters",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...HINT_PARAMETERS,
  },
  {
    code: "OAR_1004",
    api: "oar",
    level: "specification",
    httpStatus: 404,
    textNb: "Finner ingen ressurs for denne urlen",
    textEn: "No resource found for this URL",
    causeNb: null,
    category: "not_found",
    retryable: false,
    action: "contact_support",
    hintNb: `Det finnes ingen ressurs på denne URL-en. Sjekk konfigurert base-URL og sti for OAR-API-et i dette miljøet. ${HINT_INTEGRATION_FAULT_NB}`,
    hintEn: `There is no resource at this URL. Check the configured base URL and path of the OAR API for this environment. ${HINT_INTEGRATION_FAULT_EN}`,
  },
  {
    code: "OAR_1005",
    api: "oar",
    level: "specification",
    httpStatus: 400,
    textNb: "Header mangler",
    textEn: "Header missing",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_HEADER_MISSING,
  },
  {
    code: "OAR_1006",
    api: "oar",
    level: "specification",
    httpStatus: 400,
    textNb: "Accept-header må være av type application/json",
    textEn: "Accept header must be application/json",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_ACCEPT,
  },
  {
    code: "OAR_1007",
    api: "oar",
    level: "specification",
    httpStatus: 400,
    textNb: "Feil i JSON-innhold",
    textEn: "Error in JSON content",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...HINT_JSON,
  },
  {
    code: "OAR_1008",
    api: "oar",
    level: "specification",
    httpStatus: 400,
    textNb: "Content type må være application/json",
    textEn: "Content type must be application/json",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_CONTENT_TYPE,
  },
  {
    code: "OAR_1009",
    api: "oar",
    level: "specification",
    httpStatus: 500,
    textNb: "Uventet feil i et bakenforliggende system, vennligst prøv igjen senere",
    textEn: "Unexpected error in a backend system, please try again later",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY_BACKEND,
  },
  {
    code: "OAR_1010",
    api: "oar",
    level: "specification",
    httpStatus: 404,
    textNb: "Det finnes ingen forsendelse med denne IDen for denne ordningen",
    textEn: "There is no forsendelse with this id for this scheme",
    causeNb: null,
    category: "not_found",
    retryable: false,
    action: "fix_and_resend_new_key",
    hintNb:
      "Skatteetaten finner ingen OAR-forsendelse med denne ID-en. Sjekk ID-en og at oppslaget går mot samme miljø (test eller produksjon) og samme API som innsendingen. Kom innsendingen aldri fram, må oppdraget sendes på nytt.",
    hintEn:
      "Skatteetaten finds no OAR forsendelse with this id. Check the id and that the lookup goes to the same environment (test or production) and API as the submission. If the submission never arrived, the oppdrag must be sent again.",
  },
  {
    code: "OAR_1011",
    api: "oar",
    level: "specification",
    httpStatus: 403,
    textNb: "Tokenet mangler informasjon om systembruker i authorization_details",
    textEn: "The token lacks system-user information in authorization_details",
    causeNb: null,
    category: "authentication",
    retryable: false,
    action: "fix_credentials_or_access",
    ...HINT_SYSTEM_USER,
  },
  {
    code: "OAR_1012",
    api: "oar",
    level: "specification",
    httpStatus: 400,
    textNb: "Innsendingstype passer ikke overens med om oppdraget eksisterer eller ikke",
    textEn: "The innsendingstype does not match whether the oppdrag exists",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    hintNb:
      "Innsendingstypen sier at oppdraget er nytt, men det finnes allerede hos Skatteetaten (eller omvendt: en endring av et oppdrag som ikke finnes). Send det som en endring av det eksisterende oppdraget (eller som nytt hvis det ikke finnes), med ny idempotensnøkkel.",
    hintEn:
      "The innsendingstype says the oppdrag is new but it already exists at Skatteetaten (or the other way round: a change to an oppdrag that does not exist). Send it as a change of the existing oppdrag (or as new if it does not exist), with a new idempotency key.",
  },

  // ----- A-melding, GLD feilkoder (the A-melding page before its codes were renamed AMLD) -----
  {
    code: "GLD_001",
    api: "amelding",
    level: "main",
    httpStatus: 500,
    textNb: "Uventet feil på tjenesten",
    textEn: "Unexpected error in the service",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY,
  },
  {
    code: "GLD_005",
    api: "amelding",
    level: "main",
    httpStatus: 403,
    textNb: "Feil i forbindelse med autorisering",
    textEn: "Authorisation error",
    causeNb: null,
    category: "authorisation",
    retryable: false,
    action: "fix_credentials_or_access",
    ...ameldingAuthorisationHint,
  },
  {
    code: "GLD_006",
    api: "amelding",
    level: "main",
    httpStatus: 400,
    textNb: "Feil i request",
    textEn: "Error in the request",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...HINT_REQUEST,
  },
  {
    code: "GLD_008",
    api: "amelding",
    level: "main",
    httpStatus: 400,
    textNb: "Strukturell feil i tilknyttet dataformat",
    textEn: "Structural error in the data format",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingStructureHint,
  },
  {
    code: "GLD_010",
    api: "amelding",
    level: "main",
    httpStatus: 400,
    textNb: "Feil i forbindelse med validering av payload",
    textEn: "Payload validation error",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingValidationHint,
  },
  {
    code: "GLD_011",
    api: "amelding",
    level: "main",
    httpStatus: 400,
    textNb: "Feil i metadata",
    textEn: "Error in metadata",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingMetadataHint,
  },
  {
    code: "GLD_017",
    api: "amelding",
    level: "main",
    httpStatus: 500,
    textNb: "Uspesifisert systemfeil",
    textEn: "Unspecified system error",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY,
  },
  {
    code: "GLD_019",
    api: "amelding",
    level: "main",
    httpStatus: 409,
    textNb: "Idempotensnøkkel er benyttet tidligere",
    textEn: "Idempotency key has been used before",
    causeNb: null,
    category: "idempotency",
    retryable: false,
    action: "investigate_conflict",
    ...HINT_CONFLICT,
  },
  {
    code: "GLD_021",
    api: "amelding",
    level: "main",
    httpStatus: 404,
    textNb: "Finner ikke forespurt ressurs",
    textEn: "Requested resource not found",
    causeNb: null,
    category: "not_found",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingNotFoundHint,
  },
  {
    code: "GLD_022",
    api: "amelding",
    level: "main",
    httpStatus: 405,
    textNb: "HTTP-metode ikke støttet",
    textEn: "HTTP method not supported",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_METHOD,
  },

  // ----- A-melding, feilspesifiseringskoder (with the published "Årsak") -----
  {
    code: "GLD_1022",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Feil i parametre",
    textEn: "Error in parameters",
    causeNb:
      "Diverse feil med parametre i request. Mer detaljert beskrivelse ligger i melding, sti og angitt verdi dersom det er aktuelt",
    category: "request",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...HINT_PARAMETERS,
  },
  {
    code: "GLD_1023",
    api: "amelding",
    level: "specification",
    httpStatus: 404,
    textNb: "Finner ingen ressurs for denne urlen",
    textEn: "No resource found for this URL",
    causeNb: "Det er ikke noe innhold tilgjengelig på denne URLen",
    category: "not_found",
    retryable: false,
    action: "contact_support",
    hintNb: `Det finnes ingen ressurs på denne URL-en. Sjekk konfigurert base-URL og sti for A-melding-API-et i dette miljøet. ${HINT_INTEGRATION_FAULT_NB}`,
    hintEn: `There is no resource at this URL. Check the configured base URL and path of the A-melding API for this environment. ${HINT_INTEGRATION_FAULT_EN}`,
  },
  {
    code: "GLD_1027",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Inntektsår er ikke støttet",
    textEn: "Income year not supported",
    causeNb: "Det er ikke tillatt å levere på oppgitt inntektsår",
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...incomeYearHint,
  },
  {
    code: "GLD_1028",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Header mangler",
    textEn: "Header missing",
    causeNb: "Påkrevd header er ikke med i requesten",
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_HEADER_MISSING,
  },
  {
    code: "GLD_1030",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Accept-header må være av type application/json",
    textEn: "Accept header must be application/json",
    causeNb: "Accept header er feil. APIet har kun støtte for json i response",
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_ACCEPT,
  },
  {
    code: "GLD_1047",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Content type må være application/json",
    textEn: "Content type must be application/json",
    causeNb: "Content-type header er feil. APIet har kun støtte for json i request body",
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_CONTENT_TYPE,
  },

  // ----- A-melding, AMLD feilkoder (the A-melding page today) -----
  {
    code: "AMLD_001",
    api: "amelding",
    level: "main",
    httpStatus: 500,
    textNb: "Uventet feil på tjenesten",
    textEn: "Unexpected error",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY,
  },
  {
    code: "AMLD_004",
    api: "amelding",
    level: "main",
    httpStatus: 401,
    textNb: "Feil i forbindelse med autentisering",
    textEn: "Authentication error",
    causeNb: null,
    category: "authentication",
    retryable: false,
    action: "fix_credentials_or_access",
    ...ameldingAuthenticationHint,
  },
  {
    code: "AMLD_005",
    api: "amelding",
    level: "main",
    httpStatus: 403,
    textNb: "Feil i forbindelse med autorisering",
    textEn: "Authorisation error",
    causeNb: null,
    category: "authorisation",
    retryable: false,
    action: "fix_credentials_or_access",
    ...ameldingAuthorisationHint,
  },
  {
    code: "AMLD_006",
    api: "amelding",
    level: "main",
    httpStatus: 400,
    textNb: "Feil i request",
    textEn: "Request error",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...HINT_REQUEST,
  },
  {
    code: "AMLD_008",
    api: "amelding",
    level: "main",
    httpStatus: 400,
    textNb: "Strukturell feil i tilknyttet dataformat",
    textEn: "Structural error in the data format",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingStructureHint,
  },
  {
    code: "AMLD_010",
    api: "amelding",
    level: "main",
    httpStatus: 400,
    textNb: "Feil i forbindelse med validering av payload",
    textEn: "Payload validation error",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingValidationHint,
  },
  {
    code: "AMLD_011",
    api: "amelding",
    level: "main",
    httpStatus: 400,
    textNb: "Feil i metadata",
    textEn: "Metadata error",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingMetadataHint,
  },
  {
    code: "AMLD_017",
    api: "amelding",
    level: "main",
    httpStatus: 500,
    textNb: "Uspesifisert systemfeil",
    textEn: "Unspecified system error",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY,
  },
  {
    code: "AMLD_019",
    api: "amelding",
    level: "main",
    httpStatus: 409,
    textNb: "Idempotensnøkkel er benyttet tidligere",
    textEn: "Idempotency key has been used before",
    causeNb: null,
    category: "idempotency",
    retryable: false,
    action: "investigate_conflict",
    ...HINT_CONFLICT,
  },
  {
    code: "AMLD_021",
    api: "amelding",
    level: "main",
    httpStatus: 404,
    textNb: "Finner ikke forespurt ressurs",
    textEn: "Resource not found",
    causeNb: null,
    category: "not_found",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingNotFoundHint,
  },
  {
    code: "AMLD_022",
    api: "amelding",
    level: "main",
    httpStatus: 405,
    textNb: "HTTP-metode ikke støttet",
    textEn: "Method not supported",
    causeNb: null,
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_METHOD,
  },
  {
    code: "AMLD_023",
    api: "amelding",
    level: "main",
    httpStatus: 500,
    textNb: "Uventet feil i et bakenforliggende system",
    textEn: "Backend error",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY_BACKEND,
  },

  // ----- A-melding, AMLD feilspesifiseringskoder -----
  {
    code: "AMLD_1008",
    api: "amelding",
    level: "specification",
    httpStatus: 401,
    textNb: "Ugyldig token",
    textEn: "Invalid token",
    causeNb: null,
    category: "authentication",
    retryable: false,
    action: "fix_credentials_or_access",
    ...HINT_INVALID_TOKEN,
  },
  {
    code: "AMLD_1015",
    api: "amelding",
    level: "specification",
    httpStatus: 403,
    textNb: "Ikke autorisert for denne dialogen",
    textEn: "Not authorised for this dialog",
    causeNb: null,
    category: "authorisation",
    retryable: false,
    action: "fix_credentials_or_access",
    ...HINT_DIALOG,
  },
  {
    code: "AMLD_1022",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Feil i parametre",
    textEn: "Parameter error",
    causeNb:
      "Diverse feil med parametre i request. Mer detaljert beskrivelse ligger i melding, sti og angitt verdi dersom det er aktuelt",
    category: "request",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...HINT_PARAMETERS,
  },
  {
    code: "AMLD_1023",
    api: "amelding",
    level: "specification",
    httpStatus: 404,
    textNb: "Finner ingen ressurs for denne urlen",
    textEn: "No resource at this URL",
    causeNb: "Det er ikke noe innhold tilgjengelig på denne URLen",
    category: "not_found",
    retryable: false,
    action: "contact_support",
    hintNb: `Det finnes ingen ressurs på denne URL-en. Sjekk konfigurert base-URL og sti for A-melding-API-et i dette miljøet. ${HINT_INTEGRATION_FAULT_NB}`,
    hintEn: `There is no resource at this URL. Check the configured base URL and path of the A-melding API for this environment. ${HINT_INTEGRATION_FAULT_EN}`,
  },
  {
    code: "AMLD_1027",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Inntektsår er ikke støttet",
    textEn: "Income year not supported",
    causeNb: "Det er ikke tillatt å levere på oppgitt inntektsår",
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...incomeYearHint,
  },
  {
    code: "AMLD_1028",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Header mangler",
    textEn: "Header missing",
    causeNb: "Påkrevd header er ikke med i requesten",
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_HEADER_MISSING,
  },
  {
    code: "AMLD_1030",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Accept-header må være av type application/json",
    textEn: "Accept must be application/json",
    causeNb: "Accept header er feil. APIet har kun støtte for json i response",
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_ACCEPT,
  },
  {
    code: "AMLD_1032",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Feil i json-innhold",
    textEn: "JSON content error",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...HINT_JSON,
  },
  {
    code: "AMLD_1047",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Content type må være application/json",
    textEn: "Content-Type must be application/json",
    causeNb: "Content-type header er feil. APIet har kun støtte for json i request body",
    category: "request",
    retryable: false,
    action: "contact_support",
    ...HINT_CONTENT_TYPE,
  },
  {
    code: "AMLD_1050",
    api: "amelding",
    level: "specification",
    httpStatus: 404,
    textNb: "Finner ikke et dokument med denne IDen på denne forsendelsen",
    textEn: "No document with this id on the forsendelse",
    causeNb: null,
    category: "not_found",
    retryable: false,
    action: "fix_and_resend_new_key",
    hintNb:
      "Forsendelsen har ikke noe dokument med denne ID-en. Sjekk dokument-ID-en som ble brukt i oppslaget (for eksempel tilbakemeldingens ID fra Dialogporten), og at den hører til denne forsendelsen.",
    hintEn:
      "The forsendelse has no document with this id. Check the document id used in the lookup (for example the feedback id from Dialogporten) and that it belongs to this forsendelse.",
  },
  {
    code: "AMLD_1051",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Opplysningspliktig i path og i innsending er ulike",
    textEn: "Opplysningspliktig in the path differs from the body",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    hintNb:
      "Organisasjonsnummeret i URL-en er ikke det samme som opplysningspliktig/norskIdentifikator i leveransen. Sørg for at begge er den opplysningspliktiges organisasjonsnummer, og send på nytt med ny idempotensnøkkel.",
    hintEn:
      "The organisation number in the URL differs from opplysningspliktig/norskIdentifikator in the leveranse. Make both the opplysningspliktig's organisation number and send again with a new idempotency key.",
  },
  {
    code: "AMLD_1052",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Periode (kalendermåned) i path og i innsending er ulike",
    textEn: "Kalendermåned in the path differs from the body",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    hintNb:
      "Kalendermåneden i URL-en er ikke den samme som kalendermaaned i leveransen. Sørg for at begge gjelder samme måned (ÅÅÅÅ-MM), og send på nytt med ny idempotensnøkkel.",
    hintEn:
      "The calendar month in the URL differs from kalendermaaned in the leveranse. Make both the same month (YYYY-MM) and send again with a new idempotency key.",
  },
  {
    code: "AMLD_1053",
    api: "amelding",
    level: "specification",
    httpStatus: 500,
    textNb: "Uventet feil i et bakenforliggende system, vennligst prøv igjen senere",
    textEn: "Backend error, retry later",
    causeNb: null,
    category: "server",
    retryable: true,
    action: "retry_same_key",
    ...HINT_RETRY_BACKEND,
  },
  {
    code: "AMLD_1061",
    api: "amelding",
    level: "specification",
    httpStatus: 404,
    textNb: "Det finnes ingen forsendelse med denne IDen for denne ordningen",
    textEn: "No forsendelse with this id",
    causeNb: null,
    category: "not_found",
    retryable: false,
    action: "fix_and_resend_new_key",
    ...ameldingForsendelseHint,
  },
  {
    code: "AMLD_1062",
    api: "amelding",
    level: "specification",
    httpStatus: 400,
    textNb: "Oppgavegiver er ikke hovedenhet, og kan derfor ikke rapportere for ordningen",
    textEn: "The oppgavegiver is not a hovedenhet",
    causeNb: null,
    category: "validation",
    retryable: false,
    action: "fix_and_resend_new_key",
    hintNb:
      "Opplysningspliktig må være den juridiske enheten (hovedenheten), ikke en underenhet. Bruk hovedenhetens organisasjonsnummer som opplysningspliktig (også i URL-en), legg underenhetene under virksomhet, og send på nytt med ny idempotensnøkkel.",
    hintEn:
      "The opplysningspliktig must be the legal entity (hovedenhet), not a sub-unit. Use the hovedenhet's organisation number as opplysningspliktig (also in the URL), put the sub-units under virksomhet, and send again with a new idempotency key.",
  },
  {
    code: "AMLD_1063",
    api: "amelding",
    level: "specification",
    httpStatus: 403,
    textNb: "Tokenet mangler informasjon om systembruker i authorization_details",
    textEn: "The token lacks a system user",
    causeNb: null,
    category: "authentication",
    retryable: false,
    action: "fix_credentials_or_access",
    ...HINT_SYSTEM_USER,
  },
] as const satisfies readonly CatalogueEntry[];

/** Every catalogued code as a literal union, e.g. "OAR_005" | "GLD_1027" | … */
export type KnownErrorCode = (typeof ERROR_CATALOGUE)[number]["code"];

const BY_CODE: ReadonlyMap<string, CatalogueEntry> = new Map(ERROR_CATALOGUE.map((e) => [e.code, e]));

/** Looks a code up, tolerating surrounding whitespace and lower case ("oar_005"). */
export function lookupErrorCode(code: string): CatalogueEntry | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** The entry of a code named in our own code: the catalogue holds every KnownErrorCode. */
export function catalogueEntry(code: KnownErrorCode): CatalogueEntry {
  const entry = BY_CODE.get(code);
  if (!entry) throw new Error(`${code} is missing from the error catalogue`);
  return entry;
}

/** Type guard for code strings that are in the catalogue. */
export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return BY_CODE.has(code);
}

/**
 * Said instead of a "retry_same_key" hint once the engine has stopped retrying (the submission
 * is `failed`): those hints promise an automatic retry that will no longer come.
 */
export const HINT_RETRIES_EXHAUSTED = {
  hintNb:
    "Systemet har sluttet å prøve på nytt av seg selv, og utfallet av det siste forsøket er ukjent. Prøv igjen med samme nøkkel når feilen er borte – Skatteetaten behandler innsendingen bare én gang. Vedvarer feilen, kontakt Skatteetaten og oppgi korrelasjonsid-en.",
  hintEn:
    "The system has stopped retrying by itself, and the outcome of the last attempt is unknown. Retry with the same key once the fault is gone – Skatteetaten processes the submission only once. If it persists, contact Skatteetaten and quote the korrelasjonsid.",
} as const;

/**
 * The remediation hint to show, in the reader's language. `retriesRemain` says whether the engine
 * will still send again by itself (false once a submission is failed, rejected or in conflict);
 * a hint promising an automatic retry is replaced when none will come.
 */
export function remediationHint(
  decision: { action: ErrorAction; hintNb: string; hintEn: string },
  locale: string,
  retriesRemain: boolean,
): string {
  const hints = decision.action === "retry_same_key" && !retriesRemain ? HINT_RETRIES_EXHAUSTED : decision;
  return locale === "nb" ? hints.hintNb : hints.hintEn;
}
