"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";
import { ruleOverrideSchema } from "./rules/rule-override";
import { saveAmelding } from "./save-amelding";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const saveAmeldingSchema = z.object({
  organisationId: z.uuid({ error: "required" }),
  intent: z.enum(["draft", "submit"]),
  submissionId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  replacesSubmissionId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  /** The draft the builder loaded or last saved (operations.ts draftToken): a save over another's is refused. */
  draftToken: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  // Validated inside saveAmelding with the builder's schema, so field errors keep the model's paths.
  leveranse: z.record(z.string(), z.unknown()),
  /** Sending despite Avvisning-level control rules (checked and audited in saveAmelding). */
  ruleOverride: ruleOverrideSchema.optional(),
});

export const saveAmeldingAction = defineAction(
  { name: "saveAmelding", permission: "submission:edit", schema: saveAmeldingSchema },
  async (input, { user, db }) => {
    const result = await db.transaction((tx) => saveAmelding(tx, user, input));
    if (result.queued) await wakeDeliveryWorker(result.submissionId);
    return { submissionId: result.submissionId, draftToken: result.draftToken };
  },
);
