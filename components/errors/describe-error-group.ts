import { lookupErrorCode, remediationHint } from "@/lib/reporting/errors/error-catalogue";

/**
 * A group's codes in words from the error catalogue, in the reader's language. As in the
 * decoder, a known specification code is the more specific one, so its hint wins. Every group
 * on /feil has ended (rejected, failed or in conflict), so no hint promises an automatic retry.
 */
export function describeErrorGroup(group: { code: string | null; specCode: string | null }, locale: string) {
  const main = group.code ? lookupErrorCode(group.code) : undefined;
  const spec = group.specCode ? lookupErrorCode(group.specCode) : undefined;
  const nb = locale === "nb";
  const decisive = spec ?? main;
  return {
    /** False for a code Skatteetaten sent that the catalogue does not know. */
    known: group.code === null || main !== undefined,
    text: main ? (nb ? main.textNb : main.textEn) : null,
    specText: spec ? (nb ? spec.textNb : spec.textEn) : null,
    hint: decisive ? remediationHint(decisive, locale, false) : null,
  };
}
