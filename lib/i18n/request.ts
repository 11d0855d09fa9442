import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./locales";

// Bokmål unless the user picked another language; the choice lives in a cookie so URLs stay the
// same in both languages (links shared between colleagues work regardless of language).
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: "Europe/Oslo",
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
