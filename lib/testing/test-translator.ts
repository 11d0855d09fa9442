import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import type { Translator } from "@/lib/i18n/translator";

/** The app's real messages, as route handlers get them from getTranslations(). */
export function testTranslator(locale: "nb" | "en" = "nb"): Translator {
  return createTranslator({ locale, messages: locale === "nb" ? nb : en }) as unknown as Translator;
}
