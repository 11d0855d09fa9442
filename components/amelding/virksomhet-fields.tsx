"use client";

import { useTranslations } from "next-intl";
import { soneRate } from "@/lib/amelding/code-lists";
import { getAt, newInntektsmottaker, newLoennOgGodtgjoerelse } from "@/lib/amelding/form-values";
import type { BuilderKit } from "./builder-kit";
import { InntektsmottakerFields } from "./inntektsmottaker-fields";
import { Lines } from "./lines";
import { ModelSelect, ModelText } from "./model-fields";

/** Name and masked id of a person, so a long list of collapsed people stays recognisable. */
function personLegend(person: unknown, base: string) {
  const name = getAt(person, "identifiserendeInformasjon.navn");
  return typeof name === "string" && name.trim() ? `${base}: ${name.trim()}` : base;
}

export function VirksomhetFields({ kit, path }: { kit: BuilderKit; path: string }) {
  const t = useTranslations("ameldingBuilder");
  const p = (key: string) => `${path}.${key}`;
  const agaPath = p("arbeidsgiveravgift.loennOgGodtgjoerelse");
  return (
    <>
      <ModelText
        kit={kit}
        path={p("norskIdentifikator")}
        label={t("fields.virksomhetOrgnr")}
        hint={t("fields.virksomhetOrgnrHint")}
        inputMode="numeric"
      />

      <h3 className="mb-2 mt-4 font-semibold">{t("personer")}</h3>
      <Lines
        kit={kit}
        listPath={p("inntektsmottaker")}
        keepEmpty
        legend={(n) => personLegend(getAt(kit.values, `${p("inntektsmottaker")}.${n - 1}`), t("person", { n }))}
        addLabel={t("addPerson")}
        removeLabel={(n) => t("removePerson", { n })}
        newItem={newInntektsmottaker}
        render={(personPath) => <InntektsmottakerFields kit={kit} path={personPath} />}
      />

      <h3 className="mb-2 mt-4 font-semibold">{t("arbeidsgiveravgift")}</h3>
      <Lines
        kit={kit}
        listPath={agaPath}
        legend={(n) => t("agaLine", { n })}
        addLabel={t("addAgaLine")}
        removeLabel={(n) => t("removeAgaLine", { n })}
        newItem={() => newLoennOgGodtgjoerelse()}
        render={(linePath) => (
          <div className="grid gap-x-4 md:grid-cols-2">
            <ModelSelect
              kit={kit}
              path={`${linePath}.beregningskodeForArbeidsgiveravgift`}
              label={t("fields.beregningskodeForArbeidsgiveravgift")}
              list="beregningskodeForArbeidsgiveravgift"
            />
            <ModelSelect
              kit={kit}
              path={`${linePath}.sone`}
              label={t("fields.sone")}
              list="sone"
              onValue={(sone) =>
                kit.update(linePath, (line) => ({
                  ...line,
                  sone,
                  prosentsatsForAvgiftsberegning: String(soneRate(sone) ?? ""),
                }))
              }
            />
            <ModelText
              kit={kit}
              path={`${linePath}.avgiftsgrunnlagBeloep`}
              label={t("fields.avgiftsgrunnlagBeloep")}
              inputMode="decimal"
            />
            <ModelText
              kit={kit}
              path={`${linePath}.prosentsatsForAvgiftsberegning`}
              label={t("fields.prosentsatsForAvgiftsberegning")}
              hint={t("fields.prosentsatsHint")}
              inputMode="decimal"
            />
          </div>
        )}
      />
    </>
  );
}
