import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { zodFieldErrors } from "@/lib/actions/check-values";
import type { AuditUser } from "@/lib/audit/audit-events";
import type { Principal } from "@/lib/auth/assert-permission";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, submissions } from "@/lib/db/schema";
import { createSubmission, saveDraft, sendCorrectedVersion } from "@/lib/submissions/operations/operations";
import { wasOppdragAcceptedBefore } from "@/lib/submissions/queries/submission-history";
import { oppdragDraftFields } from "./oppdrag-draft-schema";
import { oppdragFormSchema } from "./oppdrag-form-schema";
import { oppdragsgiverIsOrganisation } from "./oppdragsgiver";

export type SaveOppdragInput = {
  organisationId: string;
  intent: "draft" | "submit";
  /** The form's fields (lib/oppdrag/oppdrag-form-schema.ts): checked leniently for a draft, in full when sent. */
  fields: Record<string, unknown>;
  /** Editing a draft or correcting a rejected report: the result is a new version of it. */
  submissionId?: string;
  /** Reporting a change of an oppdrag reported before; a correction keeps its own, a new oppdrag gets a fresh one. */
  oppdragsreferanse?: string;
  /** The draft the form loaded or last saved (operations.ts draftToken): a save over another's is refused. */
  draftToken?: string;
};

/** Who saves: the signed-in user (the action) or an API key's principal (/api/v1). */
export type OppdragEditor = AuditUser & Principal & { organisationIds: string[] };

const oppdragDraftSchema = z.object(oppdragDraftFields);

function newOppdragsreferanse() {
  return `OPP-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * Saves an OAR report as a draft (whatever is filled in) or queues it (every field checked, every
 * error answered at once), in the caller's transaction. The form's action and the public API both
 * come through here, so a report sent either way is checked the same.
 */
export async function saveOppdrag(tx: DbOrTx, user: OppdragEditor, input: SaveOppdragInput) {
  if (!user.organisationIds.includes(input.organisationId))
    throw new SafeError("forbidden", "errors.organisationForbidden");
  const queue = input.intent === "submit";
  const parsed = queue ? oppdragFormSchema.safeParse(input.fields) : oppdragDraftSchema.safeParse(input.fields);
  if (!parsed.success) throw new SafeError("validation", "errors.validation", zodFieldErrors(parsed.error));
  const { hovedoppdragsgiverErAnnen, oppdragsgiverAvvikBekreftet, ...values } = parsed.data;

  // The report goes out for this organisation (its system user); naming another oppdragsgiver must be deliberate.
  const [organisation] = await tx
    .select({ id: organisations.id, orgnr: organisations.orgnr, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw new SafeError("forbidden", "errors.organisationForbidden");
  if (queue && !oppdragsgiverIsOrganisation(values.oppdragsgiver, organisation) && !oppdragsgiverAvvikBekreftet) {
    throw new SafeError("validation", "errors.validation", {
      oppdragsgiverAvvikBekreftet: ["oppdragsgiverNotConfirmed"],
    });
  }

  const existing = input.submissionId
    ? (
        await tx
          .select({ subject: submissions.subject })
          .from(submissions)
          .where(and(eq(submissions.id, input.submissionId), inArray(submissions.organisationId, [organisation.id])))
      )[0]
    : undefined;
  if (input.submissionId && !existing) throw new SafeError("not_found", "errors.notFound");
  const referanse = input.oppdragsreferanse ?? (existing?.subject || newOppdragsreferanse());
  // A change (ENDRING) of an oppdrag Skatteetaten has accepted states the day it took effect; the
  // 14-day deadline counts from it (docs/skatteetaten-contract.md, "OAR"). A new oppdrag has none.
  const isChange = await wasOppdragAcceptedBefore(tx, organisation.id, referanse);
  if (queue && isChange && !values.endringsdato) {
    throw new SafeError("validation", "errors.validation", { endringsdato: ["changeDateRequired"] });
  }

  // A hovedoppdragsgiver is kept only while its box is ticked (a stored one reopens the form ticked).
  // Through JSON, so what a draft left empty is left out of the stored payload.
  const payload = JSON.parse(
    JSON.stringify({
      ...values,
      hovedoppdragsgiver: hovedoppdragsgiverErAnnen ? values.hovedoppdragsgiver : undefined,
      endringsdato: isChange ? values.endringsdato : undefined,
      oppdragsreferanse: referanse,
    }),
  ) as Record<string, unknown>;
  const result =
    input.submissionId && !queue
      ? await saveDraft(tx, user, input.submissionId, [organisation.id], "oar", payload, {
          subject: referanse,
          expectedDraftToken: input.draftToken,
        })
      : input.submissionId
        ? await sendCorrectedVersion(tx, user, input.submissionId, [organisation.id], "oar", payload, {
            queue,
            expectedDraftToken: input.draftToken,
          })
        : await createSubmission(tx, user, {
            organisationId: organisation.id,
            kind: "oar",
            subject: referanse,
            payload,
            queue,
          });
  return {
    submissionId: result.submissionId,
    draftToken: result.draftToken,
    oppdragsreferanse: referanse,
    queued: result.queued,
    awaitingApproval: result.awaitingApproval,
  };
}
