"use server";

import { z } from "zod/mini";
import { defineAction } from "@/lib/actions/define-action";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";
import { ruleOverrideSchema } from "./rules/rule-override";
import { saveAmelding } from "./save-amelding";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const saveAmeldingSchema = z.object({
  organisationId: z.uuid({ error: "required" }),
  intent: z.enum(["draft", "submit"]),
  submissionId: z.pipe(z.transform(emptyToUndefined), z.optional(z.uuid())),
  replacesSubmissionId: z.pipe(z.transform(emptyToUndefined), z.optional(z.uuid())),
  /** The draft the builder loaded or last saved (operations.ts draftToken): a save over another's is refused. */
  draftToken: z.pipe(z.transform(emptyToUndefined), z.optional(z.string().check(z.maxLength(100)))),
  // Validated inside saveAmelding with the builder's schema, so field errors keep the model's paths.
  leveranse: z.record(z.string(), z.unknown()),
  /** Sending despite Avvisning-level control rules (checked and audited in saveAmelding). */
  ruleOverride: z.optional(ruleOverrideSchema),
});

export const saveAmeldingAction = defineAction(
  { name: "saveAmelding", permission: "submission:edit", schema: saveAmeldingSchema },
  async (input, { user, db }) => {
    const result = await db.transaction((tx) => saveAmelding(tx, user, input));
    if (result.queued) await wakeDeliveryWorker(result.submissionId);
    return { submissionId: result.submissionId, draftToken: result.draftToken };
  },
);
