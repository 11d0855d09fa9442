"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { getAt, listAt, newForskuddstrekkForDato } from "@/lib/amelding/form-values";
import { checkBetalingsinformasjon, computeSums, type SumField } from "@/lib/amelding/sums";
import { formatter } from "@/lib/i18n/format";
import type { BuilderKit } from "./builder-kit";
import { Lines } from "./lines";
import { ModelText } from "./model-fields";

const BASE = "oppgave.betalingsinformasjon";
const DATES = `${BASE}.sumForskuddstrekkPerLoennsutbetalingsdato`;

/**
 * Betalingsinformasjon (model v2.3) beside the sums computed from the lines, compared as the user
 * types: forskuddstrekk per salary payment date, and arbeidsgiveravgift. A sum that differs is a
 * warning; Skatteetaten reports it in the feedback (lib/amelding/sums.ts).
 */
export function SumsPanel({ kit }: { kit: BuilderKit }) {
  const t = useTranslations("ameldingBuilder");
  const format = formatter(useLocale());
  const oppgave = (getAt(kit.values, "oppgave") ?? {}) as Parameters<typeof computeSums>[0];
  const computed = computeSums(oppgave);
  const mismatches = checkBetalingsinformasjon(oppgave);
  const dates = listAt(kit.values, DATES);

  const status = (field: SumField) => {
    const mismatch = mismatches.find((m) => m.field === field);
    return (
      <p className="-mt-2 mb-4 text-sm" data-testid={`computed-${field}`}>
        {t("computed", { value: format.number(computed[field]) })}{" "}
        {mismatch ? (
          <span className="font-medium text-danger">
            {t(mismatch.key === "sumMissing" ? "sumStatusMissing" : "sumStatusDiffers")}
          </span>
        ) : (
          <span className="font-medium text-success">{t("sumStatusMatches")}</span>
        )}
      </p>
    );
  };

  function fillComputed() {
    const toPay = computed.sumForskuddstrekkPerLoennsutbetalingsdato;
    // Several payment dates cannot be split from the lines; the user divides the amount.
    if (dates.length === 0 && toPay !== 0) kit.append(DATES, newForskuddstrekkForDato(String(toPay)));
    if (dates.length === 1) kit.set(`${DATES}.0.beloep`, String(toPay));
    kit.set(`${BASE}.sumArbeidsgiveravgift`, String(computed.sumArbeidsgiveravgift));
  }

  return (
    <>
      <p className="mb-4 text-sm text-muted">{t("sumsIntro")}</p>
      <h3 className="mb-1 font-semibold">{t("fields.sumForskuddstrekkPerLoennsutbetalingsdato")}</h3>
      <p className="mb-2 text-sm text-muted">{t("forskuddstrekkPerDatoIntro")}</p>
      <div id={`field-${DATES}`} tabIndex={-1}>
        <Lines
          kit={kit}
          listPath={DATES}
          legend={(n) => t("loennsutbetaling", { n })}
          addLabel={t("addLoennsutbetaling")}
          removeLabel={(n) => t("removeLoennsutbetaling", { n })}
          newItem={() => newForskuddstrekkForDato()}
          render={(itemPath) => (
            <div className="grid gap-x-4 md:grid-cols-2">
              <ModelText
                kit={kit}
                path={`${itemPath}.loennsutbetalingsdato`}
                label={t("fields.loennsutbetalingsdato")}
                type="date"
              />
              <ModelText
                kit={kit}
                path={`${itemPath}.beloep`}
                label={t("fields.forskuddstrekkBeloep")}
                hint={t("fields.forskuddstrekkBeloepHint")}
                inputMode="numeric"
              />
            </div>
          )}
        />
      </div>
      {status("sumForskuddstrekkPerLoennsutbetalingsdato")}
      <ModelText
        kit={kit}
        path={`${BASE}.sumArbeidsgiveravgift`}
        label={t("fields.sumArbeidsgiveravgift")}
        hint={t("fields.sumArbeidsgiveravgiftHint")}
        inputMode="numeric"
      />
      {status("sumArbeidsgiveravgift")}
      <Button type="button" variant="secondary" onClick={fillComputed}>
        {t("useComputed")}
      </Button>
    </>
  );
}
