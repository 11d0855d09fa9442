/**
 * Every message key the A-melding schema and checks produce, each a key in
 * `ameldingValidation.*` of the message files. Type errors zod reports itself (a list where an
 * object belongs, in imported JSON) carry zod's own text; they map to `structureInvalid`.
 */
export const AMELDING_MESSAGE_KEYS = [
  "required",
  "tooLong",
  "textInvalid",
  "structureInvalid",
  "codeUnknown",
  "amountInvalid",
  "amountDecimals",
  "amountWholeKroner",
  "deductionNegative",
  "percentRange",
  "hoursRange",
  "dateInvalid",
  "dateTimeInvalid",
  "endBeforeStart",
  "orgnrFormat",
  "orgnrChecksum",
  "fnrFormat",
  "fnrChecksum",
  "fnrDate",
  "countryInvalid",
  "meldingsIdTooLong",
  "meldingsIdFormat",
  "meldingsIdUsed",
  "replacesItself",
  "kalendermaanedFormat",
  "kalendermaanedRange",
  "yrkeFormat",
  "requiredForOrdinaryEmployment",
  "inntektTypeSeveral",
  "identifierRequired",
  "identifierBoth",
  "requiredWithoutFnr",
  "duplicatePerson",
  "duplicateVirksomhet",
  "virksomhetRequired",
  "amountNotNegative",
  "duplicateDate",
  "sumMismatch",
  "sumMissing",
  "organisationMismatch",
  "replacementMonthChanged",
] as const;

export type AmeldingMessageKey = (typeof AMELDING_MESSAGE_KEYS)[number];

const known = new Set<string>(AMELDING_MESSAGE_KEYS);

/** The `ameldingValidation.*` key for a schema issue's message. */
export function ameldingMessageKey(message: string): AmeldingMessageKey {
  return known.has(message) ? (message as AmeldingMessageKey) : "structureInvalid";
}
