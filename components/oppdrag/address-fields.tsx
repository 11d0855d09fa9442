"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import type { FieldLookup } from "./field-lookup";
import { useCountryOptions } from "./use-country-options";

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
  const countryOptions = useCountryOptions();
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
