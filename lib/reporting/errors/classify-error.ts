import type { DecodedSpecification } from "./decoded-error";
import type { CatalogueEntry, ErrorAction, ErrorCategory } from "./error-catalogue";

/*
 * Classifying an error answer: transient (retry with the same key) or permanent, its category,
 * the action it calls for and the remediation hint, from the catalogue entry of its most
 * specific known code or else from the HTTP status.
 */

/** What to do about an error answer, and the hint shown for it. */
export type Decision = {
  category: ErrorCategory;
  retryable: boolean;
  action: ErrorAction;
  hintNb: string;
  hintEn: string;
};

const STATUS_HINT = {
  retry: {
    hintNb:
      "Svaret kom uten kjent feilkode (ofte fra en mellomtjener), og utfallet er ukjent. Systemet prøver igjen med samme idempotensnøkkel og samme innhold, så innsendingen behandles bare én gang. Vedvarer feilen, kontakt Skatteetaten og oppgi korrelasjonsid-en om den finnes.",
    hintEn:
      "The answer carried no known error code (often from a proxy) and the outcome is unknown. The system retries with the same idempotency key and the same body, so the submission is processed only once. If it persists, contact Skatteetaten and quote the korrelasjonsid if there is one.",
  },
  rateLimited: {
    hintNb:
      "Skatteetaten ber om færre kall (HTTP 429). Systemet venter (Retry-After når den er oppgitt) og prøver igjen med samme idempotensnøkkel og samme innhold.",
    hintEn:
      "Skatteetaten asks for fewer calls (HTTP 429). The system waits (Retry-After when given) and retries with the same idempotency key and the same body.",
  },
  timeout: {
    hintNb:
      "Forespørselen ble tidsavbrutt (HTTP 408), og utfallet er ukjent. Systemet prøver igjen med samme idempotensnøkkel og samme innhold.",
    hintEn:
      "The request timed out (HTTP 408) and the outcome is unknown. The system retries with the same idempotency key and the same body.",
  },
  authentication: {
    hintNb:
      "Tilgangstokenet ble ikke godtatt. Sjekk Maskinporten-klienten (klient-ID, nøkkel, miljø), scopet for API-et og at tokenet er bestilt for en systembruker.",
    hintEn:
      "The access token was not accepted. Check the Maskinporten client (client id, key, environment), the API's scope and that the token is requested for a system user.",
  },
  authorisation: {
    hintNb:
      "Tokenet gir ikke tilgang. Sjekk scopet i Maskinporten og at systembrukeren har rettigheten for API-et i Altinn for denne organisasjonen.",
    hintEn:
      "The token grants no access. Check the scope in Maskinporten and that the system user has the API's right in Altinn for this organisation.",
  },
  notFound: {
    hintNb:
      "Ressursen finnes ikke. Sjekk konfigurert base-URL og sti for API-et i dette miljøet, og ID-en det spørres etter.",
    hintEn:
      "The resource does not exist. Check the API's configured base URL and path for this environment, and the requested id.",
  },
  conflict: {
    hintNb:
      "Konflikt (HTTP 409): idempotensnøkkelen er trolig brukt før med et annet innhold. Ikke send på nytt i blinde: slå opp hva det første kallet med nøkkelen førte til.",
    hintEn:
      "Conflict (HTTP 409): the idempotency key was probably used before with a different body. Never resend blindly: look up what the first call with the key did.",
  },
  integration: {
    hintNb:
      "API-et avviste måten forespørselen ble sendt på (metode eller innholdstype). Dette er en feil i integrasjonen: meld fra til dem som drifter Innrapportering.",
    hintEn:
      "The API rejected how the request was sent (method or content type). This is an integration fault: report it to whoever runs Innrapportering.",
  },
  request: {
    hintNb:
      "Skatteetaten avviste forespørselen uten kjent feilkode. Se meldingen og rå-svaret, rett feilen og send som et nytt kall med ny idempotensnøkkel.",
    hintEn:
      "Skatteetaten rejected the request without a known error code. See the message and the raw answer, fix the problem and send as a new call with a new idempotency key.",
  },
  unexpected: {
    hintNb: "Uventet HTTP-status for et feilsvar. Se rå-svaret og meld fra til dem som drifter Innrapportering.",
    hintEn:
      "Unexpected HTTP status for an error answer. See the raw answer and report it to whoever runs Innrapportering.",
  },
} as const;

function decideFromStatus(status: number): Decision {
  if (status === 429)
    return { category: "server", retryable: true, action: "retry_same_key", ...STATUS_HINT.rateLimited };
  // 408: the server gave up waiting; like a timeout, the outcome is unknown and a same-key retry is safe.
  if (status === 408) return { category: "server", retryable: true, action: "retry_same_key", ...STATUS_HINT.timeout };
  if (status >= 500 && status <= 599)
    return { category: "server", retryable: true, action: "retry_same_key", ...STATUS_HINT.retry };
  if (status === 401)
    return {
      category: "authentication",
      retryable: false,
      action: "fix_credentials_or_access",
      ...STATUS_HINT.authentication,
    };
  if (status === 403)
    return {
      category: "authorisation",
      retryable: false,
      action: "fix_credentials_or_access",
      ...STATUS_HINT.authorisation,
    };
  if (status === 404)
    return { category: "not_found", retryable: false, action: "fix_and_resend_new_key", ...STATUS_HINT.notFound };
  if (status === 409)
    return { category: "idempotency", retryable: false, action: "investigate_conflict", ...STATUS_HINT.conflict };
  if (status === 405 || status === 406 || status === 415)
    return { category: "request", retryable: false, action: "contact_support", ...STATUS_HINT.integration };
  if (status >= 400 && status <= 499)
    return { category: "request", retryable: false, action: "fix_and_resend_new_key", ...STATUS_HINT.request };
  return { category: "request", retryable: false, action: "contact_support", ...STATUS_HINT.unexpected };
}

function decideFromEntry(e: CatalogueEntry): Decision {
  return { category: e.category, retryable: e.retryable, action: e.action, hintNb: e.hintNb, hintEn: e.hintEn };
}

/**
 * Decides from the codes, never the text: a known specification code first (a retryable one
 * before others), then the main code, then the HTTP status; HTTP 429 is always retryable.
 */
export function classifyError(
  status: number,
  main: CatalogueEntry | null,
  specifications: readonly DecodedSpecification[],
): Decision {
  const specEntries = specifications.flatMap((s) => (s.entry ? [s.entry] : []));
  const refining = specEntries.find((e) => e.retryable) ?? specEntries[0] ?? null;
  const source = refining ?? main;
  const decision = source ? decideFromEntry(source) : decideFromStatus(status);
  if (status === 429)
    return { ...decision, category: "server", retryable: true, action: "retry_same_key", ...STATUS_HINT.rateLimited };
  return decision;
}
