import type { DecodedSkatteetatenError } from "./decoded-error";

const STATUS_TEXT: Record<number, { nb: string; en: string }> = {
  400: { nb: "Ugyldig forespørsel", en: "Bad request" },
  401: { nb: "Ikke autentisert", en: "Unauthorised" },
  403: { nb: "Ingen tilgang", en: "Forbidden" },
  404: { nb: "Ikke funnet", en: "Not found" },
  405: { nb: "Metoden er ikke tillatt", en: "Method not allowed" },
  408: { nb: "Tidsavbrudd for forespørselen", en: "Request timeout" },
  409: { nb: "Konflikt", en: "Conflict" },
  413: { nb: "For stor forespørsel", en: "Payload too large" },
  415: { nb: "Innholdstypen støttes ikke", en: "Unsupported media type" },
  429: { nb: "For mange forespørsler", en: "Too many requests" },
  500: { nb: "Intern feil hos tjenesten", en: "Internal server error" },
  502: { nb: "Feil i mellomledd (Bad Gateway)", en: "Bad gateway" },
  503: { nb: "Tjenesten er midlertidig utilgjengelig", en: "Service unavailable" },
  504: { nb: "Tidsavbrudd i mellomledd (Gateway Timeout)", en: "Gateway timeout" },
};

function statusText(status: number, locale: "nb" | "en"): string {
  const known = STATUS_TEXT[status];
  if (known) return known[locale];
  if (status >= 400 && status <= 499) return locale === "nb" ? "Feil i forespørselen" : "Client error";
  if (status >= 500 && status <= 599) return locale === "nb" ? "Feil hos tjenesten" : "Server error";
  return locale === "nb" ? "Uventet svar" : "Unexpected response";
}

const SUMMARY_MAX = 160;

/**
 * One short line for lists, e.g. "OAR_005 Feil i forbindelse med validering av payload",
 * "OAR_001 Feil i forbindelse med autentisering (OAR_1011)" or "HTTP 502 Feil i mellomledd (Bad Gateway)".
 * Known codes use the catalogue text of the locale; unknown codes the server's melding.
 */
export function summariseDecodedError(decoded: DecodedSkatteetatenError, locale: "nb" | "en"): string {
  const specCodes = [...new Set(decoded.specifications.flatMap((s) => (s.kode ? [s.kode] : [])))];
  const primaryCode = decoded.code ?? specCodes[0] ?? null;
  const primaryEntry = decoded.code
    ? decoded.entry
    : (decoded.specifications.find((s) => s.kode === primaryCode)?.entry ?? null);

  let line: string;
  if (primaryCode) {
    const label = primaryEntry
      ? locale === "nb"
        ? primaryEntry.textNb
        : primaryEntry.textEn
      : (decoded.melding ?? (locale === "nb" ? "Ukjent feilkode" : "Unknown error code"));
    line = `${primaryCode} ${label}`;
    const extra = specCodes.filter((c) => c !== primaryCode);
    if (extra.length > 0) {
      const shown = extra.slice(0, 2).join(", ");
      line += extra.length > 2 ? ` (${shown} +${extra.length - 2})` : ` (${shown})`;
    }
  } else {
    const useMelding = decoded.melding !== null && (decoded.bodyFormat === "json" || decoded.bodyFormat === "xml");
    line = `HTTP ${decoded.httpStatus} ${useMelding ? decoded.melding : statusText(decoded.httpStatus, locale)}`;
  }
  line = line.replace(/\s+/g, " ").trim();
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
}
