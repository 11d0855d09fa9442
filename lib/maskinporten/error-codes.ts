/**
 * What each Maskinporten rejection means and what to do about it. Codes and wording follow
 * Digdir's "Feilsøking i Maskinporten" page (docs/domain.md, "Maskinporten"). Maskinporten does not always
 * include the MP code, so each entry also lists phrases of its error_description to match on.
 */
export const MASKINPORTEN_ERROR_REASONS = [
  "invalid_parameter",
  "reused_grant",
  "unknown_client",
  "wrong_audience",
  "invalid_certificate",
  "expired_key",
  "certificate_org_mismatch",
  "invalid_x5c_header",
  "bad_signature",
  "expired_grant",
  "clock_skew",
  "unknown_kid",
  "missing_kid",
  "unsupported_algorithm",
  "undocumented_claim",
  "invalid_consumer_org",
  "invalid_scope",
  "scope_not_allowed_for_maskinporten",
  "no_access_to_scope",
  "not_delegated",
  "authorization_details_type",
  "authorization_details_fields",
  "authorization_details_values",
  "invalid_request",
  "unsupported_grant_type",
  "invalid_assertion",
  "unknown",
] as const;
export type MaskinportenErrorReason = (typeof MASKINPORTEN_ERROR_REASONS)[number];

export type ErrorDecoding = {
  reason: MaskinportenErrorReason;
  mpCode?: string;
  explanation: string;
  hint: string;
};

type Entry = ErrorDecoding & { phrases: string[] };

const CHECK_ENV = "Check the MASKINPORTEN_* settings (`npm run maskinporten -- check` shows the decoded answer).";

/** Codes documented by Digdir. */
const BY_CODE: Record<string, Entry> = {
  "MP-011": {
    reason: "invalid_parameter",
    explanation: "Maskinporten could not parse the JWT grant: a parameter value is invalid.",
    hint: "Look for stray line breaks or typos in the grant and its claims.",
    phrases: ["invalid parameter value"],
  },
  "MP-012": {
    reason: "reused_grant",
    explanation: "This JWT grant was already used. Every grant needs a new unique jti.",
    hint: "Create a new grant with a fresh jti for every token request; never resend a grant.",
    phrases: ["grant is used before"],
  },
  "MP-100": {
    reason: "unknown_client",
    explanation: "Maskinporten does not know this client id in this environment.",
    hint: "Check MASKINPORTEN_CLIENT_ID, and that the client was created in the same environment as MASKINPORTEN_ISSUER (test vs production).",
    phrases: ["client not found"],
  },
  "MP-110": {
    reason: "wrong_audience",
    explanation: "The grant's aud claim is not this Maskinporten's issuer.",
    hint: "Set MASKINPORTEN_ISSUER to the environment's issuer with its trailing slash (https://test.maskinporten.no/ or https://maskinporten.no/); the token URL is not accepted as aud.",
    phrases: ["invalid jwt claim aud"],
  },
  "MP-120": {
    reason: "invalid_certificate",
    explanation: "The grant is signed with a certificate Maskinporten does not accept.",
    hint: "Use a valid virksomhetssertifikat: a test certificate against test.maskinporten.no, a production certificate against maskinporten.no.",
    phrases: ["signed with an invalid certificate"],
  },
  "MP-121": {
    reason: "expired_key",
    explanation: "The key registered on the Maskinporten client has expired (keys live one year).",
    hint: "Upload a new public key to the client (or re-upload the same one to renew it) and set MASKINPORTEN_KID to its kid.",
    phrases: ["expired key"],
  },
  "MP-122": {
    reason: "certificate_org_mismatch",
    explanation: "The certificate belongs to another organisation than the one owning the client.",
    hint: "Use a virksomhetssertifikat issued to the client's organisation.",
    phrases: ["does not match certificate orgno"],
  },
  "MP-123": {
    reason: "invalid_x5c_header",
    explanation: "The x5c header of the grant is invalid.",
    hint: "x5c must be an array of base64 DER certificates, leaf first. Check MASKINPORTEN_CERTIFICATE_CHAIN_FILE.",
    phrases: ["invalid jwt header x5c"],
  },
  "MP-124": {
    reason: "bad_signature",
    explanation: "The grant's signature does not match the key registered on the client.",
    hint: "MASKINPORTEN_PRIVATE_KEY must be the private half of the public key registered with MASKINPORTEN_KID (or of the certificate).",
    phrases: ["invalid jwt signature"],
  },
  "MP-130": {
    reason: "expired_grant",
    explanation: "The grant was expired or outside the accepted time window when Maskinporten got it.",
    hint: "Check that this server's clock is synchronised (NTP); iat must be within about 10 seconds of Maskinporten's clock.",
    phrases: ["jwt is expired"],
  },
  "MP-200": {
    reason: "invalid_scope",
    explanation: "The client is not registered for one of the requested scopes.",
    hint: "Add the scope to the Maskinporten client (self-service) and check the scope name for typos.",
    phrases: ["invalid scopes for client"],
  },
  "MP-201": {
    reason: "scope_not_allowed_for_maskinporten",
    explanation: "The scope does not accept this kind of client (integration type).",
    hint: "Create a new Maskinporten client with the integration type the scope requires.",
    phrases: ["scopes not allowed for maskinporten"],
  },
  "MP-250": {
    reason: "no_access_to_scope",
    explanation: "Your organisation has not been granted access to the scope by the API provider.",
    hint: "Ask the API provider (Skatteetaten or Digdir) for access to the scope in this environment.",
    phrases: ["has not been granted access to the scope"],
  },
  "MP-251": {
    reason: "not_delegated",
    explanation: "The consumer has not delegated the scope to you as supplier in Altinn.",
    hint: "The consumer must delegate the right to your organisation in Altinn (delegations in production do not apply in tt02).",
    phrases: ["has not delegated access to the scope"],
  },
  "MP-301": {
    reason: "authorization_details_type",
    explanation: "authorization_details asks for a type Maskinporten does not support.",
    hint: 'Use type "urn:altinn:systemuser" for system-user tokens.',
    phrases: ["unknown authorization details type"],
  },
  "MP-302": {
    reason: "authorization_details_fields",
    explanation: "authorization_details contains fields Maskinporten does not know.",
    hint: "Send only type and systemuser_org {authority, ID} in authorization_details.",
    phrases: ["unknown fields in the authorization details"],
  },
  "MP-303": {
    reason: "authorization_details_values",
    explanation:
      "authorization_details has an invalid value — usually the organisation is not the owner of a system user for this system.",
    hint: "Use the orgnr of the organisation that owns (approved) the system user — an accountant's own orgnr, never its client's — and check that the system user request was accepted in Altinn.",
    phrases: ["invalid authorization details values"],
  },
};

/** Rejections Maskinporten words without a documented code. */
const BY_PHRASE: Entry[] = [
  {
    reason: "unknown_kid",
    explanation: "The grant's kid is not a key registered on the client.",
    hint: "Set MASKINPORTEN_KID to the kid of a key registered on the Maskinporten client.",
    phrases: ["unknown key identifier"],
  },
  {
    reason: "missing_kid",
    explanation: "The client has registered keys, but the grant names none (no kid and no x5c).",
    hint: "Set MASKINPORTEN_KID, or MASKINPORTEN_CERTIFICATE_CHAIN_FILE when the client uses a virksomhetssertifikat.",
    phrases: ["no key identifier (kid) provided"],
  },
  {
    reason: "clock_skew",
    explanation: "The grant's iat is too far from Maskinporten's clock.",
    hint: "Synchronise this server's clock (NTP); iat must be within about 10 seconds of Maskinporten's clock.",
    phrases: ["issue time is after now", "iat is more than"],
  },
  {
    reason: "unsupported_algorithm",
    explanation: "The grant is signed with an algorithm Maskinporten does not accept.",
    hint: "Set MASKINPORTEN_ALG to RS256, RS384 or RS512.",
    phrases: ["unsupported signing algorithm"],
  },
  {
    reason: "undocumented_claim",
    explanation: "The grant contains a claim Maskinporten does not document, so it is rejected.",
    hint: "Send only aud, iss, scope, iat, exp, jti and the optional resource, consumer_org or authorization_details.",
    phrases: ["undocumented claim"],
  },
  {
    reason: "invalid_consumer_org",
    explanation: "consumer_org cannot be used this way (own organisation, or together with iss_onbehalfof).",
    hint: "Remove MASKINPORTEN_CONSUMER_ORG unless you act for another organisation that delegated the scope to you.",
    phrases: ["consumer_org"],
  },
];

const GENERIC: Record<string, ErrorDecoding> = {
  invalid_request: {
    reason: "invalid_request",
    explanation: "Maskinporten could not read the token request.",
    hint: "This is a client bug or a proxy altering the request; check the token URL.",
  },
  unsupported_grant_type: {
    reason: "unsupported_grant_type",
    explanation: "The token request used a grant type Maskinporten does not support.",
    hint: "grant_type must be urn:ietf:params:oauth:grant-type:jwt-bearer.",
  },
  invalid_scope: {
    reason: "invalid_scope",
    explanation: "One of the requested scopes is not valid for this client.",
    hint: "Check the scope names and that they are registered on the client.",
  },
  invalid_grant: {
    reason: "invalid_assertion",
    explanation: "Maskinporten rejected the JWT grant (invalid assertion).",
    hint: CHECK_ENV,
  },
};

const UNKNOWN: ErrorDecoding = {
  reason: "unknown",
  explanation: "Maskinporten rejected the request with an error this app does not know.",
  hint: `Read the error description and Digdir's troubleshooting page. ${CHECK_ENV}`,
};

const MP_CODE = /\bMP-\d{3}\b/;

export function findMpCode(...texts: (string | undefined)[]): string | undefined {
  for (const t of texts) {
    const m = t?.match(MP_CODE);
    if (m) return m[0];
  }
  return undefined;
}

function strip({ phrases: _phrases, ...decoding }: Entry): ErrorDecoding {
  return decoding;
}

/** Decodes an OAuth error answer: by MP code first, then by known wording, then by error. */
export function decodeMaskinportenErrorBody(body: {
  error?: string;
  error_description?: string;
  error_uri?: string;
}): ErrorDecoding {
  const mpCode = findMpCode(body.error_description, body.error_uri);
  const known = mpCode ? BY_CODE[mpCode] : undefined;
  if (known) return { ...strip(known), mpCode };

  const text = (body.error_description ?? "").toLowerCase();
  const byPhrase = [...BY_PHRASE, ...Object.entries(BY_CODE).map(([code, e]) => ({ ...e, mpCode: code }))].find((e) =>
    e.phrases.some((p) => text.includes(p)),
  );
  // A code we do not know is kept as it is: the user can still search Digdir's docs for it.
  if (mpCode) return { ...UNKNOWN, mpCode };
  if (byPhrase) return strip(byPhrase);
  if (text.includes("invalid assertion")) return GENERIC.invalid_grant ?? UNKNOWN;
  return (body.error ? GENERIC[body.error] : undefined) ?? UNKNOWN;
}

export const DOCUMENTED_MP_CODES = Object.keys(BY_CODE);
