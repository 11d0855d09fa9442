"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextField } from "@/components/forms/text-field";
import { AddressFields } from "./address-fields";
import type { FieldLookup } from "./field-lookup";

/** What identifies a party; the form holds it in state when it follows another field (the oppdragsgiver follows "Rapporterer for"). */
export type PartyIdentity = { variant: string; navn: string; organisasjonsnummer: string };

/**
 * One party of the report: with a Norwegian orgnr, or the details a foreign party must give
 * instead (which differ for oppdragsgiver and oppdragstaker; docs/skatteetaten-contract.md, "OAR").
 * With `identity`, its variant, name and orgnr are controlled by the caller.
 */
export function PartyFields({
  prefix,
  party,
  f,
  identity,
}: {
  prefix: string;
  party: "oppdragsgiver" | "oppdragstaker";
  f: FieldLookup;
  identity?: { value: PartyIdentity; onChange: (next: PartyIdentity) => void };
}) {
  const t = useTranslations("oppdragForm");
  const [ownVariant, setOwnVariant] = useState(f.value(`${prefix}.variant`) || "norsk");
  const variant = identity ? identity.value.variant : ownVariant;
  const setVariant = identity ? (v: string) => identity.onChange({ ...identity.value, variant: v }) : setOwnVariant;
  const controlled = (key: "navn" | "organisasjonsnummer") => {
    const { defaultValue, ...props } = f.props(`${prefix}.${key}`);
    if (!identity) return { ...props, defaultValue };
    const onChange = (e: { target: { value: string } }) =>
      identity.onChange({ ...identity.value, [key]: e.target.value });
    return { ...props, value: identity.value[key], onChange };
  };
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
      <TextField {...controlled("navn")} label={t("navn")} autoComplete="organization" />
      {variant === "norsk" ? (
        <TextField {...controlled("organisasjonsnummer")} label={t("organisasjonsnummer")} inputMode="numeric" />
      ) : (
        <>
          <TextField
            {...f.props(`${prefix}.registreringsnummer`)}
            label={party === "oppdragsgiver" ? t("registreringsnummer") : t("registreringsnummerTaker")}
          />
          <AddressFields prefix={`${prefix}.adresseHjemland`} legend={t("adresseHjemland")} f={f} withCountry />
          {party === "oppdragsgiver" && (
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
