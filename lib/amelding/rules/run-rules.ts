import { AMELDING_RULES } from "./catalogue";
import type { AmeldingRule, RuleContext, RuleHit } from "./rule-types";
import { type RulesView, readRulesView } from "./rules-view";

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
  const previous = options.previous !== undefined ? readRulesView(options.previous) : undefined;
  return runRulesOnView(readRulesView(leveranse), previous, options.rules);
}

/** The same over views already read (an import reads its file in a process of its own: prepare-import.ts). */
export function runRulesOnView(
  current: RulesView,
  previous?: RulesView,
  rules: readonly AmeldingRule[] = AMELDING_RULES,
): RuleHit[] {
  const context: RuleContext = { current, ...(previous ? { previous } : {}) };
  return rulesFor(current.kalendermaaned, rules).flatMap((rule) =>
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
