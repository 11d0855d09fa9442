"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextField } from "@/components/forms/text-field";
import { AddressFields } from "./address-fields";
import type { FieldLookup } from "./field-lookup";

/**
 * One party of the report: with a Norwegian orgnr, or the details a foreign party must give
 * instead (which differ for oppdragsgiver and oppdragstaker, DOMAIN.md §1.1).
 */
export function PartyFields({ prefix, role, f }: { prefix: string; role: "oppdragsgiver" | "oppdragstaker"; f: FieldLookup }) {
  const t = useTranslations("oppdragForm");
  const [variant, setVariant] = useState(f.value(`${prefix}.variant`) || "norsk");
  return (
    <>
      <RadioGroup
        id={`${f.idPrefix}-${prefix}.variant`}
        name={`${prefix}.variant`}
        legend={t("variant")}
        value={variant}
        onChange={setVariant}
        options={[
          { value: "norsk", label: t("variantNorsk") },
          { value: "utenlandsk", label: t("variantUtenlandsk") },
        ]}
        errors={f.errors(`${prefix}.variant`)}
      />
      <TextField {...f.props(`${prefix}.navn`)} label={t("navn")} autoComplete="organization" />
      {variant === "norsk" ? (
        <TextField {...f.props(`${prefix}.organisasjonsnummer`)} label={t("organisasjonsnummer")} inputMode="numeric" />
      ) : (
        <>
          <TextField
            {...f.props(`${prefix}.registreringsnummer`)}
            label={role === "oppdragsgiver" ? t("registreringsnummer") : t("registreringsnummerTaker")}
          />
          <AddressFields prefix={`${prefix}.adresseHjemland`} legend={t("adresseHjemland")} f={f} withCountry />
          {role === "oppdragsgiver" && (
            <>
              <AddressFields prefix={`${prefix}.adresseNorge`} legend={t("adresseNorge")} f={f} />
              <TextField {...f.props(`${prefix}.kontaktperson`)} label={t("kontaktperson")} />
            </>
          )}
        </>
      )}
    </>
  );
}
