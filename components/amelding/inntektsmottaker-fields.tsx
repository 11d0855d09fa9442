"use client";

import { useTranslations } from "next-intl";
import { RadioGroup } from "@/components/forms/radio-group";
import { Button } from "@/components/ui/button";
import {
  getAt,
  identifierKind,
  listAt,
  newArbeidsforhold,
  newForskuddstrekk,
  newInntekt,
  newInternasjonalIdentifikator,
  withIdentifierKind,
} from "@/lib/amelding/form-values";
import countries from "@/lib/oppdrag/iso-3166-alpha2.json";
import { ArbeidsforholdFields } from "./arbeidsforhold-fields";
import type { BuilderKit } from "./builder-kit";
import { InntektFields } from "./inntekt-fields";
import { Lines } from "./lines";
import { ModelSelect, ModelText } from "./model-fields";

const countryOptions = countries.map((c) => ({ value: c, label: c }));

export function InntektsmottakerFields({ kit, path }: { kit: BuilderKit; path: string }) {
  const t = useTranslations("ameldingBuilder");
  const p = (key: string) => `${path}.${key}`;
  const kind = identifierKind(getAt(kit.values, path));
  const foreignIds = listAt(kit.values, p("internasjonalIdentifikator"));

  return (
    <>
      <RadioGroup
        id={`idkind-${path}`}
        name={`idkind-${path}`}
        legend={t("fields.identifierKind")}
        value={kind}
        onChange={(v) => kit.update(path, (person) => withIdentifierKind(person, v as "norsk" | "internasjonal"))}
        options={[
          { value: "norsk", label: t("identifierNorsk") },
          { value: "internasjonal", label: t("identifierInternasjonal") },
        ]}
      />
      {kind === "norsk" ? (
        <ModelText
          kit={kit}
          path={p("norskIdentifikator")}
          label={t("fields.norskIdentifikator")}
          hint={t("fields.norskIdentifikatorHint")}
          inputMode="numeric"
          autoComplete="off"
        />
      ) : (
        <div id={`field-${p("internasjonalIdentifikator")}`} tabIndex={-1}>
          {foreignIds.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the builder's items are identified by their position (the path into the form values they render)
            <div key={i} className="grid gap-x-4 md:grid-cols-3">
              <ModelText
                kit={kit}
                path={p(`internasjonalIdentifikator.${i}.identifikator`)}
                label={t("fields.identifikator")}
                autoComplete="off"
              />
              <ModelSelect
                kit={kit}
                path={p(`internasjonalIdentifikator.${i}.identifikatortype`)}
                label={t("fields.identifikatortype")}
                list="identifikatortype"
              />
              <ModelSelect
                kit={kit}
                path={p(`internasjonalIdentifikator.${i}.land`)}
                label={t("fields.land")}
                options={countryOptions}
                placeholder=""
              />
            </div>
          ))}
          <Button
            type="button"
            variant="secondary"
            className="mb-4"
            onClick={() => kit.append(p("internasjonalIdentifikator"), newInternasjonalIdentifikator())}
          >
            {t("addIdentifier")}
          </Button>
        </div>
      )}
      <div className="grid gap-x-4 md:grid-cols-3">
        <ModelText kit={kit} path={p("identifiserendeInformasjon.navn")} label={t("fields.navn")} autoComplete="off" />
        <ModelText
          kit={kit}
          path={p("identifiserendeInformasjon.foedselsdato")}
          label={t("fields.foedselsdato")}
          type="date"
        />
        <ModelText kit={kit} path={p("identifiserendeInformasjon.ansattnummer")} label={t("fields.ansattnummer")} />
      </div>

      <Lines
        kit={kit}
        listPath={p("arbeidsforhold")}
        legend={(n) => t("arbeidsforhold", { n })}
        addLabel={t("addArbeidsforhold")}
        removeLabel={(n) => t("removeArbeidsforhold", { n })}
        newItem={newArbeidsforhold}
        render={(itemPath) => <ArbeidsforholdFields kit={kit} path={itemPath} />}
      />
      <Lines
        kit={kit}
        listPath={p("inntekt")}
        legend={(n) => t("inntekt", { n })}
        addLabel={t("addInntekt")}
        removeLabel={(n) => t("removeInntekt", { n })}
        newItem={newInntekt}
        render={(itemPath) => <InntektFields kit={kit} path={itemPath} />}
      />
      <Lines
        kit={kit}
        listPath={p("forskuddstrekk")}
        legend={(n) => t("forskuddstrekk", { n })}
        addLabel={t("addForskuddstrekk")}
        removeLabel={(n) => t("removeForskuddstrekk", { n })}
        newItem={newForskuddstrekk}
        render={(itemPath) => (
          <div className="grid gap-x-4 md:grid-cols-2">
            <ModelSelect
              kit={kit}
              path={`${itemPath}.beskrivelse`}
              label={t("fields.beskrivelse")}
              list="forskuddstrekkBeskrivelse"
              placeholder=""
            />
            <ModelText
              kit={kit}
              path={`${itemPath}.beloep`}
              label={t("fields.trekkBeloep")}
              hint={t("fields.trekkBeloepHint")}
              inputMode="numeric"
            />
          </div>
        )}
      />
    </>
  );
}
