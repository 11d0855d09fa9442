"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";
import countries from "@/lib/oppdrag/iso-3166-alpha2.json";

/** Every ISO 3166 alpha-2 country as a select option, named and sorted in the page's language. */
export function useCountryOptions(): { value: string; label: string }[] {
  const locale = useLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale === "nb" ? "nb" : "en"], { type: "region" });
    return countries
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  }, [locale]);
}
