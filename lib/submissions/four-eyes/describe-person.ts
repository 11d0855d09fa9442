import type { Translator } from "@/lib/i18n/translator";
import type { WhoPerson } from "./who-did-it";

/**
 * "Name <e-mail>", with the API key when it acted through one; unknown for rows from before
 * (docs/four-eyes.md). Shared by the submission page's "who did it" and the PDF receipt.
 */
export function describePerson(t: Translator, person: WhoPerson, apiKey?: string | null) {
  const who = person ? `${person.name} <${person.email}>` : t("fourEyes.unknown");
  return apiKey ? t("fourEyes.viaApiKey", { who, key: apiKey }) : who;
}
