"use server";

import { z } from "zod/mini";
import { assertOrganisationAccess, defineAction } from "@/lib/actions/define-action";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";
import { oppdragDraftFields } from "./oppdrag-draft-schema";
import { saveOppdrag } from "./save-oppdrag";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const saveOppdragExtra = {
  organisationId: z.uuid({ error: "required" }),
  intent: z.enum(["draft", "submit"]),
  /** Set when editing a draft or correcting a rejected report: the result is a new version of it. */
  submissionId: z.pipe(z.transform(emptyToUndefined), z.optional(z.uuid())),
  /** Set when reporting a change of an oppdrag reported before; new oppdrag get a fresh one. */
  oppdragsreferanse: z.pipe(z.transform(emptyToUndefined), z.optional(z.string().check(z.trim(), z.maxLength(100)))),
  /** The draft the form loaded or last saved (operations.ts draftToken): a save over another's is refused. */
  draftToken: z.pipe(z.transform(emptyToUndefined), z.optional(z.string().check(z.maxLength(100)))),
};

/** What the action reads: a draft's lenient fields; sending checks them again in full (save-oppdrag.ts). */
const saveOppdragSchema = z.object({ ...oppdragDraftFields, ...saveOppdragExtra });

/**
 * Saves an oppdrag as a draft (whatever is filled in) or sends it (every field checked, every
 * error answered at once), through the one operation the public API also uses.
 */
export const saveOppdragAction = defineAction(
  { name: "saveOppdrag", permission: "submission:edit", schema: saveOppdragSchema },
  async (draft, { user, db }) => {
    assertOrganisationAccess(user, draft.organisationId);
    const { organisationId, intent, submissionId, oppdragsreferanse, draftToken, ...fields } = draft;
    const result = await db.transaction((tx) =>
      saveOppdrag(tx, user, { organisationId, intent, submissionId, oppdragsreferanse, draftToken, fields }),
    );
    if (result.queued) await wakeDeliveryWorker(result.submissionId);
    return {
      submissionId: result.submissionId,
      draftToken: result.draftToken,
      oppdragsreferanse: result.oppdragsreferanse,
    };
  },
);
