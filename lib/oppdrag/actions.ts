"use server";

import { randomBytes } from "node:crypto";
import { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { zodFieldErrors } from "@/lib/actions/check-values";
import { assertOrganisationAccess, defineAction } from "@/lib/actions/define-action";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";
import { createSubmission, saveDraft, sendCorrectedVersion } from "@/lib/submissions/operations/operations";
import { oppdragDraftFields } from "./oppdrag-draft-schema";
import { oppdragSchemaWith } from "./oppdrag-form-schema";
import { oppdragsgiverIsOrganisation } from "./oppdragsgiver";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const saveOppdragExtra = {
  organisationId: z.uuid({ error: "required" }),
  intent: z.enum(["draft", "submit"]),
  /** Set when editing a draft or correcting a rejected report: the result is a new version of it. */
  submissionId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  /** Set when reporting a change of an oppdrag reported before; new oppdrag get a fresh one. */
  oppdragsreferanse: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  /** The draft the form loaded or last saved (operations.ts draftToken): a save over another's is refused. */
  draftToken: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
};

/** What the action reads: a draft's lenient fields; sending checks them again with the full schema below. */
const saveOppdragSchema = z.object({ ...oppdragDraftFields, ...saveOppdragExtra });
const sendOppdragSchema = oppdragSchemaWith(saveOppdragExtra);

function newOppdragsreferanse() {
  return `OPP-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * Saves an oppdrag as a draft (whatever is filled in) or sends it (every field checked, every
 * error answered at once).
 */
export const saveOppdragAction = defineAction(
  { name: "saveOppdrag", permission: "submission:edit", schema: saveOppdragSchema },
  async (draft, { user, db }) => {
    assertOrganisationAccess(user, draft.organisationId);
    const queue = draft.intent === "submit";
    const checked = queue ? sendOppdragSchema.safeParse(draft) : null;
    if (checked && !checked.success) {
      throw new SafeError("validation", "errors.validation", zodFieldErrors(checked.error));
    }
    const {
      organisationId,
      intent: _intent,
      submissionId,
      oppdragsreferanse,
      draftToken,
      hovedoppdragsgiverErAnnen,
      oppdragsgiverAvvikBekreftet,
      ...values
    } = checked ? checked.data : draft;
    // The report goes out for this organisation (its system user); naming another oppdragsgiver must be deliberate.
    const [organisation] = await listOrganisationsForUser(db, [organisationId]);
    if (!organisation) throw new SafeError("forbidden", "errors.organisationForbidden");
    if (queue && !oppdragsgiverIsOrganisation(values.oppdragsgiver, organisation) && !oppdragsgiverAvvikBekreftet) {
      throw new SafeError("validation", "errors.validation", {
        oppdragsgiverAvvikBekreftet: ["oppdragsgiverNotConfirmed"],
      });
    }
    const referanse = oppdragsreferanse ?? newOppdragsreferanse();
    // A hovedoppdragsgiver is kept only while its box is ticked (a stored one reopens the form ticked).
    // Through JSON, so what a draft left empty is left out of the stored payload.
    const payload = JSON.parse(
      JSON.stringify({
        ...values,
        hovedoppdragsgiver: hovedoppdragsgiverErAnnen ? values.hovedoppdragsgiver : undefined,
        oppdragsreferanse: referanse,
      }),
    ) as Record<string, unknown>;
    const result = await db.transaction((tx) => {
      if (submissionId && !queue) {
        return saveDraft(tx, user, submissionId, [organisationId], "oar", payload, {
          subject: referanse,
          expectedDraftToken: draftToken,
        });
      }
      return submissionId
        ? sendCorrectedVersion(tx, user, submissionId, [organisationId], "oar", payload, {
            queue,
            expectedDraftToken: draftToken,
          })
        : createSubmission(tx, user, { organisationId, kind: "oar", subject: referanse, payload, queue });
    });
    if (queue) await wakeDeliveryWorker(result.submissionId);
    return { submissionId: result.submissionId, draftToken: result.draftToken, oppdragsreferanse: referanse };
  },
);
