"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { getAt } from "@/lib/amelding/form-values";
import { checkBetalingsinformasjon, computeSums, type SumField } from "@/lib/amelding/sums";
import type { BuilderKit } from "./builder-kit";
import { ModelText } from "./model-fields";

const FIELDS: SumField[] = ["sumForskuddstrekk", "sumArbeidsgiveravgift"];
const BASE = "oppgave.betalingsinformasjon";

/** Betalingsinformasjon beside the sums computed from the lines, compared as the user types. */
export function SumsPanel({ kit }: { kit: BuilderKit }) {
  const t = useTranslations("ameldingBuilder");
  const format = useFormatter();
  const oppgave = (getAt(kit.values, "oppgave") ?? {}) as Parameters<typeof computeSums>[0];
  const computed = computeSums(oppgave);
  const mismatches = checkBetalingsinformasjon(oppgave);
  return (
    <>
      <p className="mb-4 text-sm text-muted">{t("sumsIntro")}</p>
      {FIELDS.map((field) => {
        const mismatch = mismatches.find((m) => m.field === field);
        return (
          <div key={field} className="mb-2">
            <ModelText kit={kit} path={`${BASE}.${field}`} label={t(`fields.${field}`)} hint={t(`fields.${field}Hint`)} inputMode="numeric" />
            <p className="-mt-2 mb-4 text-sm" data-testid={`computed-${field}`}>
              {t("computed", { value: format.number(computed[field]) })}{" "}
              {mismatch ? (
                <span className="font-medium text-danger">{t(mismatch.key === "sumMissing" ? "sumStatusMissing" : "sumStatusDiffers")}</span>
              ) : (
                <span className="font-medium text-success">{t("sumStatusMatches")}</span>
              )}
            </p>
          </div>
        );
      })}
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          kit.set(`${BASE}.sumForskuddstrekk`, String(computed.sumForskuddstrekk));
          kit.set(`${BASE}.sumArbeidsgiveravgift`, String(computed.sumArbeidsgiveravgift));
        }}
      >
        {t("useComputed")}
      </Button>
    </>
  );
}
