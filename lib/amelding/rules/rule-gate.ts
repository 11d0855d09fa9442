import "server-only";
import { type FieldErrors, SafeError } from "@/lib/actions/action-result";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { DbOrTx } from "@/lib/db/client";
import { previousMonthLeveranse } from "./previous-month";
import { type RuleOverride, ruleOverrideSchema } from "./rule-override";
import type { RuleHit } from "./rule-types";
import { blockingHits, runRules } from "./run-rules";

/** Every hit as a field error on the field it marks (message key `ameldingRules.messages.<rule>`). */
export function ruleFieldErrors(hits: RuleHit[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const hit of hits) {
    const keys = errors[hit.path] ?? [];
    if (!keys.includes(hit.messageKey)) errors[hit.path] = [...keys, hit.messageKey];
  }
  return errors;
}

/**
 * Runs every rule (with the organisation's previous month) on an A-melding about to be sent.
 * An Avvisning-level hit stops the send (SafeError `ameldingRules.blocked`, the hits as field
 * errors) unless `override` names every such rule and gives a reason. Returns the overridden
 * rules for the caller to audit once the submission exists (auditRuleOverride), in the same
 * transaction as the send.
 */
export async function checkRulesBeforeSend(
  tx: DbOrTx,
  input: { organisationId: string; leveranse: Record<string, unknown>; override?: RuleOverride },
): Promise<{ hits: RuleHit[]; overridden: RuleHit[] }> {
  const kalendermaaned = typeof input.leveranse.kalendermaaned === "string" ? input.leveranse.kalendermaaned : "";
  const previous = kalendermaaned ? await previousMonthLeveranse(tx, input.organisationId, kalendermaaned) : undefined;
  const hits = runRules(input.leveranse, previous ? { previous } : {});
  const blocking = blockingHits(hits);
  if (blocking.length === 0) return { hits, overridden: [] };
  // Parsed here too, not only at the action's or route's boundary: every caller is held to it.
  const override = input.override === undefined ? undefined : ruleOverrideSchema.safeParse(input.override);
  if (override && !override.success)
    throw new SafeError("validation", "ameldingRules.blocked", {
      ...ruleFieldErrors(blocking),
      "ruleOverride.reason": ["ameldingRules.reasonTooShort"],
    });
  const named = new Set(override?.data.ruleIds ?? []);
  if (!override || blocking.some((h) => !named.has(h.ruleId)))
    throw new SafeError("validation", "ameldingRules.blocked", ruleFieldErrors(blocking));
  return { hits, overridden: blocking };
}

/** Records who sent past which Avvisning-level rules and why, against the submission sent. */
export async function auditRuleOverride(
  tx: DbOrTx,
  actor: AuditUser,
  target: { submissionId: string; organisationId: string },
  overridden: RuleHit[],
  reason: string,
) {
  if (overridden.length === 0) return;
  await recordAudit(tx, userActor(actor), {
    action: "amelding.rules_overridden",
    targetType: "submission",
    targetId: target.submissionId,
    organisationIds: [target.organisationId],
    details: {
      rules: [...new Set(overridden.map((h) => h.skatteetatenCode ?? h.ruleId))],
      findings: overridden.length,
      overrideReason: reason,
    },
  });
}
