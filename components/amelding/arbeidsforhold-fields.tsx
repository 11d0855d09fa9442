"use client";

import { useTranslations } from "next-intl";
import type { BuilderKit } from "./builder-kit";
import { ModelSelect, ModelText } from "./model-fields";

export function ArbeidsforholdFields({ kit, path }: { kit: BuilderKit; path: string }) {
  const t = useTranslations("ameldingBuilder.fields");
  const p = (key: string) => `${path}.${key}`;
  return (
    <div className="grid gap-x-4 md:grid-cols-2">
      <ModelSelect kit={kit} path={p("typeArbeidsforhold")} label={t("typeArbeidsforhold")} list="typeArbeidsforhold" />
      <ModelText kit={kit} path={p("arbeidsforholdId")} label={t("arbeidsforholdId")} />
      <ModelText kit={kit} path={p("startdato")} label={t("startdato")} type="date" />
      <ModelText kit={kit} path={p("sluttdato")} label={t("sluttdato")} type="date" />
      <ModelText kit={kit} path={p("yrke")} label={t("yrke")} hint={t("yrkeHint")} inputMode="numeric" />
      <ModelSelect
        kit={kit}
        path={p("formForAnsettelse")}
        label={t("formForAnsettelse")}
        list="formForAnsettelse"
        placeholder=""
      />
      <ModelSelect
        kit={kit}
        path={p("avloenningstype")}
        label={t("avloenningstype")}
        hint={t("avloenningstypeHint")}
        list="avloenningstype"
        placeholder=""
      />
      <ModelSelect
        kit={kit}
        path={p("arbeidstidsordning")}
        label={t("arbeidstidsordning")}
        list="arbeidstidsordning"
        placeholder=""
      />
      <ModelText kit={kit} path={p("stillingsprosent")} label={t("stillingsprosent")} inputMode="decimal" />
      <ModelText
        kit={kit}
        path={p("antallTimerPerUkeSomEnFullStillingTilsvarer")}
        label={t("antallTimerPerUkeSomEnFullStillingTilsvarer")}
        inputMode="decimal"
      />
    </div>
  );
}
