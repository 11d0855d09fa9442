import type { RulesView } from "./rules-view";

/** Skatteetaten's three severities of a control rule's deviation (avvik). */
export const RULE_SEVERITIES = ["Avvisning", "Oeyeblikkelig", "Retningslinje"] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** Where a rule comes from: a page of Skatteetaten's A-melding guidance, or a third-party help page. */
export type RuleSource = {
  kind: "official" | "third-party" | "ours";
  url: string;
  section: string;
  /** What the source does not say, and what we chose instead. */
  note?: string;
};

/** What a rule's check gets: this month's A-melding, and what the organisation sent the month before. */
export type RuleContext = {
  current: RulesView;
  /** The organisation's A-melding(er) for the previous month, merged; undefined when not looked up (the browser). */
  previous?: RulesView;
};

/** One place a rule is broken: the dotted model path it marks, and values for its message. */
export type RuleFinding = { path: string; params?: Record<string, string> };

export type AmeldingRule = {
  /** Our code; stable, used in overrides and the audit log. */
  id: string;
  /** Skatteetaten's code (MAGNET_EDAG-nnn) when one is known, else null (not official). */
  skatteetatenCode: string | null;
  severity: RuleSeverity;
  /** Whether a page we could read states the severity; when false the severity is our choice (see source.note). */
  severityPublished: boolean;
  /** The message in both languages: `ameldingRules.messages.<id>` in the message files. */
  messageKey: string;
  /** The field the rule concerns, relative to the person (or the leveranse), as documentation. */
  field: string;
  source: RuleSource;
  /** First and last kalendermåned (YYYY-MM) the rule applies to; validTo null: until replaced. */
  validFrom: string;
  validTo: string | null;
  /** Needs the previous month's A-melding (runs on the server only). */
  needsHistory: boolean;
  check: (context: RuleContext) => RuleFinding[];
};

/** One finding with what a reader needs of its rule. */
export type RuleHit = RuleFinding & {
  ruleId: string;
  skatteetatenCode: string | null;
  severity: RuleSeverity;
  messageKey: string;
};
