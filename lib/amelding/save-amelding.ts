import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { type FieldErrors, SafeError } from "@/lib/actions/action-result";
import type { AuditUser } from "@/lib/audit/audit-events";
import type { Principal } from "@/lib/auth/assert-permission";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, submissions } from "@/lib/db/schema";
import {
  CORRECTABLE_STATUSES,
  createSubmission,
  saveDraft,
  sendCorrectedVersion,
} from "@/lib/submissions/operations/operations";
import { leveranseDraftSchema } from "./leveranse-draft-schema";
import { leveranseSchema, leveranseUnsentSchema } from "./leveranse-schema";
import { leveringstidspunktNow } from "./leveringstidspunkt";
import { isMeldingsIdUsed, lookUpReplaceableAmelding, type ReplaceableAmelding } from "./queries";
import { auditRuleOverride, checkRulesBeforeSend } from "./rules/rule-gate";
import type { RuleOverride } from "./rules/rule-override";
import { ameldingMessageKey } from "./validation-messages";

export type SaveAmeldingInput = {
  organisationId: string;
  intent: "draft" | "submit";
  /** The builder's values (wire shape, amounts possibly as text); validated here with the shared schema. */
  leveranse: Record<string, unknown>;
  /** Editing a draft, or correcting a rejected/failed one: the result is a new version of it. */
  submissionId?: string;
  /** Sending a replacement of this accepted A-melding. */
  replacesSubmissionId?: string;
  /** The draft the builder loaded or last saved (operations.ts draftToken): a save over another's is refused. */
  draftToken?: string;
  /** Sending despite Avvisning-level control rules: which rules and why (rules/rule-gate.ts); audited. */
  ruleOverride?: RuleOverride;
};

/** Who saves, as this operation needs them: the signed-in user (the action passes the CurrentUser) or an API key's principal. */
export type AmeldingEditor = AuditUser & Principal & { organisationIds: string[] };

function validationError(fieldErrors: FieldErrors): never {
  throw new SafeError("validation", "errors.validation", fieldErrors);
}

async function findEditable(tx: DbOrTx, submissionId: string, organisationIds: string[]) {
  const [row] = await tx
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, submissionId), inArray(submissions.organisationId, organisationIds)));
  if (row?.kind !== "amelding") throw new SafeError("not_found", "errors.notFound");
  if (!CORRECTABLE_STATUSES.includes(row.status)) throw new SafeError("conflict", "errors.notCorrectable");
  return row;
}

function parseDraft(raw: Record<string, unknown>) {
  const draft = leveranseDraftSchema.safeParse(raw);
  if (!draft.success) return draft;
  const complete = leveranseUnsentSchema.safeParse(raw);
  return complete.success ? complete : draft;
}

/**
 * Saves an A-melding from the builder as a draft or queues it for delivery, in the caller's
 * transaction (the submission, its version and the audit row commit together). The server
 * decides leveringstidspunkt (at submit) and, for a replacement, erstatterMeldingsId; the
 * client cannot choose either.
 */
export async function saveAmelding(tx: DbOrTx, user: AmeldingEditor, input: SaveAmeldingInput) {
  if (!user.organisationIds.includes(input.organisationId))
    throw new SafeError("forbidden", "errors.organisationForbidden");
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!organisation) throw new SafeError("not_found", "errors.notFound");

  const existing = input.submissionId ? await findEditable(tx, input.submissionId, user.organisationIds) : undefined;
  if (existing && existing.organisationId !== organisation.id)
    throw new SafeError("conflict", "ameldingBuilder.errors.organisationChanged");

  const raw: Record<string, unknown> = {
    ...input.leveranse,
    erstatterMeldingsId: undefined,
    leveringstidspunkt: undefined,
  };
  if (input.intent === "submit") raw.leveringstidspunkt = leveringstidspunktNow();

  const replacesSubmissionId = existing ? (existing.replacesSubmissionId ?? undefined) : input.replacesSubmissionId;
  let replaced: ReplaceableAmelding | undefined;
  if (replacesSubmissionId) {
    const lookup = await lookUpReplaceableAmelding(tx, replacesSubmissionId, user.organisationIds);
    if (!lookup.ok) throw new SafeError("conflict", `ameldingBuilder.refused.${lookup.reason}`);
    if (lookup.amelding.organisationId !== organisation.id)
      throw new SafeError("conflict", "ameldingBuilder.errors.organisationChanged");
    replaced = lookup.amelding;
    raw.erstatterMeldingsId = replaced.meldingsId;
  }

  // A draft keeps whatever is filled in (bounded by the draft schema), in the model's shape once it
  // is complete; sending checks every field and answers every error at once.
  const parsed = input.intent === "submit" ? leveranseSchema.safeParse(raw) : parseDraft(raw);
  const fieldErrors: FieldErrors = {};
  const add = (path: string, key: string) => {
    fieldErrors[path] = [...(fieldErrors[path] ?? []), key];
  };
  if (!parsed.success)
    for (const issue of parsed.error.issues) add(issue.path.join("."), ameldingMessageKey(issue.message));

  const orgnr = (raw.opplysningspliktig as { norskIdentifikator?: unknown } | undefined)?.norskIdentifikator;
  if (typeof orgnr === "string" && orgnr.replace(/\s+/g, "") !== organisation.orgnr)
    add("opplysningspliktig.norskIdentifikator", "organisationMismatch");
  if (replaced && raw.kalendermaaned !== replaced.kalendermaaned) add("kalendermaaned", "replacementMonthChanged");
  if (
    typeof raw.meldingsId === "string" &&
    raw.meldingsId.trim() !== "" &&
    (await isMeldingsIdUsed(tx, organisation.id, raw.meldingsId.trim(), { exceptSubmissionId: existing?.id }))
  ) {
    add("meldingsId", "meldingsIdUsed");
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) validationError(fieldErrors);

  // Through JSON, so absent optional fields are left out of the stored payload rather than kept as undefined.
  const payload = JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>;
  const subject = typeof payload.kalendermaaned === "string" ? payload.kalendermaaned.trim().slice(0, 20) : "";
  const queue = input.intent === "submit";
  // Every send runs the control rules here, after the schema: builder, API create and API versions.
  const rules = queue
    ? await checkRulesBeforeSend(tx, {
        organisationId: organisation.id,
        leveranse: payload,
        override: input.ruleOverride,
      })
    : undefined;
  const audited = async (submissionId: string) => {
    if (rules && input.ruleOverride)
      await auditRuleOverride(
        tx,
        user,
        { submissionId, organisationId: organisation.id },
        rules.overridden,
        input.ruleOverride.reason,
      );
  };
  if (existing) {
    const result = queue
      ? await sendCorrectedVersion(tx, user, existing.id, [organisation.id], "amelding", payload, {
          queue,
          expectedDraftToken: input.draftToken,
        })
      : await saveDraft(tx, user, existing.id, [organisation.id], "amelding", payload, {
          subject,
          expectedDraftToken: input.draftToken,
        });
    if (existing.subject !== subject) {
      await tx.update(submissions).set({ subject }).where(eq(submissions.id, existing.id));
    }
    await audited(result.submissionId);
    return {
      submissionId: result.submissionId,
      queued: result.queued,
      awaitingApproval: result.awaitingApproval,
      draftToken: result.draftToken,
    };
  }
  const result = await createSubmission(tx, user, {
    organisationId: organisation.id,
    kind: "amelding",
    subject,
    payload,
    queue,
    replacesSubmissionId: replaced?.id,
  });
  await audited(result.submissionId);
  return {
    submissionId: result.submissionId,
    queued: result.queued,
    awaitingApproval: result.awaitingApproval,
    draftToken: result.draftToken,
  };
}
