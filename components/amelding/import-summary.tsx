"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ameldingDeadline } from "@/lib/amelding/deadlines";
import type { ImportChecked } from "@/lib/amelding/import/import-result";
import { locateField } from "@/lib/field-location/locate-field";
import { formatter } from "@/lib/i18n/format";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { UnknownElements } from "./import-unknown-elements";
import { RuleHitList } from "./rule-checks";

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="border-b border-line py-2 sm:grid sm:grid-cols-[16rem_1fr] sm:gap-4">
      <dt className="font-medium">{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function ImportSummary({
  result,
  saving,
  onSave,
}: {
  result: ImportChecked;
  saving: "draft" | "submit" | null;
  onSave: (intent: "draft" | "submit") => void;
}) {
  const t = useTranslations("ameldingImport");
  const tAll = useTranslations();
  const tr = useTranslations("ameldingRules");
  const { rules } = result;
  const blocked = rules.hits.some((h) => h.severity === "Avvisning");
  const format = formatter(useLocale());
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves to the heading for each new result, which the effect does not otherwise read
  useEffect(() => heading.current?.focus(), [result]);
  const { summary, organisation } = result;
  const kroner = (n: number) => format.kroner(n);

  return (
    <section
      className="mt-6 rounded border-2 border-success bg-white p-4"
      aria-labelledby="import-summary-title"
      data-testid="import-summary"
    >
      <h2 id="import-summary-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-success">
        {t("summaryTitle")}
      </h2>
      <dl className="mt-2">
        <Row label={t("organisation")} testId="summary-organisation">
          {organisation.name} ({formatOrgnr(organisation.orgnr)})
        </Row>
        <Row label={t("month")} testId="summary-month">
          {format.month(summary.kalendermaaned)} ({summary.kalendermaaned}) ·{" "}
          {t("deadline", { date: format.date(ameldingDeadline(summary.kalendermaaned)) })}
        </Row>
        <Row label={t("meldingsId")}>
          <code>{summary.meldingsId}</code>
          {summary.erstatterMeldingsId && (
            <div className="text-sm">
              {t("replaces")} <code>{summary.erstatterMeldingsId}</code>
            </div>
          )}
        </Row>
        <Row label={t("source")}>
          {summary.kildesystem} ·{" "}
          {result.format === "xml" ? t("formatXml", { version: result.xmlVersion ?? "" }) : t("formatJson")}
        </Row>
        <Row label={t("virksomheter")} testId="summary-virksomheter">
          <ul>
            {summary.virksomheter.map((v) => (
              <li key={v.orgnr}>{t("virksomhetPersons", { orgnr: formatOrgnr(v.orgnr), count: v.persons })}</li>
            ))}
          </ul>
        </Row>
        <Row label={t("persons")} testId="summary-persons">
          {format.number(summary.persons)}
        </Row>
        <Row label={t("sumInntekt")} testId="summary-sum-inntekt">
          {kroner(summary.sumInntekt)}
        </Row>
        <Row label={t("sumForskuddstrekk")}>{kroner(summary.sumForskuddstrekk)}</Row>
        <Row label={t("sumAvgiftsgrunnlag")}>{kroner(summary.sumAvgiftsgrunnlag)}</Row>
        <Row label={t("arbeidsgiveravgift")}>
          {summary.reportedSumArbeidsgiveravgift === null
            ? t("notReported")
            : kroner(summary.reportedSumArbeidsgiveravgift)}
        </Row>
      </dl>
      {summary.sumWarnings.length > 0 && (
        <div className="mt-4 border-l-4 border-warning bg-warning-light px-4 py-3" data-testid="import-sum-warnings">
          <h3 className="font-semibold">{t("sumWarningsTitle")}</h3>
          <p className="text-sm">{t("sumWarningsBody")}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {summary.sumWarnings.map((w) => (
              <li key={w.field}>
                {t(w.key === "sumMissing" ? "sumWarningMissing" : "sumWarningDiffers", {
                  field: t(`sumFields.${w.field}`),
                  expected: kroner(w.expected),
                  actual: w.actual === undefined ? "" : kroner(w.actual),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <UnknownElements warnings={result.warnings} />
      <div className="mt-4" data-testid="import-rule-checks">
        <h3 className="font-semibold">{tr("title")}</h3>
        {rules.total === 0 ? (
          <p>{tr("none")}</p>
        ) : (
          <>
            {rules.total > rules.hits.length && (
              <p className="text-sm">{tr("listed", { listed: rules.hits.length, total: rules.total })}</p>
            )}
            <RuleHitList
              hits={rules.hits}
              fieldName={(path) => locateField("amelding", path, { t: tAll, identity: "birthdate" }).crumbs.join(" › ")}
            />
          </>
        )}
        {blocked && <p className="mt-2 font-medium text-danger">{tr("importBlocked")}</p>}
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" disabled={saving !== null || blocked} onClick={() => onSave("submit")}>
          {saving === "submit" ? t("submitting") : t("submit")}
        </Button>
        <Button type="button" variant="secondary" disabled={saving !== null} onClick={() => onSave("draft")}>
          {saving === "draft" ? t("saving") : t("saveDraft")}
        </Button>
      </div>
    </section>
  );
}
