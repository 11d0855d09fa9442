import { z } from "zod";

/**
 * The user's explicit decision to send despite Avvisning-level rule hits: the rules (our ids,
 * catalogue.ts) and why. The server sends only if it names every blocking rule (rule-gate.ts).
 */
export const ruleOverrideSchema = z
  .object({
    ruleIds: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
    reason: z.string().trim().min(10, { message: "ameldingRules.reasonTooShort" }).max(1000),
  })
  .meta({
    id: "RuleOverride",
    description: "Send despite Avvisning-level control rules: every such rule's id, and why",
  });
export type RuleOverride = z.infer<typeof ruleOverrideSchema>;
