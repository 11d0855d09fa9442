"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/forms/select-field";
import { getAt, inntektType, withInntektType } from "@/lib/amelding/form-values";
import { INNTEKT_TYPES, type InntektType } from "@/lib/amelding/leveranse-schema";
import type { BuilderKit } from "./builder-kit";
import { ModelSelect, ModelText } from "./model-fields";

export function InntektFields({ kit, path }: { kit: BuilderKit; path: string }) {
  const t = useTranslations("ameldingBuilder");
  const p = (key: string) => `${path}.${key}`;
  const type = inntektType(getAt(kit.values, path));
  const yesNo = [
    { value: "true", label: t("yes") },
    { value: "false", label: t("no") },
  ];
  return (
    <div className="grid gap-x-4 md:grid-cols-2">
      <SelectField
        idPrefix="inntekttype"
        name={path}
        label={t("fields.inntektType")}
        options={INNTEKT_TYPES.map((v) => ({ value: v, label: t(`inntektTypes.${v}`) }))}
        value={type}
        onChange={(e) => kit.update(path, (line) => withInntektType(line, e.target.value as InntektType))}
      />
      {type === "loennsinntekt" ? (
        <ModelSelect
          kit={kit}
          path={p("loennsinntekt.beskrivelse")}
          label={t("fields.beskrivelse")}
          list="loennsinntektBeskrivelse"
          placeholder=""
        />
      ) : (
        <ModelText
          kit={kit}
          path={p(`${type}.beskrivelse`)}
          label={t("fields.beskrivelse")}
          hint={t("fields.beskrivelseHint")}
        />
      )}
      <ModelSelect kit={kit} path={p("fordel")} label={t("fields.fordel")} list="fordel" />
      <ModelText kit={kit} path={p("beloep")} label={t("fields.beloep")} inputMode="decimal" />
      <ModelSelect
        kit={kit}
        path={p("utloeserArbeidsgiveravgift")}
        label={t("fields.utloeserArbeidsgiveravgift")}
        options={yesNo}
      />
      <ModelSelect
        kit={kit}
        path={p("inngaarIGrunnlagForTrekk")}
        label={t("fields.inngaarIGrunnlagForTrekk")}
        options={yesNo}
      />
    </div>
  );
}
