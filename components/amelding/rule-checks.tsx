"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { TextAreaField } from "@/components/forms/text-area-field";
import { Button } from "@/components/ui/button";
import { Tag } from "@/components/ui/tag";
import { AMELDING_RULES } from "@/lib/amelding/rules/catalogue";
import type { RuleHit, RuleSeverity } from "@/lib/amelding/rules/rule-types";
import { runRules } from "@/lib/amelding/rules/run-rules";
import { FIELD_ID_PREFIX, fieldId } from "./builder-kit";

const TONE: Record<RuleSeverity, "danger" | "warning" | "neutral"> = {
  Avvisning: "danger",
  Oeyeblikkelig: "warning",
  Retningslinje: "neutral",
};

/** The field error keys the server answers a rule hit with (rule-gate.ts ruleFieldErrors). */
export const RULE_MESSAGE_PREFIX = "ameldingRules.messages.";

/**
 * The control rules (lib/amelding/rules) over the builder's values as the user types, each hit
 * with its severity, Skatteetaten's code and a link to the field it marks. The rules that need the
 * previous month run on the server when sending; when the server refuses a send for
 * Avvisning-level rules (`blockedRuleIds`), the user may send anyway by naming them and a reason.
 */
export function RuleChecks(props: {
  values: unknown;
  fieldName: (path: string) => string;
  blockedRuleIds: string[];
  pending: boolean;
  reasonErrors?: string[];
  onOverride: (override: { ruleIds: string[]; reason: string }) => void;
}) {
  const t = useTranslations("ameldingRules");
  const id = useId();
  const hits = useMemo(() => runRules(props.values), [props.values]);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState("");
  const blocked = AMELDING_RULES.filter((r) => props.blockedRuleIds.includes(r.id));
  const ruleName = useRuleName();

  return (
    <section
      className="mb-6 rounded border border-line bg-white p-6"
      aria-labelledby={`${id}-heading`}
      data-testid="rule-checks"
    >
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-muted">{t("intro")}</p>
      {hits.length === 0 ? <p>{t("none")}</p> : <RuleHitList hits={hits} fieldName={props.fieldName} linkToField />}
      {blocked.length > 0 && (
        <fieldset className="mt-4 border-t border-line pt-4" data-testid="rule-override">
          <legend className="font-semibold">{t("overrideTitle")}</legend>
          <label className="my-2 flex items-start gap-2">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t("overrideConfirm", { rules: blocked.map((r) => ruleName(r.id, r.skatteetatenCode)).join(", ") })}
          </label>
          <TextAreaField
            // The id the error summary links the server's reason error to (field-ruleOverride.reason).
            idPrefix={FIELD_ID_PREFIX}
            name="ruleOverride.reason"
            label={t("overrideReason")}
            value={reason}
            maxLength={1000}
            errors={props.reasonErrors}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button
            type="button"
            disabled={props.pending || !confirmed}
            onClick={() => props.onOverride({ ruleIds: blocked.map((r) => r.id), reason })}
          >
            {t("overrideSend")}
          </Button>
        </fieldset>
      )}
    </section>
  );
}

function useRuleName() {
  const t = useTranslations("ameldingRules");
  return (ruleId: string, code: string | null) => code ?? `${ruleId} (${t("ourRule")})`;
}

type ShownHit = Pick<RuleHit, "ruleId" | "skatteetatenCode" | "severity" | "path" | "params">;

/** Rule findings, each with its severity, code, message and the field it marks (a link in the builder). */
export function RuleHitList(props: { hits: ShownHit[]; fieldName: (path: string) => string; linkToField?: boolean }) {
  const t = useTranslations("ameldingRules");
  const ruleName = useRuleName();
  const message = (hit: ShownHit) => {
    const withParams = `messagesWithParams.${hit.ruleId}`;
    return hit.params && t.has(withParams) ? t(withParams, hit.params) : t(`messages.${hit.ruleId}`);
  };
  return (
    <ul className="space-y-2">
      {props.hits.map((hit) => (
        <li key={`${hit.ruleId}-${hit.path}-${hit.params?.person ?? ""}`} data-testid={`rule-hit-${hit.ruleId}`}>
          <Tag tone={TONE[hit.severity]}>{t(`severity.${hit.severity}`)}</Tag>{" "}
          <span className="font-medium">{ruleName(hit.ruleId, hit.skatteetatenCode)}</span>: {message(hit)}{" "}
          {props.linkToField ? (
            <a href={`#${fieldId(hit.path)}`} className="underline">
              {props.fieldName(hit.path)}
            </a>
          ) : (
            <span className="text-muted">({props.fieldName(hit.path)})</span>
          )}
        </li>
      ))}
    </ul>
  );
}
