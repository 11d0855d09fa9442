import { AMELDING_RULES } from "./catalogue";
import type { AmeldingRule, RuleContext, RuleHit } from "./rule-types";
import { readRulesView } from "./rules-view";

/** The rules that apply to a kalendermåned (YYYY-MM): those valid in it. */
export function rulesFor(kalendermaaned: string, rules: readonly AmeldingRule[] = AMELDING_RULES) {
  return rules.filter((r) => r.validFrom <= kalendermaaned && (r.validTo === null || kalendermaaned <= r.validTo));
}

/**
 * Runs the control rules over an A-melding (any leveranse-shaped value: see rules-view.ts). With
 * no `previous`, the rules that need the previous month are left out (the browser has none).
 */
export function runRules(
  leveranse: unknown,
  options: { previous?: unknown; rules?: readonly AmeldingRule[] } = {},
): RuleHit[] {
  const current = readRulesView(leveranse);
  const context: RuleContext = {
    current,
    ...(options.previous !== undefined ? { previous: readRulesView(options.previous) } : {}),
  };
  return rulesFor(current.kalendermaaned, options.rules).flatMap((rule) =>
    rule.needsHistory && context.previous === undefined
      ? []
      : rule.check(context).map((finding) => ({
          ...finding,
          ruleId: rule.id,
          skatteetatenCode: rule.skatteetatenCode,
          severity: rule.severity,
          messageKey: rule.messageKey,
        })),
  );
}

/** The hits that stop a send unless the user overrides them. */
export const blockingHits = (hits: RuleHit[]) => hits.filter((h) => h.severity === "Avvisning");
