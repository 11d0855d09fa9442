"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { RadioGroup } from "@/components/forms/radio-group";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import type { FieldLookup } from "./field-lookup";
import { useCountryOptions } from "./use-country-options";

/**
 * The oppdragstaker's employees working on the oppdrag (docs/skatteetaten-contract.md, "OAR"):
 * each with a fødselsnummer/d-nummer or, without one, a foreign ID number, date of birth and
 * country; the first working day in Norway and the last once known.
 */
export function ArbeidstakerFields({
  f,
  initialCount,
  onChanged,
}: {
  f: FieldLookup;
  initialCount: number;
  onChanged: () => void;
}) {
  const t = useTranslations("oppdragForm");
  const [keys, setKeys] = useState<number[]>(Array.from({ length: initialCount }, (_, i) => i));
  const countryOptions = useCountryOptions();
  return (
    <section className="mb-6 rounded border border-line bg-white p-6" aria-labelledby="arbeidstakere-heading">
      <h2 id="arbeidstakere-heading" className="mb-1 text-lg font-semibold">
        {t("arbeidstakere")}
      </h2>
      <p className="mb-4 text-sm text-muted">{t("arbeidstakereIntro")}</p>
      {keys.map((key, index) => (
        <fieldset key={key} className="mb-4 border-l-4 border-line pl-4" data-testid="arbeidstaker">
          <legend className="mb-2 font-semibold">{t("arbeidstaker", { number: index + 1 })}</legend>
          <Arbeidstaker f={f} prefix={`arbeidstakere.${index}`} countryOptions={countryOptions} />
          <Button
            type="button"
            variant="secondary"
            className="mb-4"
            onClick={() => {
              setKeys((k) => k.filter((x) => x !== key));
              onChanged();
            }}
          >
            {t("removeArbeidstaker", { number: index + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          setKeys((k) => [...k, Math.max(-1, ...k) + 1]);
          onChanged();
        }}
      >
        {t("addArbeidstaker")}
      </Button>
    </section>
  );
}

function Arbeidstaker({
  f,
  prefix,
  countryOptions,
}: {
  f: FieldLookup;
  prefix: string;
  countryOptions: { value: string; label: string }[];
}) {
  const t = useTranslations("oppdragForm");
  const [variant, setVariant] = useState(f.value(`${prefix}.identifikasjon.variant`) || "norsk");
  const id = `${prefix}.identifikasjon`;
  return (
    <>
      <TextField {...f.props(`${prefix}.navn`)} label={t("navn")} autoComplete="off" />
      <RadioGroup
        id={`${f.idPrefix}-${id}.variant`}
        name={`${id}.variant`}
        legend={t("arbeidstakerIdentifikasjon")}
        value={variant}
        onChange={setVariant}
        options={[
          { value: "norsk", label: t("arbeidstakerNorsk") },
          { value: "utenlandsk", label: t("arbeidstakerUtenlandsk") },
        ]}
        errors={f.errors(`${id}.variant`)}
      />
      {variant === "norsk" ? (
        <TextField
          {...f.props(`${id}.fodselsnummer`)}
          label={t("fodselsnummer")}
          inputMode="numeric"
          autoComplete="off"
        />
      ) : (
        <>
          <TextField {...f.props(`${id}.utenlandskIdNummer`)} label={t("utenlandskIdNummer")} autoComplete="off" />
          <div className="grid max-w-md grid-cols-2 gap-x-4">
            <TextField {...f.props(`${id}.fodselsdato`)} type="date" label={t("fodselsdato")} />
            <SelectField
              {...f.props(`${id}.landkode`)}
              label={t("landkode")}
              options={countryOptions}
              placeholder={t("chooseCountry")}
            />
          </div>
          <p className="mb-4 text-sm text-muted">{t("idDokumentHint")}</p>
        </>
      )}
      <div className="grid max-w-md grid-cols-2 gap-x-4">
        <TextField {...f.props(`${prefix}.forsteArbeidsdag`)} type="date" label={t("forsteArbeidsdag")} />
        <TextField
          {...f.props(`${prefix}.sisteArbeidsdag`)}
          type="date"
          label={t("sisteArbeidsdag")}
          hint={t("sisteArbeidsdagHint")}
        />
      </div>
    </>
  );
}
