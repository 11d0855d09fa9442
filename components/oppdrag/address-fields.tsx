"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import countries from "@/lib/oppdrag/iso-3166-alpha2.json";
import type { FieldLookup } from "./field-lookup";

export function AddressFields({
  prefix,
  legend,
  f,
  withCountry = false,
}: {
  prefix: string;
  legend: string;
  f: FieldLookup;
  withCountry?: boolean;
}) {
  const t = useTranslations("oppdragForm");
  const locale = useLocale();
  const countryOptions = useMemo(() => {
    const names = new Intl.DisplayNames([locale === "nb" ? "nb" : "en"], { type: "region" });
    return countries
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  }, [locale]);
  return (
    <fieldset className="mb-4 border-l-4 border-line pl-4">
      <legend className="mb-2 font-semibold">{legend}</legend>
      <TextField {...f.props(`${prefix}.adresselinje`)} label={t("adresselinje")} autoComplete="street-address" />
      <div className="grid max-w-md grid-cols-[8rem_1fr] gap-x-4">
        <TextField
          {...f.props(`${prefix}.postnummer`)}
          label={t("postnummer")}
          inputMode={withCountry ? "text" : "numeric"}
        />
        <TextField {...f.props(`${prefix}.poststed`)} label={t("poststed")} />
      </div>
      {withCountry ? (
        <SelectField
          {...f.props(`${prefix}.landkode`)}
          label={t("landkode")}
          options={countryOptions}
          placeholder={t("chooseCountry")}
        />
      ) : (
        <input type="hidden" name={`${prefix}.landkode`} value="NO" />
      )}
    </fieldset>
  );
}
