/**
 * The Maskinporten scopes this product asks for, defined once. The adapters, the diagnostics
 * page, the Altinn client and the sandbox's authorisation checks all read them from here.
 * Plain constants, safe to import anywhere.
 */
export const SCOPES = {
  /** Skatteetaten's OAR API (oppdrag til utenlandske). */
  oar: "skatteetaten:innrapporteringoppdragtilutenlandske",
  /** Skatteetaten's A-melding APIs (innsending, file upload, feedback). */
  amelding: "skatteetaten:innrapporteringamelding",
  /** Dialogporten's end-user API, for the A-melding feedback dialogs. */
  dialogporten: "digdir:dialogporten",
  /** Altinn's system-user request API, read and write (the vendor's own token). */
  systemUserRequestRead: "altinn:authentication/systemuser.request.read",
  systemUserRequestWrite: "altinn:authentication/systemuser.request.write",
} as const;

/** The scopes the diagnostics page lets an admin try for an organisation's system user. */
export const DIAGNOSTIC_SCOPES = [SCOPES.oar, SCOPES.amelding, SCOPES.dialogporten] as const;
